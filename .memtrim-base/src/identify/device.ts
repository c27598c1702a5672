// Combines every source of one device into one fingerprint with a confidence.
//
// Confidence (documented in README):
//   each matched source i has a weight wᵢ: SIP User-Agent/Server 0.9 when the
//   entry yields a model or firmware, else 0.75; HTTP Server/realm/title 0.6
//   (0.45 vendor-only); mDNS name/TXT 0.5; MAC OUI 0.3 (ignored when the MAC
//   is randomised).
//   Sources are grouped by vendor family; the group with the highest combined
//   score wins, combined = 1 − Π(1 − wᵢ) (agreeing sources raise it).
//   Every source naming another vendor lowers it:
//   confidence = combined × Π(1 − wⱼ / 2) over conflicting sources.
//   Conflicting sources stay in the evidence list.
// Model, firmware and type come from the heaviest agreeing source that has them.
import type { Device, DeviceType, Fingerprint } from '../api/result.js';
import type { ValueSource } from './types.js';
import { matchValue } from './match.js';
import { OUI_VENDORS, VENDOR_FAMILY } from './fingerprints/oui.js';

interface Observation {
  source: string;
  value: string;
  matched: string;
  weight: number;
  vendor: string;
  model: string | null;
  firmware: string | null;
  type: DeviceType | null;
}

const WEIGHT = { sipFull: 0.9, sipVendor: 0.75, httpFull: 0.6, httpVendor: 0.45, mdns: 0.5, oui: 0.3 } as const;

function family(vendor: string): string {
  return VENDOR_FAMILY[vendor] ?? vendor;
}

function observe(out: Observation[], kind: ValueSource, source: string, value: string | null | undefined): void {
  if (!value) return;
  const hit = matchValue(value, kind);
  if (!hit) return;
  const rich = hit.model !== null || hit.firmware !== null;
  const weight = kind === 'sip' ? (rich ? WEIGHT.sipFull : WEIGHT.sipVendor)
    : kind === 'http' ? (rich ? WEIGHT.httpFull : WEIGHT.httpVendor)
      : WEIGHT.mdns;
  out.push({ source, value, matched: hit.entry.id, weight, vendor: hit.vendor, model: hit.model, firmware: hit.firmware, type: hit.type });
}

function observations(d: Device): Observation[] {
  const out: Observation[] = [];
  for (const s of d.sip) {
    const where = `${s.transport}/${s.port}`;
    observe(out, 'sip', `sip-user-agent:${where}`, s.userAgent);
    observe(out, 'sip', `sip-server:${where}`, s.server);
  }
  for (const h of d.http) {
    const where = `${h.tls ? 'https' : 'http'}/${h.port}`;
    observe(out, 'http', `http-server:${where}`, h.server);
    observe(out, 'http', `http-realm:${where}`, h.realm);
    observe(out, 'http', `http-title:${where}`, h.title);
  }
  for (const m of d.mdns) {
    observe(out, 'mdns', 'mdns-name', m.name);
    for (const [k, v] of Object.entries(m.txt)) observe(out, 'mdns', `mdns-txt:${k}`, v);
  }
  if (d.macVendor && !d.macRandomized) {
    const oui = OUI_VENDORS.find((o) => o.org.test(d.macVendor as string));
    if (oui) out.push({ source: 'mac-oui', value: d.macVendor, matched: `oui:${oui.vendor}`, weight: WEIGHT.oui, vendor: oui.vendor, model: null, firmware: null, type: null });
  }
  return out;
}

const combine = (ws: number[]): number => 1 - ws.reduce((p, w) => p * (1 - w), 1);

function firstBy<T>(obs: Observation[], pick: (o: Observation) => T | null): T | null {
  for (const o of obs) {
    const v = pick(o);
    if (v !== null) return v;
  }
  return null;
}

export function fingerprintDevice(d: Device): Fingerprint | null {
  const obs = observations(d);
  if (obs.length === 0) return null;
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    const key = family(o.vendor);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  let best: Observation[] = [];
  let bestScore = -1;
  for (const g of groups.values()) {
    const score = combine(g.map((o) => o.weight));
    if (score > bestScore) { best = g; bestScore = score; }
  }
  const conflicts = obs.filter((o) => !best.includes(o));
  const confidence = conflicts.reduce((c, o) => c * (1 - o.weight / 2), bestScore);
  const heaviest = [...best].sort((a, b) => b.weight - a.weight);
  // The vendor name as the strongest source spells it (e.g. "Linksys" over the OUI's "Cisco").
  const vendor = heaviest[0]?.vendor ?? null;
  return {
    vendor,
    model: firstBy(heaviest, (o) => o.model),
    firmware: firstBy(heaviest, (o) => o.firmware),
    type: firstBy(heaviest, (o) => o.type),
    confidence: Math.round(confidence * 100) / 100,
    evidence: obs.map((o) => ({ source: o.source, value: o.value, matched: o.matched })),
  };
}
