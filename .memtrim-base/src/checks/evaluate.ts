// The checks stage: evaluate every rule on a scan, in the chosen language, with
// the accepted exceptions; adds `findings`, `site` and `checksNotRun` to the scan.
import type { AcceptedException } from '../api/contract.js';
import type { Finding, PhoneConfig, ScanResult } from '../api/result.js';
import type { Lang } from '../i18n/index.js';
import { buildEvidence, type EvidenceView } from './evidence.js';
import { applyExceptions, toFinding } from './finding.js';
import { RULES } from './rules/index.js';
import { deviceScores, siteScore, worstSeverity } from './score.js';
import type { Rule, VendorKey } from './types.js';
import { siteVerdict } from './verdict.js';

export interface RuleRun { findings: Finding[]; notRun: string[]; errors: string[] }

/** Run the rules on an evidence view. A matcher that throws loses its rule, never the scan. */
export function runRules(ev: EvidenceView, lang: Lang, exceptions: AcceptedException[], rules: readonly Rule[] = RULES): RuleRun {
  const out: RuleRun = { findings: [], notRun: [], errors: [] };
  for (const rule of rules) {
    if (!rule.needs.every((n) => ev.inputs[n])) {
      out.notRun.push(rule.id);
      continue;
    }
    let items;
    try {
      items = rule.match(ev);
    } catch (e) {
      out.errors.push(`checks: rule ${rule.id} failed: ${(e as Error).message}`);
      out.notRun.push(rule.id);
      continue;
    }
    if (items.length === 0) continue;
    const ips = new Set(items.map((i) => i.device));
    const vendors = new Set(ev.devices.filter((d) => ips.has(d.ip) && d.vendor).map((d) => d.vendor as VendorKey));
    out.findings.push(...applyExceptions(toFinding(rule, items, lang, vendors), exceptions));
  }
  return out;
}

export function applyChecks(scan: ScanResult, opts: { lang: Lang; exceptions: AcceptedException[] }): ScanResult {
  const ev = buildEvidence(scan);
  const { findings, notRun, errors } = runRules(ev, opts.lang, opts.exceptions);
  const verdict = siteVerdict(ev, opts.lang);
  return {
    ...scan,
    findings,
    checksNotRun: notRun,
    site: {
      score: siteScore(findings),
      worstSeverity: worstSeverity(findings),
      verdict: verdict.verdict,
      verdictText: verdict.verdictText,
      deviceScores: deviceScores(findings, scan.devices.map((d) => d.ip)),
    },
    // Re-evaluation replaces the previous run's rule errors instead of piling them up.
    warnings: [...scan.warnings.filter((w) => !w.startsWith('checks: ')), ...errors],
  };
}

/**
 * The checks that a config file alone can answer (offline `ghostcall config FILE`):
 * the config rules evaluated on one synthetic device named after the file.
 */
export function checkConfig(config: PhoneConfig, opts: { lang: Lang; source: string }): Finding[] {
  const ev = buildEvidence({
    devices: [{
      ip: opts.source, mac: config.mac, macVendor: null, macRandomized: false, sipAnswered: false, sources: [],
      sip: [], mdns: [], http: [], fingerprint: null,
      config: { access: 'credentials', webUi: null, exposures: [], config, error: null },
    }],
    reach: null,
  });
  // No sweep, no reach test, no fingerprint for a file: the rules that need them are
  // "not run", and the SIP rules see a device that answered nothing.
  return runRules(ev, opts.lang, []).findings;
}
