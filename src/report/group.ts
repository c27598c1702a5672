// Findings grouped by root cause: one fix (one firewall rule, one provisioning
// change) is one action that closes every finding in its group.
import type { Finding, Severity } from '../api/result.js';
import { SEVERITY_RANK } from './knowledge.js';

export interface RootCauseGroup {
  rootCause: string;
  findings: Finding[];
  /** Union of the devices the group's findings concern. */
  devices: string[];
  worst: Severity;
}

/** Accepted exceptions are not open work: they are listed, never counted as actions. */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.exception === null);
}

export function worstOf(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Groups sorted by impact: worst severity first, then the number of devices a fix closes. */
export function groupByRootCause(findings: readonly Finding[]): RootCauseGroup[] {
  const byCause = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCause.get(f.rootCause);
    if (list) list.push(f);
    else byCause.set(f.rootCause, [f]);
  }
  const groups: RootCauseGroup[] = [];
  for (const [rootCause, list] of byCause) {
    const sorted = [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    groups.push({ rootCause, findings: sorted, devices: [...new Set(list.flatMap((f) => f.devices))], worst: worstOf(list) ?? 'info' });
  }
  return groups.sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] || b.devices.length - a.devices.length || b.findings.length - a.findings.length || a.rootCause.localeCompare(b.rootCause));
}
