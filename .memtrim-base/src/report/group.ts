// Findings grouped by root cause: one fix (one firewall rule, one provisioning
// change) is one action that closes every finding in its group. The grouping
// itself is the checks' (src/checks/group.ts), so the report and the UI agree.
import type { Finding } from '../api/result.js';
import { counts } from '../checks/score.js';

export { groupByRootCause, type RootCauseGroup } from '../checks/group.js';

/** Accepted exceptions are not open work: they are listed, never counted as actions. */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(counts);
}
