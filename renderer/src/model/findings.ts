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

/** Vendor steps for the affected devices' vendors first; the rest stay available, folded. */
export function vendorSteps(f: Finding, devices: Device[]): { matched: VendorFix[]; others: VendorFix[] } {
  const affected = devices.filter((d) => f.devices.includes(d.ip)).map(deviceVendor).filter((v): v is string => !!v);
  const keys = new Set(affected.map(vendorKey).filter(Boolean));
  const names = new Set(affected.map((v) => v.toLowerCase()));
  const fits = (v: VendorFix): boolean => { const k = vendorKey(v.vendor); return k ? keys.has(k) : names.has(v.vendor.toLowerCase()); };
  return { matched: f.remediation.vendors.filter(fits), others: f.remediation.vendors.filter((v) => !fits(v)) };
}

/** The findings that name a device. */
export const findingsOf = (findings: Finding[], ip: string): Finding[] => findings.filter((f) => f.devices.includes(ip));
