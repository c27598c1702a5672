// The web config readers end to end against the lab's vendor web UIs
// (lab/web/*.ts), served on 127.0.0.1: access levels, login schemes, default
// passwords only when opted in, credentials from a file, self-signed HTTPS,
// hostile pages ending in a per-device error, and nothing but GETs (and login
// POSTs) ever sent.
import { execFileSync } from 'node:child_process';
import { createServer, type Server, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeviceConfig } from '../../src/config/read-device.js';
import { ConfigReadSchema, type Device } from '../../src/api/result.js';
import { webUis, type WebUiOptions } from '../../lab/web/registry.js';
import { SNOM_LAB_LOGIN } from '../../lab/web/snom.js';

const servers: Server[] = [];
const seen: { ui: string; method: string; url: string }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

type Web = WebUiOptions['web'];
const phone = { ip: '127.0.0.1', mac: '00:04:f2:aa:bb:cc', persona: 'test', userAgent: 'test' } as unknown as WebUiOptions['phone'];

async function serve(ui: string, web: Partial<Web> = {}, tls?: { cert: string; key: string }): Promise<number> {
  const w: Web = { port: 0, tls: !!tls, ui, server: 'test', title: 'test', ...web };
  const handler = webUis[ui]!({ phone, web: w });
  const record = (req: IncomingMessage, res: Parameters<typeof handler>[1]) => {
    seen.push({ ui, method: req.method ?? '', url: req.url ?? '' });
    handler(req, res);
  };
  const server = tls ? createHttpsServer(tls, record) : createServer(record);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function device(port: number, opts: { tls?: boolean; vendor?: string | null; server?: string; title?: string } = {}): Device {
  return {
    ip: '127.0.0.1', mac: null, macVendor: null, macRandomized: false, sipAnswered: true, sources: ['sip', 'http'], sip: [], mdns: [],
    http: [{ port, tls: opts.tls ?? false, status: 200, server: opts.server ?? null, realm: null, authScheme: null, title: opts.title ?? null, selfSignedCert: null, error: null }],
    fingerprint: opts.vendor ? { vendor: opts.vendor, model: null, firmware: null, type: 'desk-phone', confidence: 0.9, evidence: [] } : null,
  };
}

const ctx = () => ({ signal: new AbortController().signal, onProgress: () => {} });
const read = async (d: Device, o: Partial<Parameters<typeof readDeviceConfig>[1]> = {}) => {
  const r = await readDeviceConfig(d, { timeoutMs: 2000, ...o }, ctx());
  if (r) ConfigReadSchema.parse(r);
  const text = JSON.stringify(r);
  expect(text).not.toMatch(/CANARY-/);
  expect(text).not.toContain(SNOM_LAB_LOGIN.password);
  return r!;
};

describe('web readers against the lab vendor UIs (loopback)', () => {
  it('Cisco SPA: the full profile is open without a password', async () => {
    const port = await serve('cisco-spa');
    const r = await read(device(port, { vendor: 'Cisco' }));
    expect(r.access).toBe('open');
    expect(r.webUi).toEqual({ url: `http://127.0.0.1:${port}`, authScheme: null, tls: false, selfSignedCert: null });
    expect(r.exposures.map((e) => e.path)).toEqual(['/', '/admin/spacfg.xml']);
    expect(r.config).toMatchObject({ vendor: 'Cisco', model: 'SPA504G', trustedServerOnly: false, directIpCalls: true, localSipPorts: [5060], provisioningUrl: 'http://prov.example.test/spa$MA.cfg' });
    expect(r.config!.provenance.directIpCalls).toEqual({ source: `http://127.0.0.1:${port}/admin/spacfg.xml`, parameter: 'Enable_IP_Dialing_1_', defaulted: false });
  });

  it('Cisco SPA behind Digest: protected; the default password only with tryDefaultPasswords', async () => {
    const port = await serve('cisco-spa', { auth: { scheme: 'Digest', realm: 'SPA' } });
    const locked = await read(device(port, { vendor: 'Cisco' }));
    expect(locked.access).toBe('protected');
    expect(locked.webUi!.authScheme).toBe('digest');
    expect(locked.config).toBeNull();
    const opened = await read(device(port, { vendor: 'Cisco' }), { tryDefaultPasswords: true });
    expect(opened.access).toBe('default-password');
    expect(opened.webUi!.authScheme).toBe('digest');
    expect(opened.config!.accounts).toEqual([{ registrar: 'pbx.example.test', user: '501', transport: null }]);
  });

  it('vendor from the web banner when there is no fingerprint (self-signed HTTPS)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-web-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=phone', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    const port = await serve('cisco-spa', { server: 'lighttpd' }, { cert: readFileSync(join(dir, 'c.pem'), 'utf8'), key: readFileSync(join(dir, 'k.pem'), 'utf8') });
    const r = await read(device(port, { tls: true, title: 'Cisco SPA303 Configuration Utility' }));
    expect(r.access).toBe('open');
    expect(r.webUi).toMatchObject({ url: `https://127.0.0.1:${port}`, tls: true, selfSignedCert: true });
    expect(r.config!.vendor).toBe('Cisco');
  });

  it('Snom behind Basic: protected, then read with the credentials file', async () => {
    const port = await serve('snom', { auth: { scheme: 'Basic', realm: 'snom' } });
    expect((await read(device(port, { vendor: 'Snom' }))).access).toBe('protected');
    // No default password for Snom's HTTP server: opting in changes nothing.
    expect((await read(device(port, { vendor: 'Snom' }), { tryDefaultPasswords: true })).access).toBe('protected');
    const dir = mkdtempSync(join(tmpdir(), 'gc-cred-'));
    const file = join(dir, 'creds.json');
    writeFileSync(file, JSON.stringify([{ host: '10.0.0.1', username: 'x', password: 'y' }, { host: '*', vendor: 'snom', ...SNOM_LAB_LOGIN }]));
    const r = await read(device(port, { vendor: 'Snom' }), { credentialsFile: file });
    expect(r.access).toBe('credentials');
    expect(r.webUi!.authScheme).toBe('basic');
    expect(r.config).toMatchObject({ vendor: 'Snom', trustedServerOnly: false, webProtocol: 'both', localSipPorts: [5070] });
  });

  it('Polycom: Basic with the factory login Polycom/456 when opted in', async () => {
    const port = await serve('polycom', { server: 'Polycom SoundPoint IP Telephone HTTPd' });
    expect((await read(device(port))).access).toBe('protected');
    const r = await read(device(port), { tryDefaultPasswords: true });
    expect(r.access).toBe('default-password');
    expect(r.webUi!.authScheme).toBe('basic');
    expect(r.config).toMatchObject({ vendor: 'Polycom', trustedServerOnly: false, srtp: 'off', provisioningUrl: 'http://prov.example.test/poly' });
  });

  it('Yealink: form login with a session cookie, then the cfg export', async () => {
    const port = await serve('yealink', { server: 'yealink embed httpd' });
    const locked = await read(device(port, { vendor: 'Yealink' }));
    expect(locked).toMatchObject({ access: 'protected', config: null });
    expect(locked.webUi!.authScheme).toBe('form');
    const r = await read(device(port, { vendor: 'Yealink' }), { tryDefaultPasswords: true });
    expect(r.access).toBe('default-password');
    expect(r.config).toMatchObject({ vendor: 'Yealink', trustedServerOnly: false, directIpCalls: true, webProtocol: 'both' });
    expect(r.config!.provenance.trustedServerOnly!.source).toBe(`http://127.0.0.1:${port}/servlet?p=settings-config&q=localconfig&type=export&configfile=1`);
  });

  it('Grandstream: JSON login (sid), then non-secret P-values only', async () => {
    const port = await serve('grandstream');
    expect((await read(device(port, { vendor: 'Grandstream' }))).access).toBe('protected');
    const r = await read(device(port, { vendor: 'Grandstream' }), { tryDefaultPasswords: true });
    expect(r.access).toBe('default-password');
    expect(r.webUi!.authScheme).toBe('token');
    expect(r.config).toMatchObject({ accounts: [{ registrar: 'pbx.example.test', user: '2001', transport: null }], localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, provisioningUrl: 'http://prov.example.test/gs' });
    const asked = seen.filter((s) => s.ui === 'grandstream' && s.url.includes('api.values.get')).map((s) => s.url);
    for (const u of asked) expect(u).not.toMatch(/P(2|34|196|1361)(:|&|$)/);
  });

  it('Fanvil: nonce login (md5, the password never sent), then /config.txt', async () => {
    const port = await serve('fanvil', { server: 'Fanvil', title: 'Fanvil X303' });
    expect((await read(device(port))).access).toBe('protected');
    const r = await read(device(port), { tryDefaultPasswords: true });
    expect(r.access).toBe('default-password');
    expect(r.webUi!.authScheme).toBe('form');
    expect(r.config).toMatchObject({ vendor: 'Fanvil', accounts: [{ registrar: 'sbc.example.test', user: '802', transport: null }], localSipPorts: [5062] });
  });

  it('nobody listening: unreachable', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const r = await read(device(port, { vendor: 'Cisco' }));
    expect(r).toMatchObject({ access: 'unreachable', webUi: null, config: null });
  });

  it('an unsupported vendor gives null (no reader), not a guess', async () => {
    const port = await serve('generic-login', { server: 'Gigaset', title: 'Gigaset N510 IP PRO' });
    expect(await readDeviceConfig(device(port), { timeoutMs: 1000 }, ctx())).toBeNull();
  });
});

describe('hostile pages end with a clear per-device error', () => {
  const cases: [string, RegExp][] = [
    ['hostile-huge', /^too-large: response larger than/],
    ['hostile-slow', /^timeout: /],
    ['hostile-redirect-loop', /^redirect: redirect loop/],
    ['hostile-wrong-type', /unexpected answer from \/admin\/spacfg\.xml: HTTP 200, content type image\/jpeg/],
  ];
  for (const [ui, error] of cases) {
    it(ui, async () => {
      const port = await serve(ui);
      const t0 = Date.now();
      const r = await read(device(port, { vendor: 'Cisco' }), { timeoutMs: 800 });
      expect(r.access).toBe('error');
      expect(r.error).toMatch(error);
      expect(r.config).toBeNull();
      expect(Date.now() - t0).toBeLessThan(10_000);
    });
  }

  it('cancellation stops the read', async () => {
    const port = await serve('hostile-slow');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    await expect(readDeviceConfig(device(port, { vendor: 'Cisco' }), { timeoutMs: 5000 }, { signal: ac.signal, onProgress: () => {} })).rejects.toThrow(/cancelled/);
  });
});

describe('politeness', () => {
  it('only GETs, plus POSTs to the login endpoints', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const s of seen) {
      if (s.method === 'GET') continue;
      expect(s.method).toBe('POST');
      expect(s.url).toMatch(/^\/servlet\?p=login&q=login$|^\/cgi-bin\/dologin$|^\/$/);
    }
  });
});
