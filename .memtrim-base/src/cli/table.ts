// The scan result as a readable table for the terminal. Every device-supplied
// string goes through inert() (svmap prints them raw): the table never carries a
// raw control character, escape sequence or bidi override, and each cell is cut
// to its column's width so a hostile header cannot shift the layout.
import { styleText } from 'node:util';
import type { TFunction } from 'i18next';
import type { Device, ScanResult, Severity } from '../api/result.js';
import { SeveritySchema } from '../api/result.js';
import { inert, padDisplay, displayWidth } from '../util/inert.js';

export interface TableOptions {
  t: TFunction; // cli namespace
  tc: TFunction; // common namespace
  color?: boolean;
}

type Tone = 'bad' | 'good' | undefined;
interface Cell { text: string; tone?: Tone }
interface Column { header: string; max: number; cell: (d: Device) => Cell }

const SEVERITIES = SeveritySchema.options;

function sipCell(d: Device): Cell {
  if (d.sip.length === 0) return { text: '-' };
  return { text: d.sip.map((e) => `${e.transport}/${e.port} ${e.status}`).join(', ') };
}

/** The first User-Agent or Server a device sent (SIP first, then its web UI). */
function agentOf(d: Device): string | null {
  for (const e of d.sip) if (e.userAgent) return e.userAgent;
  for (const e of d.sip) if (e.server) return e.server;
  for (const h of d.http) if (h.server) return h.server;
  return null;
}

function fingerprintText(d: Device): string {
  const f = d.fingerprint;
  if (!f) return '';
  return [f.vendor, f.model, f.firmware].filter((x): x is string => !!x).join(' ');
}

/** Open findings per device IP, and the worst severity among them (computed once per table). */
function openFindingsByDevice(result: ScanResult): Map<string, { n: number; worst: Severity }> {
  const out = new Map<string, { n: number; worst: Severity }>();
  for (const f of result.findings ?? []) {
    if (f.exception !== null) continue;
    for (const ip of new Set(f.devices)) {
      const cur = out.get(ip);
      if (!cur) out.set(ip, { n: 1, worst: f.severity });
      else {
        cur.n++;
        if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(cur.worst)) cur.worst = f.severity;
      }
    }
  }
  return out;
}

function columns(result: ScanResult, { t, tc }: TableOptions): Column[] {
  const cols: Column[] = [
    { header: t('table.ip'), max: 39, cell: (d) => ({ text: inert(d.ip, 39) }) },
    { header: t('table.mac'), max: 20, cell: (d) => ({ text: d.mac ? inert(d.mac, 17) + (d.macRandomized ? '*' : '') : '-' }) },
    { header: t('table.macVendor'), max: 24, cell: (d) => ({ text: inert(d.macVendor, 24) || '-' }) },
  ];
  if (result.devices.some((d) => fingerprintText(d) !== '')) {
    cols.push({ header: t('table.device'), max: 32, cell: (d) => ({ text: inert(fingerprintText(d), 32) || '-' }) });
  }
  cols.push(
    { header: t('table.sip'), max: 36, cell: (d) => ({ text: inert(sipCell(d).text, 36) }) },
    { header: t('table.agent'), max: 40, cell: (d) => ({ text: inert(agentOf(d), 40) || '-' }) },
    {
      header: t('table.strangers'), max: 40,
      cell: (d) => (d.sipAnswered ? { text: t('table.answers'), tone: 'bad' } : { text: t('table.ignores'), tone: 'good' }),
    },
  );
  if (result.findings) {
    const byDevice = openFindingsByDevice(result);
    cols.push({
      header: t('table.findings'), max: 24,
      cell: (d) => {
        const mine = byDevice.get(d.ip);
        return !mine ? { text: '0' } : { text: `${mine.n} (${tc(`severity.${mine.worst}`)})`, tone: mine.worst === 'critical' || mine.worst === 'high' ? 'bad' : undefined };
      },
    });
  }
  return cols;
}

function paint(text: string, tone: Tone, color: boolean): string {
  if (!color || !tone) return text;
  return styleText(tone === 'bad' ? 'red' : 'green', text, { validateStream: false }); // the caller decided (TTY, --no-color, NO_COLOR)
}

/** The device table (header, rule, one line per device). */
export function renderDeviceTable(result: ScanResult, opts: TableOptions): string {
  const cols = columns(result, opts);
  const rows = result.devices.map((d) => cols.map((c) => c.cell(d)));
  const widths = cols.map((c, i) => Math.min(c.max, Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i]?.text ?? '')))));
  const line = (cells: Cell[], color: boolean): string =>
    cells.map((c, i) => {
      const last = i === cells.length - 1;
      const pad = last ? '' : padDisplay(c.text, widths[i] ?? 0).slice(c.text.length); // padding outside the colour
      return paint(c.text, c.tone, color) + pad;
    }).join('  ').trimEnd();
  const header = line(cols.map((c) => ({ text: c.header })), false);
  const out = [opts.color ? styleText('bold', header, { validateStream: false }) : header, widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r, opts.color === true));
  return out.join('\n');
}

/** Summary lines: counts, stats, cancellation, findings, verdict, warnings. */
export function renderSummary(result: ScanResult, { t, tc }: TableOptions): string[] {
  const answering = result.devices.filter((d) => d.sipAnswered).length;
  const lines = [
    String(t('summary.devices', { count: result.devices.length, answering, ignoring: result.devices.length - answering })),
    String(t('summary.stats', {
      count: result.stats.targets, probes: result.stats.probesSent, responses: result.stats.responses,
      seconds: (result.stats.durationMs / 1000).toFixed(1),
    })),
  ];
  if (result.findings) {
    const open = result.findings.filter((f) => f.exception === null);
    const counts = SEVERITIES.map((s) => ({ s, n: open.filter((f) => f.severity === s).length })).filter((x) => x.n > 0);
    lines.push(String(t('summary.findings', {
      count: open.length,
      list: counts.map((x) => `${x.n} ${tc(`severity.${x.s}`)}`).join(', ') || tc('none'),
      accepted: result.findings.length - open.length,
    })));
  }
  if (result.site) lines.push(String(t('summary.verdict', { verdict: tc(`verdict.${result.site.verdict}`), score: result.site.score })));
  if (result.stats.cancelled) lines.push(String(t('summary.cancelled')));
  for (const w of result.warnings) lines.push(String(t('summary.warning', { text: inert(w, 300) })));
  return lines;
}

/** The whole terminal rendering of a scan result. */
export function renderScan(result: ScanResult, opts: TableOptions): string {
  const parts: string[] = [];
  if (result.devices.length === 0) parts.push(String(opts.t('table.noDevices')));
  else parts.push(renderDeviceTable(result, opts));
  parts.push('', ...renderSummary(result, opts));
  return `${parts.join('\n')}\n`;
}
