// The reach client against a real echo server on loopback: the whole runReach, the
// SIP ALG test with and without a rewriting "ALG" in the path, NAT filtering with a
// userspace NAT of each RFC 4787 behaviour, the verdict the checks draw from it, and
// a hostile or absent echo server. Loopback only, under the network guard.
import '../api/net-guard.js';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type EchoServer } from '../../src/echo/server.js';
import { runReach } from '../../src/reach/client.js';
import { algTest } from '../../src/reach/alg.js';
import { classifyFiltering, natTest } from '../../src/reach/nat.js';
import { createEngine } from '../../src/engine.js';
import { reachStage } from '../../src/reach/stage.js';
import { applyChecks } from '../../src/checks/evaluate.js';
import { ReachSchema, ScanParamsSchema, SCHEMA_VERSION, type Device, type ScanResult } from '../../src/api/result.js';
import type { Progress } from '../../src/api/progress.js';
import { udpResponder, type Responder } from '../discover/helpers/sip-responder.js';
import { startRelay } from './helpers/relay.js';

const OFFICE = '127.0.0.5';
const UA = 'Yealink SIP-T46S 66.86.0.15';
const ctx = (signal = new AbortController().signal, onProgress: (p: Progress) => void = () => {}) => ({ signal, onProgress });

function scanWith(reach: ScanResult['reach'], devices: Device[]): ScanResult {
  return {
    schemaVersion: SCHEMA_VERSION, tool: { name: 'ghostcall', version: 'test' }, startedAt: '2026-11-25T10:00:00Z', finishedAt: '2026-11-25T10:00:01Z',
    params: {} as ScanResult['params'], stats: {} as ScanResult['stats'], devices, warnings: [], reach,
  };
}
const phoneDevice = (ip: string): Device => ({
  ip, mac: null, macVendor: null, macRandomized: false, sipAnswered: true, sources: ['sip'], mdns: [], http: [],
  sip: [{ transport: 'udp', port: 5060, status: 200, reason: 'OK', userAgent: UA, server: null, allow: [], supported: [], contact: null, rttMs: 1 }],
});

describe('reach client ↔ echo server (loopback)', () => {
  let echo: EchoServer;
  let phone: Responder;

  beforeAll(async () => {
    phone = await udpResponder({ ip: OFFICE, userAgent: UA });
    echo = await startEchoServer({ bind: '127.0.0.1', httpPort: 0, sipPort: 0, altPort: 0, altIp: '127.0.0.2', allowedPorts: [phone.port, 5060], limits: { probeTimeoutMs: 600, requestsPerWindow: 1000 } });
  });
  afterAll(async () => { await echo?.close(); await phone?.close(); });

  it('runReach: public IP, the phone reachable with its User-Agent, no ALG, and (no NAT at all) endpoint-independent filtering', async () => {
    const events: Progress[] = [];
    const r = await runReach({ endpoint: echo.url, ports: [phone.port, 5060], transports: ['udp'], timeoutMs: 1500, localAddress: OFFICE }, ctx(undefined, (p) => events.push(p)));
    expect(ReachSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      publicIp: OFFICE, sipAlg: false, natFiltering: 'endpoint-independent', error: null,
      probes: [{ transport: 'udp', port: 5060, reachable: false, answeredBy: null }, { transport: 'udp', port: phone.port, reachable: true, answeredBy: UA }],
      natTests: { control: true, altPort: true, altIp: true },
    });
    expect(r.alg?.sentVia).toBe(r.alg?.receivedVia);
    expect(events.every((e) => e.phase === 'reach')).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: 4, total: 4 });

    // the checks: critical "SIP reachable from the internet", the phone named, verdict exposed
    const checked = applyChecks(scanWith(r, [phoneDevice('10.0.0.21')]), { lang: 'en', exceptions: [] });
    expect(checked.site?.verdict).toBe('exposed');
    const f = checked.findings?.find((x) => x.id === 'GC-REACH-SIP-OPEN');
    expect(f?.severity).toBe('critical');
    expect(f?.devices).toEqual(['10.0.0.21']);
    expect(checked.findings?.some((x) => x.id === 'GC-NET-NAT-EIF')).toBe(true);
  });

  it('through the engine contract: defaults, a bad URL is E_BAD_INPUT, a closed port is not-exposed', async () => {
    const api = createEngine();
    await expect(api.reach({ endpoint: 'ftp://example.invalid/' })).rejects.toMatchObject({ code: 'E_BAD_INPUT' });
    await expect(api.reach({ endpoint: 'not a url' })).rejects.toMatchObject({ code: 'E_BAD_INPUT' });
    // from 127.0.0.1 nothing listens on the allowed port: no probe answered
    const r = await api.reach({ endpoint: echo.url, ports: [phone.port], transports: ['udp', 'tcp'], timeoutMs: 1000 });
    expect(r.probes).toEqual([
      { transport: 'udp', port: phone.port, reachable: false, answeredBy: null },
      { transport: 'tcp', port: phone.port, reachable: false, answeredBy: null },
    ]);
    expect(applyChecks(scanWith(r, [phoneDevice('10.0.0.21')]), { lang: 'en', exceptions: [] }).site?.verdict).toBe('not-exposed');
  });

  it('ports the server does not probe are named in the error, the rest is still tested', async () => {
    const r = await runReach({ endpoint: echo.url, ports: [phone.port, 22], transports: ['udp'], timeoutMs: 1000, localAddress: OFFICE }, ctx());
    expect(r.probes.map((p) => p.port)).toEqual([phone.port]);
    expect(r.error).toMatch(/does not probe: 22/);
  });

  it('SIP ALG: a rewriting middlebox (Via/Contact → its outside address) is detected; a transparent one is not', async () => {
    const alg = await startRelay({
      insideIp: '127.0.0.9', outsideIp: '127.0.0.8', server: { ip: '127.0.0.1', port: echo.sipPort }, filtering: 'apdf',
      rewrite: (buf, out) => Buffer.from(buf.toString('latin1').replace(/127\.0\.0\.5:\d+/g, `${out.ip}:${out.port}`), 'latin1'),
    });
    const plain = await startRelay({ insideIp: '127.0.0.9', outsideIp: '127.0.0.8', server: { ip: '127.0.0.1', port: echo.sipPort }, filtering: 'apdf' });
    try {
      const a = await algTest({ host: alg.inside.ip, port: alg.inside.port, timeoutMs: 1500, localAddress: OFFICE });
      expect(a.sipAlg).toBe(true);
      expect(a.sent?.via).toMatch(/^127\.0\.0\.5:\d+$/);
      expect(a.received?.via).toBe(`127.0.0.8:${alg.outside.port}`);
      expect(a.received?.contact).toBe(`127.0.0.8:${alg.outside.port}`);
      expect(a.received?.source).toBe(`127.0.0.8:${alg.outside.port}`);
      const b = await algTest({ host: plain.inside.ip, port: plain.inside.port, timeoutMs: 1500, localAddress: OFFICE });
      expect(b).toMatchObject({ sipAlg: false, error: null });
      expect(b.received?.source).toBe(`127.0.0.8:${plain.outside.port}`); // NATed, but the SIP text untouched
    } finally {
      alg.close();
      plain.close();
    }
  });

  it('SIP ALG: no answer is unknown (null), not "no ALG"', async () => {
    const a = await algTest({ host: '127.0.0.1', port: 9, timeoutMs: 300, localAddress: OFFICE });
    expect(a).toMatchObject({ sipAlg: null });
    expect(a.error).toMatch(/no SIP answer/);
  });

  for (const [filtering, expected] of [['eif', 'endpoint-independent'], ['adf', 'address-dependent'], ['apdf', 'address-and-port-dependent']] as const) {
    it(`NAT filtering through a ${filtering.toUpperCase()} NAT → ${expected}`, async () => {
      // the relay's outside address is the office's: the HTTP request comes from the same IP, as through a real NAT
      const nat = await startRelay({ insideIp: '127.0.0.9', outsideIp: OFFICE, server: { ip: '127.0.0.1', port: echo.sipPort }, filtering });
      try {
        const r = await natTest({ endpoint: new URL(echo.url), host: nat.inside.ip, sipPort: nat.inside.port, timeoutMs: 1200, localAddress: OFFICE });
        expect(r.error).toBeNull();
        expect(r.natFiltering).toBe(expected);
        expect(r.tests).toMatchObject({ control: true, mapped: `${OFFICE}:${nat.outside.port}` });
        if (filtering !== 'eif') expect(nat.dropped).toBeGreaterThan(0);
      } finally {
        nat.close();
      }
    });
  }

  it('a token registered from another address cannot make the server send anywhere (404), nothing is sent', async () => {
    const nat = await startRelay({ insideIp: '127.0.0.9', outsideIp: '127.0.0.11', server: { ip: '127.0.0.1', port: echo.sipPort }, filtering: 'eif' });
    try {
      // the registration comes from 127.0.0.11, the HTTP request from 127.0.0.5
      const r = await natTest({ endpoint: new URL(echo.url), host: nat.inside.ip, sipPort: nat.inside.port, timeoutMs: 1000, localAddress: OFFICE });
      expect(r.natFiltering).toBeNull();
      expect(r.error).toMatch(/HTTP 404/);
      expect(nat.passed).toBe(1); // only the control answer to the registration itself
    } finally {
      nat.close();
    }
  });

  it('classifies honestly: no alt IP on the server + other port passes = unknown', () => {
    expect(classifyFiltering({ control: true, altPort: true, altIp: null, mapped: null })).toBeNull();
    expect(classifyFiltering({ control: true, altPort: false, altIp: null, mapped: null })).toBe('address-and-port-dependent');
    expect(classifyFiltering({ control: false, altPort: null, altIp: null, mapped: null })).toBeNull();
    expect(classifyFiltering({ control: true, altPort: true, altIp: false, mapped: null })).toBe('address-dependent');
    expect(classifyFiltering({ control: true, altPort: false, altIp: true, mapped: null })).toBe('endpoint-independent');
  });

  it('the scan stage: the scan\'s ports × transports, refused ports named; a bad endpoint is a warning, never a lost scan', async () => {
    const params = ScanParamsSchema.parse({ ports: [phone.port, 5060, 5061], transports: ['udp', 'tcp', 'tls'], timeoutMs: 1000, reachEndpoint: echo.url });
    const base = scanWith(undefined, [phoneDevice('10.0.0.21')]);
    const out = await reachStage(base, params, ctx());
    expect(out.reach?.probes.map((p) => `${p.transport}/${p.port}`).sort()).toEqual(
      ['udp', 'tcp', 'tls'].flatMap((t) => [`${t}/5060`, `${t}/${phone.port}`]).sort());
    expect(out.reach?.error).toMatch(/does not probe: 5061/);
    const bad = await reachStage(base, { ...params, reachEndpoint: 'ftp://x' }, ctx());
    expect(bad.reach).toMatchObject({ probes: [], publicIp: null });
    expect(bad.warnings.some((w) => w.startsWith('reach: '))).toBe(true);
    expect(applyChecks(bad, { lang: 'en', exceptions: [] }).site?.verdict).toBe('not-tested');
  });

  it('cancellation stops the test and says so', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const r = await runReach({ endpoint: echo.url, ports: [5060], transports: ['udp'], timeoutMs: 3000, localAddress: '127.0.0.12' }, ctx(ac.signal));
    expect(r.error).toMatch(/cancelled/);
  });
});

describe('reach client against an absent or hostile echo server', () => {
  let hostile: ReturnType<typeof createServer>;
  let url = '';
  beforeAll(async () => {
    hostile = createServer((req, res) => {
      if (req.url === '/v1/info') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ api: 'ghostcall-echo/1', junk: 'x'.repeat(300_000) })); return; }
      res.writeHead(200); res.end('\u001b[31mnot json');
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', () => r()));
    const a = hostile.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(() => { hostile?.close(); });

  it('a huge answer is refused; the result says not tested (probes empty, error set)', async () => {
    const r = await runReach({ endpoint: url, ports: [5060], timeoutMs: 1000 }, ctx());
    expect(r).toMatchObject({ publicIp: null, probes: [], sipAlg: null, natFiltering: null });
    expect(r.error).toMatch(/echo server unreachable: .*larger than/);
    expect(applyChecks(scanWith(r, []), { lang: 'en', exceptions: [] }).site?.verdict).toBe('not-tested');
  });

  it('a cancel during the wait on a busy echo server ends the test at once', async () => {
    const busy = createServer((req, res) => {
      req.resume();
      if (req.url === '/v1/info') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ api: 'ghostcall-echo/1', version: 'test', yourIp: '127.0.0.1', sipPort: 5060, altPort: 5062, altIp: false, allowedPorts: [5060], maxProbes: 12 }));
        return;
      }
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '5' });
      res.end(JSON.stringify({ error: 'busy: one test at a time' }));
    });
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    try {
      const a = busy.address();
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 200);
      const t0 = Date.now();
      const r = await runReach({ endpoint: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, ports: [5060], transports: ['udp'], timeoutMs: 1000 }, ctx(ac.signal));
      expect(Date.now() - t0).toBeLessThan(2000); // not the 3 s busy wait and a second try
      expect(r.error).toMatch(/cancelled/);
      expect(r.probes).toEqual([]);
    } finally {
      busy.close();
    }
  });

  it('nothing listening: a clear error, not a crash', async () => {
    const r = await runReach({ endpoint: 'http://127.0.0.1:9/', ports: [5060], timeoutMs: 500 }, ctx());
    expect(r.error).toMatch(/echo server unreachable: .*ECONNREFUSED/);
  });
});
