// Risk scores (documented in docs/SCORING.md; keep the two in step).
//
//   weight(severity)  = critical 10, high 7, medium 4, low 1, info 0
//   counted finding   = a finding without an accepted exception
//   device score(ip)  = Σ weight(f) over the counted findings f whose devices include ip
//   site score        = Σ over counted findings f of weight(f) × max(1, |devices(f)|)
//                       (a site-level finding such as "SIP reachable from the internet",
//                        which names no device, counts once)
//   worstSeverity     = the highest severity among the counted findings, null if none
//
// Why a sum: it grows with both the number of problems and the number of phones
// they hit, as MSP assessment reports show it, beside the worst finding.
import type { Finding, Severity } from '../api/result.js';

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 7, medium: 4, low: 1, info: 0 };
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const counts = (f: Finding): boolean => f.exception === null;

export function worstSeverity(findings: Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings.filter(counts)) {
    if (worst === null || SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(worst)) worst = f.severity;
  }
  return worst;
}

export function siteScore(findings: Finding[]): number {
  return findings.filter(counts).reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity] * Math.max(1, f.devices.length), 0);
}

/** Score per device IP; every device of the scan gets an entry (0 = nothing counted against it). */
export function deviceScores(findings: Finding[], ips: string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(ips.map((ip) => [ip, 0]));
  for (const f of findings.filter(counts)) {
    for (const ip of new Set(f.devices)) out[ip] = (out[ip] ?? 0) + SEVERITY_WEIGHT[f.severity];
  }
  return out;
}
