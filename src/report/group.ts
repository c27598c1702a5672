// Findings grouped by root cause: one fix (one firewall rule, one provisioning
// change) is one action that closes every finding in its group. The grouping
// itself is the checks' (src/checks/group.ts), so the report and the UI agree.
import type { Finding, Severity } from '../api/result.js';
import { SEVERITY_RANK } from './knowledge.js';

export { groupByRootCause, type RootCauseGroup } from '../checks/group.js';

/** Accepted exceptions are not open work: they are listed, never counted as actions. */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.exception === null);
}

export function worstOf(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}
