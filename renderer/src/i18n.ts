import { translator, systemLang, type Lang } from '../../src/i18n/index.js';

export type { Lang };
export const initialLang = (): Lang => systemLang({ LANG: navigator.language.replace('-', '_') });
export const uiT = (lang: Lang) => translator(lang, 'ui');
/** Shared terms (phase names) and the checks' own texts (root-cause titles and actions). */
export const commonT = (lang: Lang) => translator(lang, 'common');
export const checksT = (lang: Lang) => translator(lang, 'checks');
