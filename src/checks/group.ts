// Findings grouped by root cause, for the report and the UI: one action (a
// firewall rule, a provisioning change) closes every finding of its group.
import type { Finding, Severity } from '../api/result.js';
import { SEVERITY_ORDER, SEVERITY_WEIGHT, counts } from './score.js';
import { ROOT_CAUSES, type RootCause } from './types.js';

export interface RootCauseGroup {
  rootCause: RootCause | string;
  findings: Finding[];
  /** Distinct device IPs the group's findings name. */
  devices: string[];
  /** Vendors that have steps in the group's findings (a provisioning change per vendor). */
  vendors: string[];
  worstSeverity: Severity | null;
  /** Score points that the action removes (excepted findings count 0). */
  scoreClosed: number;
}

/** Groups in order of the score they close (largest first), then root-cause order. */
export function groupByRootCause(findings: Finding[]): RootCauseGroup[] {
  const byCause = new Map<string, Finding[]>();
  for (const f of findings) byCause.set(f.rootCause, [...(byCause.get(f.rootCause) ?? []), f]);
  const groups = [...byCause.entries()].map(([rootCause, fs]): RootCauseGroup => {
    const counted = fs.filter(counts);
    const worst = counted.map((f) => f.severity).sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b))[0] ?? null;
    return {
      rootCause,
      findings: fs,
      devices: [...new Set(fs.flatMap((f) => f.devices))],
      vendors: [...new Set(fs.flatMap((f) => f.remediation.vendors.map((v) => v.vendor)))],
      worstSeverity: worst,
      scoreClosed: counted.reduce((s, f) => s + SEVERITY_WEIGHT[f.severity] * Math.max(1, f.devices.length), 0),
    };
  });
  const rank = (c: string): number => { const i = ROOT_CAUSES.indexOf(c as RootCause); return i < 0 ? ROOT_CAUSES.length : i; };
  return groups.sort((a, b) => b.scoreClosed - a.scoreClosed || rank(a.rootCause) - rank(b.rootCause));
}
