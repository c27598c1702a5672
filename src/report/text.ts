// Device strings are hostile (User-Agents, banners, mDNS names): before any of
// them reaches the PDF they become inert plain text here. pdfmake never parses
// markup, so "<script>" is already just characters; what remains dangerous is
// invisible or reordering input (ANSI escapes, control characters, RTL
// overrides) and sheer size (a 10 kB header would blow up a table cell).

/** ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST), and 2-char escapes. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0/C1 controls (tabs and newlines become spaces first), DEL. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embedding/override/isolate marks and zero-width joiners that can reorder or hide text. */
const BIDI = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/g;
/** Unpaired surrogates (broken UTF-16) cannot be encoded in the PDF. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Secrets that might slip into free text despite redaction at read time: `password=…`, URL user-info. */
const SECRET_ASSIGN = /\b(pass(?:word|wd)?|pwd|secret|token|auth(?:_?key)?|api[_-]?key)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,]+)/gi;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

export const DEFAULT_MAX = 200;

/** Plain, single-line, bounded text: no escapes, no controls, no bidi tricks, no obvious secrets. */
export function inert(value: unknown, max = DEFAULT_MAX): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  // Cut early: a hostile 10 MB string must not cost regex time over all of it.
  if (s.length > max * 4 + 64) s = s.slice(0, max * 4 + 64);
  s = s
    .replace(ANSI, '')
    .replace(/[\t\r\n\v\f]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(URL_USERINFO, '$1')
    .replace(SECRET_ASSIGN, '$1$2[redacted]')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
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
