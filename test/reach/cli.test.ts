// `ghostcall echo-server` and `ghostcall reach` as real processes on loopback, under the
// network guard: the server starts from its options and stops on SIGTERM; reach prints
// an inert summary or JSON, and its exit codes (0 tested, 2 usage, 3 no echo server).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli } from '../cli/run-cli.js';
import { udpResponder, type Responder } from '../discover/helpers/sip-responder.js';

describe('ghostcall echo-server + reach (loopback)', () => {
  let phone: Responder;
  let server: ReturnType<typeof spawn>;
  let url = '';
  const log: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    phone = await udpResponder({ ip: '127.0.0.1', userAgent: 'Evil\u001b[2J\u202eUA' });
    server = spawn(process.execPath, ['--import', 'tsx', '--import', join(ROOT, 'test/api/net-guard.ts'), join(ROOT, 'bin/ghostcall.js'), '--lang', 'en',
      'echo-server', '--bind', '127.0.0.1', '--http-port', '0', '--sip-port', '0', '--alt-port', '0', '--alt-ip', '127.0.0.2', '--allow-ports', String(phone.port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.setEncoding('utf8').on('data', (c: string) => log.push(...c.split('\n').filter(Boolean)));
    url = await new Promise<string>((resolve, reject) => {
      let err = '';
      server.stderr?.setEncoding('utf8').on('data', (c: string) => {
        err += c;
        const m = /echo server ready: (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1] as string);
      });
      server.once('exit', (code) => reject(new Error(`echo-server exited ${code}: ${err}`)));
    });
  });
  afterAll(async () => { server?.kill('SIGKILL'); await phone?.close(); });

  it('reach --json -: the result validates, the phone answered, nothing but loopback was touched', async () => {
    const r = await runCli(['--quiet', 'reach', '--endpoint', url, '-p', String(phone.port), '-t', 'udp', '--timeout', '1500', '--json', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.guard).toEqual([]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ publicIp: '127.0.0.1', sipAlg: false, natFiltering: 'endpoint-independent', error: null });
    expect(out.probes).toEqual([{ transport: 'udp', port: phone.port, reachable: true, answeredBy: 'Evil\u001b[2J\u202eUA' }]);
  });

  it('the summary renders the hostile User-Agent inert, in Dutch too', async () => {
    const r = await runCli(['--lang', 'nl', '--quiet', 'reach', '--endpoint', url, '-p', String(phone.port), '-t', 'udp', '--timeout', '1500']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Publiek IP-adres (zoals de echo-server het ziet): 127.0.0.1');
    expect(r.stdout).toContain('BLOOTGESTELD');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u202e');
    expect(r.stdout).toContain('\\x1b[2J');
  });

  it('exit codes: no --endpoint → 2; not a URL → 2; nothing listening → 3', async () => {
    expect((await runCli(['reach'])).code).toBe(2);
    const bad = await runCli(['reach', '--endpoint', 'ftp://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/http/);
    const none = await runCli(['--quiet', 'reach', '--endpoint', 'http://127.0.0.1:9', '--timeout', '500']);
    expect(none.code).toBe(3);
    expect(none.stdout).toMatch(/echo server unreachable/);
  });

  it('the server logged requests without bodies and stops cleanly on SIGTERM', async () => {
    expect(log.some((l) => JSON.parse(l).event === 'probe')).toBe(true);
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
