// External reachability results and the firewall rules to apply.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { firewallRules, iptablesLines, phonesNetwork } from '../firewall.js';
import { codeFont } from '../fonts.js';
import { DEFAULT_RTP_RANGE } from '../knowledge.js';
import { inert } from '../text.js';
import { fmtDate, heading, type SectionContext } from './context.js';

export function reach(c: SectionContext): Content[] {
  const { t, opts } = c;
  const r = c.scan.reach ?? null;
  const out: Content[] = [heading(t('reach.heading'))];
  if (!r) return [...out, { text: t('reach.notTested') }, { text: t('verdict.howToTest'), fontSize: 9 }];
  out.push({ text: t('reach.publicIp', { ip: inert(r.publicIp ?? t('reach.unknown'), 60) }) });
  out.push({ text: t('reach.testedAt', { date: fmtDate(r.testedAt, opts.lang, true) }) });
  if (r.error) out.push({ text: t('reach.error', { error: inert(r.error, 200) }), color: '#8b0000' });
  if (r.probes.length > 0) {
    const body: TableCell[][] = [[
      { text: t('reach.transport'), style: 'th' }, { text: t('reach.port'), style: 'th' },
      { text: t('reach.reachable'), style: 'th' }, { text: t('reach.answeredBy'), style: 'th' },
    ]];
    for (const p of r.probes) {
      body.push([p.transport, String(p.port), { text: t(p.reachable ? 'reach.yes' : 'reach.no'), bold: p.reachable, color: p.reachable ? '#8b0000' : '#2b8a3e' }, inert(p.answeredBy, 120)]);
    }
    out.push({ table: { headerRows: 1, widths: [60, 50, 120, '*'], body }, layout: 'report', fontSize: 8, margin: [0, 6, 0, 6] });
  }
  const yn = (v: boolean | null): string => (v === null ? t('reach.unknown') : t(v ? 'reach.yes' : 'reach.no'));
  out.push({ text: t('reach.sipAlg', { value: yn(r.sipAlg) }) });
  out.push({ text: t('reach.nat', { value: r.natFiltering ?? t('reach.unknown') }) });
  return out;
}

/** The phones' networks as the scan targeted them, else a placeholder. */
function phonesNet(c: SectionContext): string {
  const net = phonesNetwork(c.scan.params.targets);
  return net ? inert(net, 400) : `<${c.t('firewall.phones')}>`;
}

export function firewall(c: SectionContext): Content[] {
  const { t, opts } = c;
  const servers = opts.providerServers.length > 0 ? opts.providerServers.map((s) => inert(s, 100)).join(',') : t('firewall.placeholder');
  const phones = phonesNet(c);
  const rules = firewallRules(c.scan);
  const code = iptablesLines(rules, servers, phones).join('\n');
  const place = (a: 'SERVERS' | 'PHONES' | 'ANY'): string => (a === 'SERVERS' ? servers.replaceAll(',', ', ') : a === 'PHONES' ? phones : t('firewall.anyInternet'));
  const cols = ['n', 'direction', 'protocol', 'source', 'destination', 'ports', 'action', 'why'] as const;
  const body: TableCell[][] = [cols.map((k) => ({ text: t(`firewall.${k}`), style: 'th' }))];
  rules.forEach((r, i) => {
    body.push([String(i + 1), t(`firewall.${r.direction}`), r.protocol, place(r.source), place(r.destination), r.ports,
      { text: t(`firewall.${r.action}`), bold: true, color: r.action === 'allow' ? '#2b8a3e' : '#8b0000' }, t(`firewall.${r.why}`)]);
  });
  return [
    heading(t('firewall.heading'), false),
    { text: t('firewall.intro'), margin: [0, 0, 0, 4] },
    opts.providerServers.length > 0
      ? { text: t('firewall.serversGiven', { servers: servers.replaceAll(',', ', ') }), bold: true }
      : { text: t('firewall.placeholderNote'), italics: true },
    { table: { headerRows: 1, widths: [12, 34, 38, '*', '*', 52, 40, 110], body }, layout: 'report', fontSize: 7.5, margin: [0, 6, 0, 4] },
    { text: t('firewall.rtpNote', { range: DEFAULT_RTP_RANGE }), fontSize: 8 },
    { text: t('firewall.alg'), fontSize: 8, margin: [0, 2, 0, 6] },
    { text: t('firewall.example'), fontSize: 8, bold: true },
    { text: code, style: 'code', font: codeFont(code), margin: [0, 2, 0, 0] },
  ];
}
