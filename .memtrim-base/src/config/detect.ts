// Which format (and so which vendor) a file is, from its content: each format
// carries a content signature; the highest-priority match wins. `--vendor`
// restricts the candidates to that vendor's formats.
import { FORMATS } from './formats/index.js';
import type { FormatDef, VendorId } from './types.js';

export function detectFormat(text: string, vendor?: VendorId): FormatDef | null {
  let best: FormatDef | null = null;
  for (const f of FORMATS) {
    if (vendor && f.vendor !== vendor) continue;
    if ((!best || f.priority > best.priority) && f.matches(text)) best = f;
  }
  return best;
}
