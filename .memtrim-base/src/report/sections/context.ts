// What every section gets: the translator, the scan, the computed model and the
// report options; plus the few formatting helpers they share.
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces.js';
import type { ScanResult, Severity } from '../../api/result.js';
import type { ReportModel } from '../model.js';
import { SEVERITY_COLOR } from '../knowledge.js';

export interface ReportOptions {
  lang: 'en' | 'nl';
  org: string | null;
  siteName: string | null;
  providerServers: string[];
  /** Data URL of the checked logo, or null. */
  logo: string | null;
  /** When the report is made (the cover date). */
  now: Date;
}

export interface SectionContext {
  t: TFunction;
  scan: ScanResult;
  model: ReportModel;
  opts: ReportOptions;
}

const LOCALE = { en: 'en-GB', nl: 'nl-NL' } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: 'en' | 'nl', withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** A date (and time) in the report's language, in UTC so every reader sees the same. */
export function fmtDate(iso: string | Date | null | undefined, lang: 'en' | 'nl', withTime = false): string {
  if (!iso) return '';
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const text = formatter(lang, withTime).format(d);
  return withTime ? `${text} UTC` : text;
}

export function severityBadge(c: SectionContext, s: Severity): Content {
  return { text: c.t(`severity.${s}`).toUpperCase(), color: SEVERITY_COLOR[s], bold: true, fontSize: 8 };
}

export function heading(text: string, pageBreak = true): Content {
  return pageBreak ? { text, style: 'h1', pageBreak: 'before' } : { text, style: 'h1' };
}
