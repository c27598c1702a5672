// The report's fonts. Roboto (shipped with pdfmake, Latin/Greek/Cyrillic) is
// embedded so the PDF looks the same in every viewer. Its OpenType layout tables
// (GSUB/GPOS/GDEF: ligatures, kerning) are hidden from the shaper: with them every
// distinct word — and IPs, MACs and URLs are all distinct — goes through OpenType
// shaping, which made layout of a 250-device report ~5x slower; without them
// fontkit maps characters to glyphs directly. Cost: no kerning or ligatures.
// Code (firewall rules) uses the PDF standard font Courier, which only encodes
// WinAnsi; a run with any other character falls back to Roboto.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const TEXT_FONT = 'Roboto';
export const CODE_FONT = 'Courier';

const require = createRequire(import.meta.url);
const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const STYLES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } as const;
const LAYOUT_TABLES = new Set(['GSUB', 'GPOS', 'GDEF']);

/** Rename the layout tables' tags in the sfnt table directory (the data stays; readers skip unknown tags). */
export function hideLayoutTables(font: Buffer): Buffer {
  const out = Buffer.from(font);
  const numTables = out.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = out.toString('latin1', at, at + 4);
    if (LAYOUT_TABLES.has(tag)) out.write(`x${tag.slice(1)}`, at, 'latin1');
  }
  return out;
}

/** Virtual file name → font bytes, for pdfmake's virtual file system (read once). */
let cached: Map<string, Buffer> | null = null;
export function textFontFiles(): Map<string, Buffer> {
  if (!cached) {
    cached = new Map(Object.values(STYLES).map((f) => [`gc-${f}`, hideLayoutTables(readFileSync(join(ROBOTO_DIR, f)))]));
  }
  return cached;
}

export const FONT_DESCRIPTORS = {
  [TEXT_FONT]: { normal: `gc-${STYLES.normal}`, bold: `gc-${STYLES.bold}`, italics: `gc-${STYLES.italics}`, bolditalics: `gc-${STYLES.bolditalics}` },
  // PDF standard font: built into every reader, no file read.
  [CODE_FONT]: { normal: 'Courier', bold: 'Courier-Bold', italics: 'Courier-Oblique', bolditalics: 'Courier-BoldOblique' },
};
export const STANDARD_FONT_NAMES: ReadonlySet<string> = new Set(Object.values(FONT_DESCRIPTORS[CODE_FONT]));

/** Characters outside WinAnsiEncoding (printable ASCII, Latin-1, and the 0x80–0x9F specials). */
const NOT_WINANSI = /[^\n\x20-\x7e\u00a0-\u00ff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

/** The font for a run of code: Courier when it can encode every character, else Roboto. */
export function codeFont(text: string): string {
  return NOT_WINANSI.test(text) ? TEXT_FONT : CODE_FONT;
}
