// Findings as the admin works through them: grouped by root cause (one fix closes
// the group), worst first; and the vendor steps that fit the affected devices.
import type { Device, Finding, Severity } from '../../../src/api/result.js';
import { vendorKey } from '../../../src/checks/vendors.js';

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const ROOT_ORDER = ['firewall', 'provisioning-template', 'phone-setting', 'firmware', 'network', 'inventory'];
const rank = (s: Severity | null): number => (s ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.length);

/** A finding's identity in the UI (a rule can yield one finding per device group). */
export const findingKey = (f: Finding): string => `${f.id}@${f.devices.join(',')}`;

export interface RootCauseGroup {
  rootCause: string;
  findings: Finding[];
  devices: string[];
  /** Worst severity among the findings that still count (accepted exceptions don't). */
  worst: Severity | null;
}

export function groupByRootCause(findings: Finding[]): RootCauseGroup[] {
  const byCause = new Map<string, Finding[]>();
  for (const f of findings) byCause.set(f.rootCause, [...(byCause.get(f.rootCause) ?? []), f]);
  const groups = [...byCause].map(([rootCause, fs]): RootCauseGroup => {
    const counting = fs.filter((f) => !f.exception);
    const worst = counting.reduce<Severity | null>((w, f) => (rank(f.severity) < rank(w) ? f.severity : w), null);
    const sorted = [...fs].sort((a, b) => Number(!!a.exception) - Number(!!b.exception) || rank(a.severity) - rank(b.severity));
    return { rootCause, findings: sorted, devices: [...new Set(fs.flatMap((f) => f.devices))], worst };
  });
  const rootRank = (c: string): number => { const i = ROOT_ORDER.indexOf(c); return i < 0 ? ROOT_ORDER.length : i; };
  return groups.sort((a, b) => rank(a.worst) - rank(b.worst) || b.findings.length - a.findings.length || rootRank(a.rootCause) - rootRank(b.rootCause));
}

/** The vendor a device is known as: fingerprint, then its config, then its MAC's registrant. */
export const deviceVendor = (d: Device): string | null => d.fingerprint?.vendor ?? d.config?.config?.vendor ?? d.macVendor ?? null;

type VendorFix = Finding['remediation']['vendors'][number];
export type MatchedFix = VendorFix & { devices: string[] };

/** Same vendor by the checks' vendor table (Linksys = Cisco SPA/MPP, Polycom = Poly/Polycom), else by name. */
const sameVendor = (fixVendor: string, deviceVendorName: string): boolean => {
  const k = vendorKey(fixVendor);
  return k ? k === vendorKey(deviceVendorName) : fixVendor.toLowerCase() === deviceVendorName.toLowerCase();
};

/** Vendor steps for the affected devices' vendors first (with those devices); the rest stay available, folded. */
export function vendorSteps(f: Finding, devices: Device[]): { matched: MatchedFix[]; others: VendorFix[] } {
  const affected = devices.filter((d) => f.devices.includes(d.ip)).map((d) => ({ ip: d.ip, vendor: deviceVendor(d) }));
  const matched: MatchedFix[] = [];
  const others: VendorFix[] = [];
  for (const v of f.remediation.vendors) {
    const ips = affected.filter((a) => a.vendor && sameVendor(v.vendor, a.vendor)).map((a) => a.ip);
    if (ips.length) matched.push({ ...v, devices: ips });
    else others.push(v);
  }
  return { matched, others };
}

/** The findings that name a device. */
export const findingsOf = (findings: Finding[], ip: string): Finding[] => findings.filter((f) => f.devices.includes(ip));
