// `ghostcall config` as a process: output per file, all files processed, exit
// code 4 when one fails, --vendor and --json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFileResultSchema } from '../../src/api/contract.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX = join(import.meta.dirname, '..', 'fixtures', 'phone-configs');

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run-config-cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('ghostcall config', () => {
  it('prints each file\'s PhoneConfig with provenance; exit 0 when all are read', () => {
    const r = run([join(FIX, 'yealink/unsafe-common-y000000000044.cfg'), join(FIX, 'snom/snom-safe.xml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/== .*unsafe-common-y000000000044\.cfg: yealink \(yealink-cfg\)/);
    expect(r.stdout).toMatch(/== .*snom-safe\.xml: snom \(snom-xml\)/);
    expect(r.stdout).toContain('"trustedServerOnly": false');
    expect(r.stdout).toContain('"parameter": "sip.trust_ctrl"');
  });

  it('--json: one array of results, errors included; exit 4 when a file fails, the others still read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-config-'));
    const bin = join(dir, 'export.bin');
    writeFileSync(bin, Buffer.from([0x00, 0x01, 0x02, 0x50, 0x33, 0x34]));
    const big = join(dir, 'big.cfg');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x23));
    const r = run(['--json', join(FIX, 'grandstream/gxp-safe-pvalues.txt'), join(FIX, 'malformed/truncated-gs.xml'), join(dir, 'missing.cfg'), bin, big, join(FIX, 'fanvil/0c383eaabbcc.xml')]);
    expect(r.status).toBe(4);
    const out = (JSON.parse(r.stdout) as unknown[]).map((x) => ConfigFileResultSchema.parse(x));
    expect(out.map((x) => [x.ok, x.error?.code ?? null])).toEqual([
      [true, null], [false, 'E_PARSE'], [false, 'E_FILE'], [false, 'E_FILE'], [false, 'E_FILE'], [true, null],
    ]);
    expect(out[3]!.error!.message).toMatch(/binary/);
    expect(out[4]!.error!.message).toMatch(/larger than 5 MB/);
  });

  it('--vendor forces the reader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-config-'));
    const f = join(dir, 'short.cfg');
    writeFileSync(f, 'features.direct_ip_call_enable = 0\n');
    expect(run([f]).status).toBe(4);
    const r = run(['--vendor', 'yealink', '--json', f]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].config.directIpCalls).toBe(false);
    expect(run(['--vendor', 'acme', f]).status).toBe(2); // commander usage error
  });

  it('a failed file is one translated error line', () => {
    const r = run([join(FIX, 'malformed/not-a-config.txt')]);
    expect(r.status).toBe(4);
    expect(r.stdout).toMatch(/not-a-config\.txt: Cannot understand .*not-a-config\.txt: unrecognised config format \(no vendor signature found\)\n/);
    expect(r.stdout.match(/not-a-config\.txt/g)).toHaveLength(2); // the name once before, once in the sentence
  });
});
