// `ghostcall fingerprint`: in-process through the contract, and through the built CLI.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLocalApi } from '../../src/api/local.js';
import type { Handlers } from '../../src/api/contract.js';
import { EngineError } from '../../src/api/errors.js';
import { fingerprintValues } from '../../src/identify/fingerprint.js';
import { runFingerprint } from '../../src/cli/commands/fingerprint.js';
import { ensureBuilt, ROOT } from '../cli/run-cli.js';

// The contract's in-process client over the identify stage only (the full engine
// also loads discovery, which this command never needs).
const api = async () => createLocalApi({ fingerprint: async ({ values }: { values: string[] }) => fingerprintValues(values) } as unknown as Handlers);

async function run(values: string[], stdinText?: string): Promise<string[]> {
  const stdout = new PassThrough();
  let text = '';
  stdout.setEncoding('utf8').on('data', (c: string) => { text += c; });
  const stdin = Object.assign(Readable.from(stdinText === undefined ? [] : [stdinText]), { isTTY: stdinText === undefined });
  await runFingerprint(values, { stdin, stdout }, api);
  return text.split('\n').filter((l) => l !== '');
}

const KEYS = ['input', 'vendor', 'model', 'firmware', 'type'];

describe('ghostcall fingerprint (in-process)', () => {
  it('prints one JSON object per argument, nulls where unknown', async () => {
    const lines = await run(['Yealink SIP-T46S 66.86.0.15', 'SIP UA']);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { input: 'Yealink SIP-T46S 66.86.0.15', vendor: 'Yealink', model: 'SIP-T46S', firmware: '66.86.0.15', type: 'desk-phone' },
      { input: 'SIP UA', vendor: null, model: null, firmware: null, type: null },
    ]);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(KEYS);
  });

  it('reads one value per stdin line (CRLF too, empty lines kept) and streams in batches', async () => {
    const input = ['Cisco-CP8841-3PCC/11.3.7', 'kamailio (5.6.4 (x86_64/linux))', '', ...Array.from({ length: 1200 }, (_, i) => `snomD785/10.1.${i}.1`)];
    const lines = await run([], `${input.join('\r\n')}\n`);
    expect(lines).toHaveLength(input.length);
    expect(JSON.parse(lines[0]!)).toMatchObject({ input: 'Cisco-CP8841-3PCC/11.3.7', vendor: 'Cisco', model: 'CP-8841-3PCC', firmware: '11.3.7' });
    expect(JSON.parse(lines[2]!)).toEqual({ input: '', vendor: null, model: null, firmware: null, type: null });
    expect(JSON.parse(lines[1202]!)).toMatchObject({ vendor: 'Snom', firmware: '10.1.1199.1' });
  });

  it('keeps hostile values inert: no raw control, C1 or bidi characters, still valid JSON', async () => {
    const evil = 'x\u001b[31m\u009b2J\u202egnp.exe\u2028\u0007';
    const [line] = await run([evil]);
    // eslint-disable-next-line no-control-regex -- the point: none of these may reach the terminal
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(line!).input).toBe(evil);
  });

  it('a terminal on stdin and no values is a usage error', async () => {
    await expect(run([])).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'E_BAD_INPUT');
  });
});

function cli(args: string[], stdin: string | null): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/ghostcall.js'), 'fingerprint', ...args], {
      cwd: ROOT, env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1' }, stdio: [stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    if (stdin !== null) child.stdin!.end(stdin);
  });
}

describe('ghostcall fingerprint (built CLI)', () => {
  it('identifies values given as arguments and on stdin', async () => {
    ensureBuilt();
    const a = await cli(['Grandstream GXP2170 1.0.9.135', 'friendly-scanner'], null);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(a.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { input: 'Grandstream GXP2170 1.0.9.135', vendor: 'Grandstream', model: 'GXP2170', firmware: '1.0.9.135', type: 'desk-phone' },
      { input: 'friendly-scanner', vendor: 'SIPVicious', model: null, firmware: null, type: 'scanner' },
    ]);
    const b = await cli([], 'PolycomVVX-VVX_411-UA/5.9.5.0614\nMyPhone\n');
    expect(b.code).toBe(0);
    expect(b.stdout.trim().split('\n').map((l) => JSON.parse(l).vendor)).toEqual(['Poly', null]);
  }, 120_000);
});
