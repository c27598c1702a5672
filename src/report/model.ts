// The numbers a report shows, computed once from the scan result (pure): the
// verdict, the score, counts by severity, the root-cause groups and the top
// actions. Sections only lay these out.
import type { Device, Finding, ScanResult, Severity, Site } from '../api/result.js';
import { groupByRootCause, openFindings, worstOf, type RootCauseGroup } from './group.js';
import { DEFAULT_ROOT_CAUSE, MANY_DEVICES, PHONE_TYPES, ROOT_CAUSES, SEVERITIES, SEVERITY_RANK, SEVERITY_WEIGHT, type Effort, type Who } from './knowledge.js';

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

export function isPhone(d: Device): boolean {
  const type = d.fingerprint?.type ?? null;
  if (type && type !== 'unknown') return PHONE_TYPES.has(type);
  return d.sipAnswered || d.sources.includes('sip') || d.mdns.some((m) => m.type === 'sip');
}

function deriveVerdict(scan: ScanResult, answering: Device[]): { verdict: Verdict; exposedCount: number } {
  const reach = scan.reach ?? null;
  const rang = scan.devices.filter((d) => d.ghostCall?.rang === true);
  const reachable = reach && !reach.error ? reach.probes.filter((p) => p.reachable) : [];
  const verdict: Verdict = scan.site?.verdict ?? (reach && !reach.error && reach.probes.length > 0 ? (reachable.length > 0 ? 'exposed' : 'not-exposed') : 'not-tested');
  if (verdict !== 'exposed') return { verdict, exposedCount: 0 };
  // The devices named by the external probe, else those that answer strangers (any of them can be rung once SIP is open).
  const named = new Set(reachable.map((p) => p.answeredBy).filter((a): a is string => !!a));
  const matched = scan.devices.filter((d) => named.has(d.ip));
  const exposed = new Set([...matched, ...rang].map((d) => d.ip));
  return { verdict, exposedCount: exposed.size > 0 ? exposed.size : answering.length };
}

function actionFor(group: RootCauseGroup): Action {
  const info = ROOT_CAUSES[group.rootCause] ?? DEFAULT_ROOT_CAUSE;
  const effort: Effort = info.perDevice && group.devices.length >= MANY_DEVICES ? 'days' : info.effort;
  return { group, who: info.who, effort };
}

export function buildModel(scan: ScanResult): ReportModel {
  const phones = scan.devices.filter(isPhone);
  const answering = phones.filter((d) => d.sipAnswered);
  const findings = scan.findings ?? [];
  const open = openFindings(findings);
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of open) counts[f.severity]++;
  const sorted = [...open].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.devices.length - a.devices.length);
  const groups = groupByRootCause(open);
  const byDevice = new Map<string, Finding[]>();
  for (const f of findings) for (const ip of f.devices) {
    const list = byDevice.get(ip);
    if (list) list.push(f);
    else byDevice.set(ip, [f]);
  }
  return {
    devices: scan.devices,
    phones,
    answering,
    checked: scan.findings !== undefined,
    findings,
    open,
    excepted: findings.filter((f) => f.exception !== null),
    counts,
    worst: sorted[0] ?? null,
    worstSeverity: scan.site?.worstSeverity ?? worstOf(open),
    score: scan.site?.score ?? open.reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity] * Math.max(1, f.devices.length), 0),
    ...deriveVerdict(scan, answering),
    groups,
    actions: groups.slice(0, 3).map(actionFor),
    byDevice,
  };
}

export { actionFor };
