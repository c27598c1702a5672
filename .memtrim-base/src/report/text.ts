// Device strings are hostile (User-Agents, banners, mDNS names): before any of
// them reaches the PDF they become inert plain text here. pdfmake never parses
// markup, so "<script>" is already just characters; what remains dangerous is
// invisible or reordering input (ANSI escapes, control characters, RTL
// overrides), secrets that slipped past redaction, and sheer size (a 10 kB
// header would blow up a table cell). The character handling is the CLI's
// (src/util/inert.ts: unsafe characters become visible escapes such as \x1b),
// so a terminal and the PDF show the same thing.
import { inert as inertChars } from '../util/inert.js';

/** Secrets that might slip into free text despite redaction at read time: `password=…`, URL user-info. */
const SECRET_ASSIGN = /\b(pass(?:word|wd)?|pwd|secret|token|auth(?:_?key)?|api[_-]?key)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,]+)/gi;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** Signs the embedded Roboto has no glyph for, in texts we show (vendor menu paths use arrows). */
const GLYPH_FALLBACK: Record<string, string> = { '→': '>', '⇒': '>', '➔': '>', '➜': '>', '▶': '>', '►': '>', '←': '<', '⇐': '<' };
const NO_GLYPH = new RegExp(`[${Object.keys(GLYPH_FALLBACK).join('')}]`, 'g');

export const DEFAULT_MAX = 200;

/** Plain, single-line, bounded text: no escapes, no controls, no bidi tricks, no obvious secrets. */
export function inert(value: unknown, max = DEFAULT_MAX): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  // Cut early: a hostile 10 MB string must not cost regex time over all of it.
  if (s.length > max * 4 + 64) s = s.slice(0, max * 4 + 64);
  s = s
    .replace(/[\t\r\n\v\f]+/g, ' ')
    .replace(URL_USERINFO, '$1')
    .replace(SECRET_ASSIGN, '$1$2[redacted]')
    .replace(NO_GLYPH, (ch) => GLYPH_FALLBACK[ch] ?? ch)
    .trim();
  return inertChars(s, max);
}

/** A URL shown without user-info, query or fragment (provisioning URLs may carry credentials). */
export function safeUrl(value: string | null | undefined, max = 120): string {
  if (!value) return '';
  try {
    const u = new URL(value);
    return inert(`${u.protocol}//${u.host}${u.pathname}`, max);
  } catch {
    return inert(value.replace(/[?#].*$/, ''), max);
  }
}
