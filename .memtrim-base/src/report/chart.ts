// The management summary's chart: open findings by severity as horizontal bars.
// Each bar is an SVG built by a small pure function (pdfmake draws SVG natively:
// no chart library, no canvas binary); labels and counts are table text next to
// the bars, so they are real, selectable text in the report's own font.
import type { Severity } from '../api/result.js';
import { SEVERITIES, SEVERITY_COLOR } from './knowledge.js';

export interface BarOptions {
  width?: number;
  height?: number;
}

/** One SVG bar per severity, lengths proportional to the counts (the largest fills `width`). */
export function severityBars(counts: Record<Severity, number>, opts: BarOptions = {}): Record<Severity, string> {
  const width = opts.width ?? 160;
  const height = opts.height ?? 10;
  const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
  const out = {} as Record<Severity, string>;
  for (const s of SEVERITIES) {
    const n = Math.max(0, counts[s]);
    const w = n > 0 ? Math.max(2, Math.round((n / max) * width)) : 0;
    out[s] = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
      + `<rect x="0" y="0" width="${width}" height="${height}" fill="#f1f3f5"/>`
      + (w > 0 ? `<rect x="0" y="0" width="${w}" height="${height}" fill="${SEVERITY_COLOR[s]}"/>` : '')
      + '</svg>';
  }
  return out;
}
