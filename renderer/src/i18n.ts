import { translator, systemLang, type Lang } from '../../src/i18n/index.js';

export type { Lang };
export const initialLang = (): Lang => systemLang({ LANG: navigator.language.replace('-', '_') });
export const uiT = (lang: Lang) => translator(lang, 'ui');
export const errorT = (lang: Lang) => translator(lang, 'errors');
