// The management summary's chart: open findings by severity as horizontal bars,
// an SVG string built by a small pure function (pdfmake draws SVG natively, so
// no chart library and no canvas binary are needed).
import type { Severity } from '../api/result.js';
import { SEVERITIES, SEVERITY_COLOR } from './knowledge.js';

export interface ChartOptions {
  width?: number;
  barHeight?: number;
  gap?: number;
  labelWidth?: number;
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** SVG of counts by severity; labels are the translated severity names. */
export function severityChartSvg(counts: Record<Severity, number>, labels: Record<Severity, string>, opts: ChartOptions = {}): string {
  const width = opts.width ?? 260;
  const barHeight = opts.barHeight ?? 14;
  const gap = opts.gap ?? 6;
  const labelWidth = opts.labelWidth ?? 70;
  const countWidth = 30;
  const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
  const scale = (width - labelWidth - countWidth) / max;
  const height = SEVERITIES.length * (barHeight + gap) - gap;
  const rows = SEVERITIES.map((s, i) => {
    const y = i * (barHeight + gap);
    const w = counts[s] > 0 ? Math.max(2, Math.round(counts[s] * scale)) : 0;
    const ty = y + barHeight * 0.75;
    return `<text x="0" y="${ty}" font-size="9" fill="#222">${escapeXml(labels[s])}</text>`
      + `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="${SEVERITY_COLOR[s]}"/>`
      + `<text x="${labelWidth + w + 4}" y="${ty}" font-size="9" fill="#222">${counts[s]}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg>`;
}
