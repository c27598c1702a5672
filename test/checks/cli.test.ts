// `ghostcall checks SCAN.json` on a saved scan: text in both languages, JSON,
// accepted exceptions from a file, clear errors for bad files, inert device strings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanResultSchema } from '../../src/api/result.js';
import { ensureBuilt, runCli } from '../cli/run-cli.js';
import { configRead, device, phoneConfig, reach, scanOf, sipAnswer } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-checks-'));
const scanFile = join(dir, 'scan.json');
const exFile = join(dir, 'exceptions.json');

beforeAll(() => {
  ensureBuilt();
  const hostileUa = '\u001b]0;pwned\u0007\u001b[31mYealink SIP-T46S 66.86.0.15';
  const scan = scanOf([
    device('10.0.0.21', { config: configRead(phoneConfig()) }),
    device('10.0.0.22', { sip: [sipAnswer({ userAgent: hostileUa })], fingerprint: { vendor: null, model: 'sipvicious', firmware: null, type: 'scanner', confidence: 0.8, evidence: [] } }),
  ], { reach: reach({ probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: '10.0.0.21' }] }) });
  writeFileSync(scanFile, JSON.stringify(scan));
  writeFileSync(exFile, JSON.stringify([{ findingId: 'GC-REACH-SIP-OPEN', device: null, reason: 'forward to the SBC, provider IPs only', by: 'noc', at: '2026-11-24' }]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ghostcall checks', () => {
  it('prints the verdict, findings with vendor steps, scores and not-checked rules (en)', async () => {
    const r = await runCli(['checks', scanFile, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Can the internet ring your phones? Yes: the internet can ring 1 of your 1 phones.');
    expect(r.stdout).toMatch(/\[CRITICAL\] GC-REACH-SIP-OPEN {2}SIP is reachable from the internet/);
    expect(r.stdout).toContain('[HIGH] GC-CFG-TRUST-OFF');
    expect(r.stdout).toContain('sip.trust_ctrl = 1');
    expect(r.stdout).toMatch(/Site risk score: \d+ \(worst: critical\)/);
    expect(r.stdout).toMatch(/Not checked \(input missing\): .*GC-GHOST-CALL-RANG/);
    expect(r.guard).toEqual([]);
  });

  it('speaks Dutch with --lang nl', async () => {
    const r = await runCli(['checks', scanFile, '--lang', 'nl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kan het internet uw toestellen laten rinkelen? Ja: het internet kan 1 van uw 1 toestellen laten rinkelen.');
    expect(r.stdout).toContain('[KRITIEK] GC-REACH-SIP-OPEN  SIP is bereikbaar vanaf het internet');
    expect(r.stdout).toContain('Risicoscore van de locatie');
  });

  it('renders device strings inert: no raw escape sequence reaches the terminal', async () => {
    const r = await runCli(['checks', scanFile, '--lang', 'en']);
    expect(r.stdout).toContain('GC-INV-SCANNER');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('\\x1b');
  });

  it('--json - writes a valid re-evaluated scan; --exceptions marks the finding and lowers the score', async () => {
    const plain = await runCli(['checks', scanFile, '--json', '-']);
    const withEx = await runCli(['checks', scanFile, '--json', '-', '--exceptions', exFile]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(withEx.code, withEx.stderr).toBe(0);
    const a = ScanResultSchema.parse(JSON.parse(plain.stdout));
    const b = ScanResultSchema.parse(JSON.parse(withEx.stdout));
    const reachA = a.findings!.find((f) => f.id === 'GC-REACH-SIP-OPEN')!;
    const reachB = b.findings!.find((f) => f.id === 'GC-REACH-SIP-OPEN')!;
    expect(reachA.exception).toBeNull();
    expect(reachB.exception).toEqual({ reason: 'forward to the SBC, provider IPs only', by: 'noc', at: '2026-11-24' });
    expect(a.site!.score - b.site!.score).toBe(10);
    expect(b.site!.verdict).toBe('exposed'); // an exception changes the score, not the facts
  });

  it('a missing file, a non-scan JSON and a bad exceptions file are clear file errors (exit 4)', async () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, JSON.stringify({ hello: 'world' }));
    const badJson = join(dir, 'bad.json');
    writeFileSync(badJson, '{ not json');
    for (const args of [['checks', join(dir, 'missing.json')], ['checks', junk], ['checks', badJson], ['checks', scanFile, '--exceptions', junk]]) {
      const r = await runCli(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toMatch(/^ghostcall: /);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});
