// Findings grouped by root cause, for the report and the UI: one action (a
// firewall rule, a provisioning change) closes every finding of its group.
import type { Finding, Severity } from '../api/result.js';
import { siteScore, worstSeverity } from './score.js';
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
  for (const f of findings) {
    const list = byCause.get(f.rootCause);
    if (list) list.push(f);
    else byCause.set(f.rootCause, [f]);
  }
  const groups = [...byCause.entries()].map(([rootCause, fs]): RootCauseGroup => {
    return {
      rootCause,
      findings: fs,
      devices: [...new Set(fs.flatMap((f) => f.devices))],
      vendors: [...new Set(fs.flatMap((f) => f.remediation.vendors.map((v) => v.vendor)))],
      worstSeverity: worstSeverity(fs), // excepted findings do not count
      scoreClosed: siteScore(fs),
    };
  });
  const rank = (c: string): number => { const i = ROOT_CAUSES.indexOf(c as RootCause); return i < 0 ? ROOT_CAUSES.length : i; };
  return groups.sort((a, b) => b.scoreClosed - a.scoreClosed || rank(a.rootCause) - rank(b.rootCause));
}
