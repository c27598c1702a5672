// The built `ghostcall` command as a user runs it (child process, real argv,
// real exit codes). Network: loopback only, under test/api/net-guard.ts, which
// refuses and logs anything else; every test asserts that log is empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanResultSchema } from '../../src/api/result.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { ensureBuilt, runCli } from './run-cli.js';
import { startSipResponder, HOSTILE_UA, type SipResponder } from './sip-responder.js';

/** Raw control characters (C0 but newline, DEL, C1) and bidi controls: none may reach the terminal. */
// eslint-disable-next-line no-control-regex -- control characters are what this test is about
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/** The same for pdftotext output, which separates pages with form feeds. */
// eslint-disable-next-line no-control-regex -- as above
const RAW_CONTROL_NO_FF = /[\x00-\x09\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let sip: SipResponder;
let tmp: string;

beforeAll(async () => {
  ensureBuilt();
  sip = await startSipResponder();
  tmp = mkdtempSync(join(tmpdir(), 'gc-cli-test-'));
});
afterAll(async () => {
  await sip?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Scan options for loopback tests. mDNS is deliberately NOT disabled here: a loopback-only scan must skip it by itself. */
const LOOP = (port: number) => ['--ports', String(port), '--transports', 'udp', '--timeout', '500', '--retries', '1', '--no-http'];

describe('ghostcall help and usage', () => {
  it('--help lists the commands and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: ghostcall/);
    expect(r.stdout).toMatch(/^\s+scan \[options\] \[targets\.\.\.\]/m);
    expect(r.stdout).toContain('Exit codes:');
    for (const code of Object.values(EXIT)) expect(r.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });

  it('speaks Dutch with --lang nl and from the system locale', async () => {
    const a = await runCli(['--lang', 'nl', 'scan', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('Gebruik:');
    expect(a.stdout).toContain('(standaard: 5060,5061,5062,5080,5160)'); // the schema's defaults, shown in help
    const b = await runCli(['--help'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(b.stdout).toContain('Afsluitcodes:');
  });

  it('bad option values are usage errors (exit 2), checked against the schema before any scan', async () => {
    const cases = [
      ['scan', '127.0.0.1', '--rate', 'abc'],
      ['scan', '127.0.0.1', '--ports', '70000'],
      ['scan', '127.0.0.1', '--transports', 'sctp'],
      ['scan', '127.0.0.1', '--rate', '0'],
      ['scan', '127.0.0.1', '--fail-on', 'urgent'],
      ['--lang', 'fr', 'scan'],
      ['scan', '--no-such-option'],
      ['nonsense-command'],
    ];
    for (const args of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2); // one line + a hint, no stack
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.guard).toEqual([]);
    }
    const rate = await runCli(['scan', '127.0.0.1', '--rate', '0']);
    expect(rate.stderr).toContain('--rate: must be at least 1');
    const nl = await runCli(['--lang', 'nl', 'scan', '127.0.0.1', '--rate', '0']);
    expect(nl.stderr).toContain('--rate: moet minstens 1 zijn');
  });
});

describe('ghostcall scan: targets refused before any packet', () => {
  it('a public target exits 2 with the translated message and sends nothing', async () => {
    const en = await runCli(['scan', '8.8.8.8', '--no-mdns', '--no-http']);
    expect(en.code).toBe(EXIT.usage);
    expect(en.stderr).toContain('8.8.8.8 is a public address');
    expect(en.stdout).toBe('');
    expect(en.guard).toEqual([]);
    const nl = await runCli(['--lang', 'nl', 'scan', '8.8.8.8']);
    expect(nl.code).toBe(EXIT.usage);
    expect(nl.stderr).toContain('8.8.8.8 is een publiek adres');
    expect(nl.guard).toEqual([]);
  });

  it('more than a /16 exits 2 without --force', async () => {
    for (const target of ['10.0.0.0/8', '127.0.0.1-127.2.0.0']) {
      const r = await runCli(['scan', target, '--no-mdns', '--no-http']);
      expect(r.code, target).toBe(EXIT.usage);
      expect(r.stderr).toContain('/16');
      expect(r.guard).toEqual([]);
    }
  });

  it('a target that is not an address exits 2', async () => {
    const r = await runCli(['scan', 'garbage', '--no-mdns', '--no-http']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('"garbage" is not a target');
    expect(r.guard).toEqual([]);
  });
});

describe('ghostcall scan of a loopback SIP responder with a hostile User-Agent', () => {
  it('shows the device in a table with the User-Agent inert', async () => {
    const r = await runCli(['scan', '127.0.0.1', ...LOOP(sip.port)]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^127\.0\.0\.1\s/m);
    expect(r.stdout).toContain(`udp/${sip.port} 200`);
    expect(r.stdout).toContain('answers strangers');
    expect(r.stdout).toContain('Evil\\x1b[31mRED'); // the ESC is shown as an escape…
    expect(r.stdout).not.toMatch(RAW_CONTROL); // …and no raw control or bidi character reaches the terminal
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.guard).toEqual([]); // in particular no mDNS: skipped for loopback-only targets
  });

  it('--json - writes only JSON that validates against ScanResultSchema, raw strings kept', async () => {
    const r = await runCli(['scan', '127.0.0.1', ...LOOP(sip.port), '--json', '-', '--quiet']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const result = ScanResultSchema.parse(JSON.parse(r.stdout));
    expect(result.params.mdns).toBe(false); // loopback only: mDNS skipped automatically
    const dev = result.devices.find((d) => d.ip === '127.0.0.1');
    expect(dev?.sipAnswered).toBe(true);
    expect(dev?.sip.find((s) => s.port === sip.port)?.userAgent).toBe(HOSTILE_UA);
    expect(r.stderr).toBe(''); // --quiet: no progress
    expect(r.guard).toEqual([]);
  });

  it('--json FILE writes the file and still prints the table; an unwritable file exits 4', async () => {
    const file = join(tmp, 'scan.json');
    const r = await runCli(['scan', '127.0.0.1', ...LOOP(sip.port), '--json', file]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(ScanResultSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success).toBe(true);
    expect(r.stdout).toContain('answers strangers');
    const bad = await runCli(['scan', '127.0.0.1', ...LOOP(sip.port), '--json', join(tmp, 'no-such-dir', 'x.json'), '--quiet']);
    expect(bad.code).toBe(EXIT.file);
    expect(bad.stderr).toMatch(/Cannot read or write .*x\.json/);
  });

  it('--fail-on SEVERITY exits 1 exactly when open findings reach it', async () => {
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    for (const level of ['critical', 'info']) {
      const r = await runCli(['scan', '127.0.0.1', ...LOOP(sip.port), '--json', '-', '--quiet', '--fail-on', level]);
      const result = ScanResultSchema.parse(JSON.parse(r.stdout));
      const reached = (result.findings ?? []).some((f) => f.exception === null && rank.indexOf(f.severity) <= rank.indexOf(level));
      expect(r.code, `${level}: ${r.stderr}`).toBe(reached ? EXIT.findings : EXIT.ok);
    }
  });

  it('--report FILE.pdf writes the PDF of the scan, in the chosen language', async () => {
    const pdf = join(tmp, 'scan-report.pdf');
    const r = await runCli(['--lang', 'nl', 'scan', '127.0.0.1', ...LOOP(sip.port), '--report', pdf, '--org', 'Test-MSP', '--quiet']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('Test-MSP');
    expect(text).toContain('Kan het internet uw telefoons laten rinkelen?');
    expect(text).not.toMatch(RAW_CONTROL_NO_FF);
    expect(r.guard).toEqual([]);
  });

  it('Ctrl-C cancels: partial result marked cancelled, exit 130 (and --force lifts the /16 limit)', async () => {
    let sent = false;
    // 131072 loopback addresses, slowly: only Ctrl-C ends this quickly.
    const r = await runCli(['scan', '127.0.0.1-127.2.0.0', '--force', '--ports', '9', '--transports', 'udp', '--rate', '200', '--no-http', '--no-arp', '--json', '-'], {
      onStderr: (_chunk, child) => {
        if (!sent) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 300);
        }
      },
      timeoutMs: 30_000,
    });
    expect(sent).toBe(true);
    expect(r.code, r.stderr).toBe(EXIT.cancelled);
    const result = ScanResultSchema.parse(JSON.parse(r.stdout));
    expect(result.stats.cancelled).toBe(true);
    expect(r.guard).toEqual([]);
  });
});
