// Scores, accepted exceptions, the site verdict in both languages, and "not checked".
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/api/result.js';
import { ScanResultSchema } from '../../src/api/result.js';
import { ExceptionSchema } from '../../src/api/contract.js';
import { applyChecks } from '../../src/checks/evaluate.js';
import { groupByRootCause } from '../../src/checks/group.js';
import { SEVERITY_WEIGHT, deviceScores, siteScore, worstSeverity } from '../../src/checks/score.js';
import { configRead, device, phoneConfig, reach, scanOf, silentPhone } from './fixtures.js';

const finding = (id: string, severity: Finding['severity'], devices: string[], excepted = false): Finding => ({
  id, severity, title: id, rootCause: 'phone-setting', evidence: [], devices,
  remediation: { generic: '', vendors: [] }, references: [], exception: excepted ? { reason: 'r', by: null, at: null } : null,
});

describe('score formula', () => {
  it('weights critical 10, high 7, medium 4, low 1, info 0', () => {
    expect(SEVERITY_WEIGHT).toEqual({ critical: 10, high: 7, medium: 4, low: 1, info: 0 });
  });
  it('site = Σ weight × affected devices (site-level findings once); device = Σ weights; excepted findings count 0', () => {
    const fs = [
      finding('A', 'high', ['10.0.0.1', '10.0.0.2']), // 14
      finding('B', 'critical', []), // 10 (site-level)
      finding('C', 'low', ['10.0.0.1']), // 1
      finding('D', 'critical', ['10.0.0.2'], true), // excepted: 0
      finding('E', 'info', ['10.0.0.3']), // 0
    ];
    expect(siteScore(fs)).toBe(25);
    expect(deviceScores(fs, ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])).toEqual({ '10.0.0.1': 8, '10.0.0.2': 7, '10.0.0.3': 0, '10.0.0.4': 0 });
    expect(worstSeverity(fs)).toBe('critical');
    expect(worstSeverity(fs.filter((f) => f.id !== 'B'))).toBe('high'); // D is excepted
    expect(worstSeverity([])).toBeNull();
  });
});

const unsafe = (ip: string) => device(ip, { config: configRead(phoneConfig()) });

describe('accepted exceptions', () => {
  const scan = scanOf([unsafe('10.0.0.21'), unsafe('10.0.0.22')]);
  const before = applyChecks(scan, { lang: 'en', exceptions: [] });

  it('an exception for all devices keeps the finding, marks it, and removes its weight', () => {
    const ex = ExceptionSchema.parse({ findingId: 'GC-CFG-TRUST-OFF', reason: 'SIP only from the PBX VLAN (ACL 120)', by: 'jan', at: '2026-11-20' });
    const after = applyChecks(scan, { lang: 'en', exceptions: [ex] });
    const f = after.findings!.find((x) => x.id === 'GC-CFG-TRUST-OFF')!;
    expect(f.exception).toEqual({ reason: 'SIP only from the PBX VLAN (ACL 120)', by: 'jan', at: '2026-11-20' });
    expect(f.devices).toEqual(['10.0.0.21', '10.0.0.22']);
    expect(before.site!.score - after.site!.score).toBe(SEVERITY_WEIGHT.high * 2);
    expect(before.site!.deviceScores['10.0.0.21']! - after.site!.deviceScores['10.0.0.21']!).toBe(SEVERITY_WEIGHT.high);
  });

  it('an exception for one device splits the finding: that device marked, the other still counts', () => {
    const ex = ExceptionSchema.parse({ findingId: 'GC-CFG-DIRECT-IP', device: '10.0.0.22', reason: 'lobby phone, no PSTN line' });
    const after = applyChecks(scan, { lang: 'en', exceptions: [ex] });
    const parts = after.findings!.filter((x) => x.id === 'GC-CFG-DIRECT-IP');
    expect(parts).toHaveLength(2);
    expect(parts.find((p) => p.exception === null)!.devices).toEqual(['10.0.0.21']);
    expect(parts.find((p) => p.exception !== null)!.devices).toEqual(['10.0.0.22']);
    expect(before.site!.score - after.site!.score).toBe(SEVERITY_WEIGHT.medium);
    expect(after.site!.deviceScores['10.0.0.21']).toBe(before.site!.deviceScores['10.0.0.21']);
  });

  it('an exception for an unknown finding or device changes nothing', () => {
    const after = applyChecks(scan, { lang: 'en', exceptions: [ExceptionSchema.parse({ findingId: 'GC-CFG-DIRECT-IP', device: '10.9.9.9', reason: 'x' })] });
    expect(after.site!.score).toBe(before.site!.score);
  });
});

describe('site verdict: "Can the internet ring your phones?"', () => {
  const lan = [device('10.0.0.21'), device('10.0.0.22'), silentPhone('10.0.0.23')];
  it('exposed, with numbers, when an outside probe was answered (en/nl)', () => {
    const scan = scanOf(lan, { reach: reach({ probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: '10.0.0.21' }] }) });
    const en = applyChecks(scan, { lang: 'en', exceptions: [] }).site!;
    const nl = applyChecks(scan, { lang: 'nl', exceptions: [] }).site!;
    expect(en.verdict).toBe('exposed');
    expect(en.verdictText).toBe('Yes: the internet can ring 1 of your 3 phones.');
    expect(nl.verdictText).toBe('Ja: het internet kan 1 van uw 3 toestellen laten rinkelen.');
  });
  it('when the echo cannot tell who answered, the phones answering strangers on that port count', () => {
    const scan = scanOf(lan, { reach: reach({ probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: null }] }) });
    const site = applyChecks(scan, { lang: 'en', exceptions: [] }).site!;
    expect(site.verdictText).toBe('Yes: the internet can ring 2 of your 3 phones.');
  });
  it('not-exposed when the test ran and nothing answered (en/nl)', () => {
    const scan = scanOf(lan, { reach: reach() });
    expect(applyChecks(scan, { lang: 'en', exceptions: [] }).site).toMatchObject({ verdict: 'not-exposed', verdictText: 'No: no phone answered from outside (udp/5060, tcp/5060 tested).' });
    expect(applyChecks(scan, { lang: 'nl', exceptions: [] }).site!.verdictText).toBe('Nee: geen enkel toestel antwoordde van buitenaf (udp/5060, tcp/5060 getest).');
  });
  it('not-tested without a reach result, or with one that failed before probing; a ghost call that rang is mentioned', () => {
    const rang = device('10.0.0.21', { ghostCall: { tested: true, rang: true, status: 180, detail: 'rang' } });
    for (const extra of [{}, { reach: reach({ probes: [], error: 'echo endpoint unreachable' }) }]) {
      const en = applyChecks(scanOf([rang, device('10.0.0.22')], extra), { lang: 'en', exceptions: [] }).site!;
      expect(en.verdict).toBe('not-tested');
      expect(en.verdictText).toMatch(/^Not tested: run the external reachability test \(ghostcall reach\)/);
      expect(en.verdictText).toMatch(/On the LAN, 1 phone rang for a stranger/);
    }
    const nl = applyChecks(scanOf([device('10.0.0.22')]), { lang: 'nl', exceptions: [] }).site!;
    expect(nl.verdictText).toMatch(/^Niet getest: /);
  });
});

describe('not checked', () => {
  it('a scan without config, reach or ghost-call test yields no such findings and lists them as not run', () => {
    const r = applyChecks(scanOf([device('10.0.0.21')]), { lang: 'en', exceptions: [] });
    for (const id of ['GC-REACH-SIP-OPEN', 'GC-NET-SIP-ALG', 'GC-NET-NAT-EIF', 'GC-GHOST-CALL-RANG', 'GC-CFG-TRUST-OFF', 'GC-CFG-DIRECT-IP', 'GC-SIP-NO-SRTP', 'GC-WEB-NO-PASSWORD']) {
      expect(r.checksNotRun).toContain(id);
      expect(r.findings!.map((f) => f.id)).not.toContain(id);
    }
    expect(r.checksNotRun).not.toContain('GC-SIP-ANY-SOURCE');
    expect(ScanResultSchema.safeParse(r).success).toBe(true);
  });
  it('a matcher that throws on hostile data loses its rule (warning, not run), never the scan', () => {
    const hostile = device('10.0.0.21', { config: configRead(phoneConfig({ provenance: null as never })) });
    const r = applyChecks(scanOf([hostile]), { lang: 'en', exceptions: [] });
    expect(r.warnings.some((w) => w.startsWith('checks: rule GC-CFG-TRUST-OFF failed'))).toBe(true);
    expect(r.checksNotRun).toContain('GC-CFG-TRUST-OFF');
    // re-evaluation replaces the rule errors instead of piling them up
    expect(applyChecks(r, { lang: 'en', exceptions: [] }).warnings.filter((w) => w.includes('GC-CFG-TRUST-OFF'))).toHaveLength(1);
  });
});

describe('groupByRootCause', () => {
  it('one group per root cause, biggest closable score first, devices and vendors merged', () => {
    const scan = scanOf([device('10.0.0.21', { config: configRead(phoneConfig(), { access: 'default-password' }) }), device('10.0.0.22', { config: configRead(phoneConfig()) })],
      { reach: reach({ probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: null }] }) });
    const groups = groupByRootCause(applyChecks(scan, { lang: 'en', exceptions: [] }).findings!);
    const causes = groups.map((g) => g.rootCause);
    expect(new Set(causes).size).toBe(causes.length);
    expect(causes).toEqual(expect.arrayContaining(['firewall', 'provisioning-template', 'phone-setting']));
    for (let i = 1; i < groups.length; i++) expect(groups[i - 1]!.scoreClosed).toBeGreaterThanOrEqual(groups[i]!.scoreClosed);
    const prov = groups.find((g) => g.rootCause === 'provisioning-template')!;
    expect(prov.devices.sort()).toEqual(['10.0.0.21', '10.0.0.22']);
    expect(prov.vendors[0]).toBe('Yealink');
    expect(prov.findings.length).toBeGreaterThanOrEqual(4);
  });
});
