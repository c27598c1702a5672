// The numbers a report shows, computed once from the scan result (pure): the
// verdict, the score, counts by severity, the root-cause groups and the top
// actions. Sections only lay these out.
import type { Device, Finding, ScanResult, Severity, Site } from '../api/result.js';
import { groupByRootCause, openFindings, type RootCauseGroup } from './group.js';
import { buildEvidence } from '../checks/evidence.js';
import { siteScore, worstSeverity } from '../checks/score.js';
import { siteVerdict } from '../checks/verdict.js';
import { isPhoneType } from '../checks/types.js';
import { DEFAULT_ROOT_CAUSE, MANY_DEVICES, ROOT_CAUSES, SEVERITIES, SEVERITY_RANK, type Effort, type RootCauseInfo, type Who } from './knowledge.js';

export type Verdict = Site['verdict'];

export interface Action {
  group: RootCauseGroup;
  who: Who;
  effort: Effort;
}

export interface ReportModel {
  devices: Device[];
  phones: Device[];
  /** Phones that answered a SIP request from the scanner (a stranger). */
  answering: Device[];
  checked: boolean;
  findings: Finding[];
  open: Finding[];
  excepted: Finding[];
  counts: Record<Severity, number>;
  worst: Finding | null;
  worstSeverity: Severity | null;
  score: number;
  verdict: Verdict;
  /** How many phones the internet can ring (exposed verdict). */
  exposedCount: number;
  groups: RootCauseGroup[];
  actions: Action[];
  /** Findings per device IP. */
  byDevice: Map<string, Finding[]>;
}

/** The checks' notion of "your phones", so that the report's totals match the verdict text. */
export function isPhone(d: Device): boolean {
  return isPhoneType(d.fingerprint?.type);
}

/**
 * The checks' verdict rule, applied here too for a scan whose checks never ran: the
 * reach test decides; the phones it reaches are named or answer on that port.
 */
function deriveVerdict(scan: ScanResult): { verdict: Verdict; exposedCount: number } {
  const v = siteVerdict(buildEvidence(scan), 'en');
  const verdict: Verdict = scan.site?.verdict ?? v.verdict;
  return { verdict, exposedCount: verdict === 'exposed' ? v.ringable.length : 0 };
}

function actionFor(group: RootCauseGroup): Action {
  const info = (ROOT_CAUSES as Record<string, RootCauseInfo | undefined>)[group.rootCause] ?? DEFAULT_ROOT_CAUSE;
  const effort: Effort = info.perDevice && group.devices.length >= MANY_DEVICES ? 'days' : info.effort;
  return { group, who: info.who, effort };
}

export function buildModel(scan: ScanResult): ReportModel {
  const phones = scan.devices.filter(isPhone);
  const answeringPhones = phones.filter((d) => d.sipAnswered);
  const findings = scan.findings ?? [];
  const open = openFindings(findings);
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of open) counts[f.severity]++;
  const sorted = [...open].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.devices.length - a.devices.length);
  // Worst severity first (a critical exposure outranks many low findings), then the score a fix removes.
  const rank = (g: RootCauseGroup): number => (g.worstSeverity ? SEVERITY_RANK[g.worstSeverity] : SEVERITIES.length);
  const groups = groupByRootCause(open).sort((a, b) => rank(a) - rank(b) || b.scoreClosed - a.scoreClosed);
  const byDevice = new Map<string, Finding[]>();
  for (const f of findings) for (const ip of f.devices) {
    const list = byDevice.get(ip);
    if (list) list.push(f);
    else byDevice.set(ip, [f]);
  }
  return {
    devices: scan.devices,
    phones,
    answering: answeringPhones,
    checked: scan.findings !== undefined,
    findings,
    open,
    excepted: findings.filter((f) => f.exception !== null),
    counts,
    worst: sorted[0] ?? null,
    worstSeverity: scan.site?.worstSeverity ?? worstSeverity(findings),
    score: scan.site?.score ?? siteScore(findings),
    ...deriveVerdict(scan),
    groups,
    actions: groups.slice(0, 3).map(actionFor),
    byDevice,
  };
}

export { actionFor };
