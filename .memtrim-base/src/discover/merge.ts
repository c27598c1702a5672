// One Device per IP with all its evidence: SIP answers (per transport/port), the
// neighbour table's MAC and its vendor, mDNS records and web banners. A host that
// answered no SIP is a device only when something says "phone": a phone/ATA vendor
// MAC, a SIP/phone mDNS service, or a web UI that names a phone vendor. Those are
// listed with sipAnswered:false — the phone that ignores strangers, the good case.
// Plain PCs and routers that answer nothing are not devices.
import type { Device, HttpBanner, MdnsRecord, SipEvidence } from '../api/result.js';
import { PHONE_MDNS_TYPES, phoneVendorIn } from './phone-hints.js';
import { ipToInt } from './targets.js';

export interface MacInfo {
  org: string | null;
  vendor: string | null;
  randomized: boolean;
  phoneVendor: boolean;
}

export interface MergeInput {
  /** The scan's targets: nothing outside them becomes a device. */
  inScope: (ip: string) => boolean;
  sip: Map<string, SipEvidence[]>;
  neighbours: Map<string, string>;
  mdns: Map<string, MdnsRecord[]>;
  http: Map<string, HttpBanner[]>;
  macVendor: (mac: string) => MacInfo;
}

export function mdnsSaysPhone(records: readonly MdnsRecord[]): boolean {
  return records.some((r) => PHONE_MDNS_TYPES.has(r.type.replace(/^_/, '').toLowerCase())
    || phoneVendorIn(r.name) !== null
    || Object.values(r.txt).some((v) => phoneVendorIn(v) !== null));
}

export function webSaysPhone(banners: readonly HttpBanner[]): boolean {
  return banners.some((b) => [b.title, b.realm, b.server].some((v) => phoneVendorIn(v) !== null));
}

function ipKey(ip: string): number {
  try {
    return ipToInt(ip);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

export function mergeDevices(m: MergeInput): Device[] {
  const ips = new Set<string>([...m.sip.keys(), ...m.neighbours.keys(), ...m.mdns.keys(), ...m.http.keys()]);
  const out: Device[] = [];
  for (const ip of ips) {
    if (!m.inScope(ip)) continue;
    const sip = m.sip.get(ip) ?? [];
    const mac = m.neighbours.get(ip) ?? null;
    const info = mac ? m.macVendor(mac) : null;
    const mdns = m.mdns.get(ip) ?? [];
    const http = m.http.get(ip) ?? [];
    const sipAnswered = sip.length > 0;
    const phoneByMac = info?.phoneVendor === true && !info.randomized;
    if (!sipAnswered && !phoneByMac && !mdnsSaysPhone(mdns) && !webSaysPhone(http)) continue;
    const sources: Device['sources'] = [];
    if (sipAnswered) sources.push('sip');
    if (mac) sources.push('arp');
    if (mdns.length > 0) sources.push('mdns');
    if (http.some((b) => b.error === null)) sources.push('http');
    out.push({
      ip,
      mac,
      macVendor: info ? (info.vendor ?? info.org) : null,
      macRandomized: info?.randomized ?? false,
      sipAnswered,
      sources,
      sip,
      mdns,
      http: http.filter((b) => b.error === null),
    });
  }
  return out.sort((a, b) => ipKey(a.ip) - ipKey(b.ip));
}
