// Panasonic SIP phones (KX-UT, KX-TGP, KX-HDV): a text file that must start with
// `# Panasonic SIP Phone Standard Format File #`, then `NAME="value"` lines (no
// spaces around `=`, value always quoted, `#` comments). Per the vendor's
// administrator guide, a parameter given twice takes its FIRST value, unlike
// the other line formats; the parser keeps the first occurrence.
// Source: KX-UT670 Administrator Guide, 5.2.1 Configuration File Specifications
// https://manualshive.com/ru/manual/panasonic/kx-ut670/270146?page=136
import { ConfigParseError, type FormatDef, type ParamMap } from '../types.js';
import { splitLines } from './lines.js';

const HEADER = /^\uFEFF?# Panasonic SIP Phone Standard Format File #/;
const LINE = /^([A-Z0-9_]{1,32})="(.*)"$/;
// KX-UT123 Administrator Guide 2.4: lines longer than 537 bytes (with CR LF) are ignored by the phone.
// https://www.easymanua.ls/panasonic/kx-ut123/manual/187074?p=46
const MAX_LINE_BYTES = 537 - 2;

export const panasonicText: FormatDef = {
  id: 'panasonic-text',
  vendor: 'panasonic',
  priority: 70,
  matches: (t) => HEADER.test(t),
  parse: parsePanasonic,
};

function parsePanasonic(text: string): ParamMap {
  if (!HEADER.test(text)) throw new ConfigParseError('not a Panasonic file: the "# Panasonic SIP Phone Standard Format File #" header is missing', 1);
  const map: ParamMap = new Map();
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || Buffer.byteLength(raw, 'utf8') > MAX_LINE_BYTES) return;
    const m = LINE.exec(line);
    if (!m) throw new ConfigParseError('not a Panasonic setting: expected NAME="value"', i + 1);
    if (!map.has(m[1]!)) map.set(m[1]!, { value: m[2]!, line: i + 1 }); // first occurrence wins
  });
  if (map.size === 0) throw new ConfigParseError('no Panasonic settings found', null);
  return map;
}
