// Technician detail, per device: its findings with the evidence seen on that
// device and the fix as steps for the device's vendor (generic when none).
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Device, Finding } from '../../api/result.js';
import { vendorKey } from '../../checks/vendors.js';
import { SEVERITY_RANK } from '../knowledge.js';
import { inert } from '../text.js';
import { heading, severityBadge, type SectionContext } from './context.js';
import { byIp, vendorOf } from './inventory.js';

/** Devices listed by name only when they have no findings: cap the list so it stays a line, not pages. */
const IP_LIST_MAX = 60;
const EVIDENCE_MAX = 6;

/** Same vendor by the checks' vendor table (Polycom = Poly/Polycom), else by normalised name. */
function sameVendor(a: string, b: string): boolean {
  const ka = vendorKey(a);
  if (ka !== null) return ka === vendorKey(b);
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return norm(a).length > 0 && norm(a) === norm(b);
}

function fixCell(c: SectionContext, f: Finding, d: Device): Content {
  const vendor = d.fingerprint?.vendor ?? d.config?.config?.vendor ?? d.macVendor ?? '';
  const v = f.remediation.vendors.find((r) => sameVendor(r.vendor, vendor));
  const parts: Content[] = [{ text: inert(f.remediation.generic, 400) }];
  if (v) {
    parts.push({ text: c.t('devices.stepsFor', { vendor: inert(v.vendor, 40) }), bold: true, margin: [0, 2, 0, 0] });
    if (v.steps.length > 0) parts.push({ ol: v.steps.slice(0, 20).map((s) => inert(s, 300)) });
    if (v.parameters.length > 0) {
      parts.push({ text: c.t('devices.parameters'), italics: true });
      parts.push({ ul: v.parameters.slice(0, 20).map((p) => ({ text: `${inert(p.name, 80)} = ${inert(p.value, 80)}` })) });
    }
  }
  if (f.exception) parts.push({ text: c.t('devices.exception', { reason: inert(f.exception.reason, 200) }), italics: true, color: '#555' });
  return { stack: parts };
}

function findingCell(c: SectionContext, f: Finding, ips: ReadonlySet<string>): Content {
  const ev = f.evidence.filter((e) => e.device === null || ips.has(e.device));
  return {
    stack: [
      { text: inert(f.title, 200), bold: true },
      { text: inert(f.id, 60), color: '#666', fontSize: 6.5 },
      ...(f.description ? [{ text: inert(f.description, 400) }] : []),
      ...ev.slice(0, EVIDENCE_MAX).map((e) => ({ text: `${inert(e.device ?? '', 45)} ${inert(e.probe, 30)} · ${inert(e.item, 60)}: ${inert(e.value, 160)}`, color: '#333' })),
      ...(ev.length > EVIDENCE_MAX ? [{ text: c.t('devices.moreEvidence', { count: ev.length - EVIDENCE_MAX }), italics: true, color: '#666' }] : []),
    ],
  };
}

/** Devices that share vendor, model, firmware and exactly the same findings get one block: same steps, one read. */
export interface DeviceBlock { devices: Device[]; findings: Finding[] }

export function deviceBlocks(devices: readonly Device[], byDevice: ReadonlyMap<string, Finding[]>): { blocks: DeviceBlock[]; quiet: Device[] } {
  const blocks = new Map<string, DeviceBlock>();
  const quiet: Device[] = [];
  for (const d of [...devices].sort(byIp)) {
    const fs = byDevice.get(d.ip) ?? [];
    if (fs.length === 0) { quiet.push(d); continue; }
    const fp = d.fingerprint;
    const key = JSON.stringify([fp?.vendor ?? d.macVendor, fp?.model, fp?.firmware, fs.map((f) => f.id).sort()]);
    const b = blocks.get(key);
    if (b) b.devices.push(d);
    else blocks.set(key, { devices: [d], findings: [...fs].sort((a, b2) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b2.severity]) });
  }
  return { blocks: [...blocks.values()], quiet };
}

function ipList(devices: readonly Device[]): string {
  const ips = devices.map((d) => inert(d.ip, 45));
  return ips.length > IP_LIST_MAX ? `${ips.slice(0, IP_LIST_MAX).join(', ')}, … (${ips.length})` : ips.join(', ');
}

function deviceBlock(c: SectionContext, b: DeviceBlock): Content[] {
  const d = b.devices[0]!;
  const fp = d.fingerprint;
  const what = [vendorOf(d), inert(fp?.model, 40), inert(fp?.firmware, 40)].filter(Boolean).join(' · ');
  const ua = d.sip.find((s) => s.userAgent)?.userAgent ?? d.sip.find((s) => s.server)?.server ?? null;
  const ips = new Set(b.devices.map((x) => x.ip));
  const body: TableCell[][] = [[
    { text: c.t('devices.severity'), style: 'th' }, { text: c.t('devices.finding'), style: 'th' }, { text: c.t('devices.fix'), style: 'th' },
  ]];
  for (const f of b.findings) body.push([severityBadge(c, f.severity), findingCell(c, f, ips), fixCell(c, f, d)]);
  return [
    { text: [ipList(b.devices), what ? { text: `  ${what}`, bold: false, color: '#444' } : ''], style: 'h3', keepWithNext: true } as Content,
    ...(ua ? [{ text: `User-Agent: ${inert(ua, 160)}`, fontSize: 7, color: '#555' } as Content] : []),
    { table: { headerRows: 1, widths: [48, '*', '*'], body }, layout: 'report', fontSize: 7.5, margin: [0, 2, 0, 8] },
  ];
}

export function devices(c: SectionContext): Content[] {
  const { t, model } = c;
  const out: Content[] = [heading(t('devices.heading'))];
  if (!model.checked) return [...out, { text: t('devices.notChecked') }];
  const { blocks, quiet } = deviceBlocks(c.scan.devices, model.byDevice);
  out.push({ text: t('devices.intro'), fontSize: 8, margin: [0, 0, 0, 4] });
  for (const b of blocks) out.push(...deviceBlock(c, b));
  if (quiet.length > 0) {
    out.push({ text: t('devices.noFindings', { count: quiet.length, list: ipList(quiet) }), fontSize: 8, margin: [0, 6, 0, 0] });
  }
  return out;
}
