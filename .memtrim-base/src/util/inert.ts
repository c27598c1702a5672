// Inert rendering of device-supplied strings (User-Agent, Server, realm, page
// title, mDNS names…) for the terminal. A phone, or a scanner posing as one, can
// put anything in a SIP header: ANSI/OSC escapes that recolour or retitle the
// terminal, rewrite earlier lines or hide text; bidi overrides that reverse what
// the admin reads; zero-width characters; thousands of combining marks. svmap
// prints these headers raw, as they come. Here every such character becomes a
// visible escape (`\x1b`, `\u{202e}`) and the result is cut to a display width,
// so it can neither act on the terminal nor break a table's columns.
// The JSON output keeps the raw value: JSON escaping already makes it safe.
import stringWidth from 'string-width';

/** Code points that must never reach a terminal raw. */
// Cc: C0, DEL, C1 (incl. ESC, CSI, OSC, BEL). Cf: bidi embeddings/overrides/isolates
// (U+202A–202E, U+2066–2069), zero-width chars, BOM, soft hyphen. Zl/Zp: line and
// paragraph separators. Cs: lone surrogates. Cn: unassigned (terminals disagree on
// their width). Default_Ignorable: invisible fillers such as U+3164 HANGUL FILLER.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;
const MARK = /\p{M}/u;
/** Plain printable ASCII without backslash: the common case, no per-character work. */
const PLAIN_ASCII = /^[\x20-\x5b\x5d-\x7e]*$/;
/** More combining marks than this on one base are escaped (a "Zalgo" string would otherwise be huge at width 0). */
const MAX_MARKS_PER_BASE = 2;

export const ELLIPSIS = '…';

function escapeCodePoint(cp: number): string {
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16)}}`;
}

interface Token { text: string; width: number }

function tokens(s: string): Token[] {
  const out: Token[] = [];
  let marks = 0;
  let afterBase = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') {
      out.push({ text: '\\\\', width: 2 }); // so that a literal "\x1b" in the input cannot pass for an escaped ESC
      afterBase = true;
      marks = 0;
    } else if (UNSAFE.test(ch)) {
      const text = escapeCodePoint(cp);
      out.push({ text, width: text.length });
      afterBase = false;
      marks = 0;
    } else if (MARK.test(ch)) {
      if (afterBase && marks < MAX_MARKS_PER_BASE) {
        out.push({ text: ch, width: 0 });
        marks++;
      } else {
        const text = escapeCodePoint(cp);
        out.push({ text, width: text.length });
      }
    } else {
      out.push({ text: ch, width: stringWidth(ch) });
      afterBase = true;
      marks = 0;
    }
  }
  return out;
}

/**
 * A device string made safe for a terminal: unsafe characters escaped, cut with an
 * ellipsis to at most `maxWidth` columns (Infinity = no cut). null/undefined → ''.
 */
export function inert(value: string | null | undefined, maxWidth = Infinity): string {
  if (value === null || value === undefined) return '';
  const max = Math.max(1, Math.floor(maxWidth));
  if (PLAIN_ASCII.test(value)) {
    return value.length <= max ? value : value.slice(0, max - 1) + ELLIPSIS;
  }
  const toks = tokens(value);
  const total = toks.reduce((sum, t) => sum + t.width, 0);
  if (total <= max) return toks.map((t) => t.text).join('');
  let out = '';
  let width = 0;
  for (const t of toks) {
    if (width + t.width > max - 1) break;
    out += t.text;
    width += t.width;
  }
  return out + ELLIPSIS;
}

/** Columns a string takes in a terminal (for strings already made inert). */
export function displayWidth(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += MARK.test(ch) ? 0 : stringWidth(ch);
  return w;
}

/** Pad an inert string with spaces to `width` columns. */
export function padDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}
