// Appendix: how the scan was done, what it did not cover and why, what each
// severity means in attacker terms, and a glossary.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { SEVERITIES } from '../knowledge.js';
import { inert } from '../text.js';
import { fmtDate, heading, severityBadge, type SectionContext } from './context.js';

const GLOSSARY = ['sip', 'rtp', 'ghost', 'toll', 'alg', 'nat', 'trusted', 'provisioning', 'srtp', 'oui'] as const;
const WARNINGS_MAX = 30;

function notTested(c: SectionContext): string[] {
  const { t, scan } = c;
  const p = scan.params;
  const out: string[] = [];
  if (scan.findings === undefined) out.push(t('appendix.nt.checks'));
  if (!p.config) out.push(t('appendix.nt.config'));
  if (!p.ghostCallTest) out.push(t('appendix.nt.ghostCall'));
  if (!scan.reach) out.push(t('appendix.nt.reach'));
  const off = [!p.arp && 'ARP', !p.mdns && 'mDNS', !p.http && 'HTTP'].filter((x): x is string => !!x);
  if (off.length > 0) out.push(t('appendix.nt.discovery', { what: off.join(', ') }));
  if (scan.stats.cancelled) out.push(t('appendix.nt.cancelled'));
  out.push(t('appendix.nt.silent'), t('appendix.nt.provider'));
  return out;
}

function params(c: SectionContext): TableCell[][] {
  const { t, scan, opts } = c;
  const p = scan.params;
  const onOff = (b: boolean): string => t(b ? 'appendix.param.on' : 'appendix.param.off');
  const targets = p.targets.length > 0 ? p.targets.slice(0, 20).map((x) => inert(x, 50)).join(', ') + (p.targets.length > 20 ? ', …' : '') : t('appendix.param.local');
  const discovery = [p.arp && 'ARP', p.mdns && `mDNS (${p.mdnsMs} ms)`, p.http && 'HTTP'].filter(Boolean).join(', ') || t('appendix.param.off');
  const row = (k: string, v: string): TableCell[] => [{ text: t(`appendix.param.${k}`), color: '#555' }, v];
  return [
    row('targets', targets),
    row('ports', p.ports.join(', ')),
    row('transports', p.transports.join(', ')),
    row('rate', String(p.rate)),
    row('timeout', `${p.timeoutMs} / ${p.retries}`),
    row('discovery', discovery),
    row('config', onOff(p.config)),
    row('checks', onOff(p.checks && scan.findings !== undefined)),
    row('ghostCall', onOff(p.ghostCallTest)),
    row('period', `${fmtDate(scan.startedAt, opts.lang, true)} / ${fmtDate(scan.finishedAt, opts.lang, true)}`),
    row('duration', `${(scan.stats.durationMs / 1000).toFixed(1)} s`),
    row('probes', `${scan.stats.probesSent} / ${scan.stats.responses}`),
    row('tool', `ghostcall ${inert(scan.tool.version, 40)}`),
  ];
}

export function appendix(c: SectionContext): Content[] {
  const { t, scan } = c;
  const out: Content[] = [
    heading(t('appendix.heading')),
    { text: t('appendix.method'), style: 'h2' },
    { text: t('appendix.methodText'), margin: [0, 0, 0, 4] },
    { table: { widths: [150, '*'], body: params(c) }, layout: 'noBorders', fontSize: 8 },
    { text: t('appendix.notTested'), style: 'h2' },
    { ul: notTested(c) },
  ];
  if (scan.warnings.length > 0) {
    out.push({ text: t('appendix.warnings'), style: 'h2' });
    out.push({ ul: scan.warnings.slice(0, WARNINGS_MAX).map((w) => inert(w, 200)).concat(scan.warnings.length > WARNINGS_MAX ? ['…'] : []), fontSize: 8 });
  }
  out.push(
    { text: t('appendix.severities'), style: 'h2' },
    { table: { widths: [60, '*'], body: SEVERITIES.map((s) => [severityBadge(c, s), t(`appendix.sevdef.${s}`)]) }, layout: 'report', fontSize: 8 },
    { text: t('appendix.glossary'), style: 'h2' },
    { table: { widths: [110, '*'], body: GLOSSARY.map((g) => [{ text: t(`appendix.gl.${g}.term`), bold: true }, t(`appendix.gl.${g}.def`)]) }, layout: 'report', fontSize: 8 },
  );
  return out;
}
