// Site-level rules: what the echo endpoint saw from outside (issue 6's reach
// stage), and the SIP devices that are not desk phones.
import type { EvidenceView, DeviceView } from '../evidence.js';
import { item } from '../evidence.js';
import { isPhoneType, type EvidenceItem, type Rule } from '../types.js';

const RFC4787 = 'RFC 4787 (NAT behavioural requirements for UDP)';
const RFC5626 = 'RFC 5626 (SIP outbound)';

/** Which LAN device answered an outside probe: the echo's `answeredBy` is an IP or the answer's User-Agent/Server. */
export function deviceAnswering(ev: EvidenceView, answeredBy: string | null): DeviceView | null {
  if (!answeredBy) return null;
  const a = answeredBy.trim();
  return ev.devices.find((d) => d.ip === a)
    ?? ev.devices.find((d) => d.sip.some((s) => s.userAgent === a || s.server === a))
    ?? null;
}

/** What counts as "your phones" (types.ts NOT_PHONE_TYPES). */
export const isPhone = (d: DeviceView): boolean => isPhoneType(d.type);

/**
 * The phones the internet can ring, per reachable outside probe: the device the echo
 * identified; where it could not tell, the phones that answer strangers on the same
 * transport/port (a port forward or an ALG pinhole lands there).
 */
export function exposedPhones(ev: EvidenceView): Array<{ probe: string; answeredBy: string | null; device: DeviceView | null }> {
  const out: Array<{ probe: string; answeredBy: string | null; device: DeviceView | null }> = [];
  for (const p of (ev.reach?.probes ?? []).filter((x) => x.reachable)) {
    const probe = `reach/${p.transport}/${p.port}`;
    const known = deviceAnswering(ev, p.answeredBy);
    if (known) { out.push({ probe, answeredBy: p.answeredBy, device: known }); continue; }
    const candidates = ev.devices.filter((d) => isPhone(d) && d.sipAnswered && d.sip.some((s) => s.transport === p.transport && s.port === p.port));
    if (candidates.length === 0) out.push({ probe, answeredBy: p.answeredBy, device: null });
    for (const d of candidates) out.push({ probe, answeredBy: p.answeredBy, device: d });
  }
  return out;
}

export const siteRules: Rule[] = [
  {
    id: 'GC-REACH-SIP-OPEN',
    severity: 'critical',
    rootCause: 'firewall',
    needs: ['reach'],
    references: ['RFC 3261', 'https://support.aa.net.uk/Special:MobileDiff/14166'],
    textKey: 'GC-REACH-SIP-OPEN',
    match: (ev) => exposedPhones(ev).map((x): EvidenceItem => item(x.device?.ip ?? null, x.probe, 'answeredBy', x.answeredBy ?? 'reachable')),
    vendors: {},
  },
  {
    id: 'GC-NET-SIP-ALG',
    severity: 'medium',
    rootCause: 'network',
    needs: ['reach-alg'],
    references: ['RFC 3261', RFC5626, 'https://support.aa.net.uk/Special:MobileDiff/14166'],
    textKey: 'GC-NET-SIP-ALG',
    match: (ev) => (ev.reach?.sipAlg === true ? [item(null, 'reach', 'sipAlg', 'true')] : []),
    vendors: {},
  },
  {
    id: 'GC-NET-NAT-EIF',
    severity: 'medium',
    rootCause: 'firewall',
    needs: ['reach-nat'],
    references: [RFC4787, 'RFC 5780 (NAT behaviour discovery)'],
    textKey: 'GC-NET-NAT-EIF',
    match: (ev) => (ev.reach?.natFiltering === 'endpoint-independent' ? [item(null, 'reach', 'natFiltering', 'endpoint-independent')] : []),
    vendors: {},
  },
  {
    id: 'GC-INV-SCANNER',
    severity: 'high',
    rootCause: 'inventory',
    needs: ['fingerprint'],
    references: ['https://github.com/EnableSecurity/sipvicious'],
    textKey: 'GC-INV-SCANNER',
    match: (ev) => ev.devices.filter((d) => d.type === 'scanner').map((d) => item(d.ip, 'fingerprint', 'type', `scanner ${d.vendorName ?? ''} ${userAgent(d)}`.trim())),
    vendors: {},
  },
  {
    id: 'GC-INV-UNEXPECTED-SIP',
    severity: 'low',
    rootCause: 'inventory',
    needs: ['fingerprint'],
    references: ['RFC 3261'],
    textKey: 'GC-INV-UNEXPECTED-SIP',
    match: (ev) => ev.devices.filter((d) => d.type === 'pbx' || d.type === 'softphone')
      .map((d) => item(d.ip, 'fingerprint', 'type', `${d.type} ${userAgent(d)}`.trim())),
    vendors: {},
  },
];

function userAgent(d: DeviceView): string {
  const s = d.sip.find((x) => x.userAgent || x.server);
  return s?.userAgent ?? s?.server ?? '';
}
