// One set of translations (nl/en) for the CLI, the PDF report and the UI, in
// i18next namespaces: one JSON file per area and language, each owned by its area.
import i18next, { type TFunction } from 'i18next';
import enCommon from './locales/en/common.json' with { type: 'json' };
import nlCommon from './locales/nl/common.json' with { type: 'json' };
import enCli from './locales/en/cli.json' with { type: 'json' };
import nlCli from './locales/nl/cli.json' with { type: 'json' };
import enErrors from './locales/en/errors.json' with { type: 'json' };
import nlErrors from './locales/nl/errors.json' with { type: 'json' };
import enChecks from './locales/en/checks.json' with { type: 'json' };
import nlChecks from './locales/nl/checks.json' with { type: 'json' };
import enReport from './locales/en/report.json' with { type: 'json' };
import nlReport from './locales/nl/report.json' with { type: 'json' };
import enUi from './locales/en/ui.json' with { type: 'json' };
import nlUi from './locales/nl/ui.json' with { type: 'json' };

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export const NAMESPACES = ['common', 'cli', 'errors', 'checks', 'report', 'ui'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: { common: enCommon, cli: enCli, errors: enErrors, checks: enChecks, report: enReport, ui: enUi },
  nl: { common: nlCommon, cli: nlCli, errors: nlErrors, checks: nlChecks, report: nlReport, ui: nlUi },
} as const;

const instances = new Map<Lang, TFunction>();

/** A translator for one language (instances are cached; no global state is changed). */
export function translator(lang: Lang, ns: Namespace = 'common'): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const inst = i18next.createInstance();
    void inst.init({
      lng: lang,
      fallbackLng: 'en',
      resources: resources as unknown as Record<string, Record<string, object>>,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false }, // output goes to PDF/terminal/React, each escapes itself
      returnNull: false,
    });
    t = inst.t;
    instances.set(lang, t);
  }
  return ((key: string, opts?: Record<string, unknown>) => (t as TFunction)(key, { ns, ...(opts ?? {}) })) as unknown as TFunction;
}

/** The user's language from the system locale (LC_ALL, LC_MESSAGES, LANG), default English. */
type Env = Record<string, string | undefined>;
// globalThis lookup so this module also loads in the renderer (no `process` there).
const processEnv = (): Env => (globalThis as { process?: { env: Env } }).process?.env ?? {};

export function systemLang(env: Env = processEnv()): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl\b|^nl[_-]/i.test(loc) ? 'nl' : 'en';
}
