// The external reachability test in the lab: an office behind a NAT router (lab/nat.ts),
// the echo server in an "internet" namespace, the reach client on the office PC, all
// through the real CLI. (0) the office PC's packets cannot leave the lab; (1) no port
// forward → nothing reachable, not-exposed; (2) a port forward to a phone → reachable
// with its User-Agent, the critical finding, exposed; (3) the kernel SIP ALG rewrites
// Via/Contact → sipAlg true, off → false; (4) Linux masquerade filtering is
// address-and-port-dependent; (5) `ghostcall scan --reach` end to end, JSON and PDF.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeLab } from '../helpers/lab.js';
import { createNatLab, NAT_LAB, type NatLab } from '../../lab/nat.js';
import { ReachSchema, ScanResultSchema, SCHEMA_VERSION, type Device, type Reach, type ScanResult } from '../../src/api/result.js';
import { applyChecks } from '../../src/checks/evaluate.js';

async function reach(lab: NatLab, extra: string[] = []): Promise<Reach> {
  const r = await lab.ghostcall(['--lang', 'en', '--quiet', 'reach', '--endpoint', lab.echoUrl, '--json', '-', '--timeout', '2000', ...extra]);
  if (r.code !== 0) throw new Error(`ghostcall reach failed (${r.code}): ${r.stderr}`);
  return ReachSchema.parse(JSON.parse(r.stdout));
}

/** The office as the LAN scan sees it: the farm phone answering SIP with its User-Agent. */
function officeScan(lab: NatLab, r: Reach): ScanResult {
  const phone: Device = {
    ip: lab.phone.ip, mac: null, macVendor: null, macRandomized: false, sipAnswered: true, sources: ['sip'], mdns: [], http: [],
    sip: [{ transport: 'udp', port: 5060, status: 200, reason: 'OK', userAgent: lab.phone.userAgent, server: null, allow: [], supported: [], contact: null, rttMs: 1 }],
  };
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'ghostcall', version: 'lab' }, startedAt: r.testedAt, finishedAt: r.testedAt,
    params: {} as ScanResult['params'], stats: {} as ScanResult['stats'], devices: [phone], warnings: [], reach: r };
}

describeLab('external reachability: an office behind a NAT router', () => {
  let lab: NatLab;
  let algReason = '';
  beforeAll(async () => {
    lab = await createNatLab();
    // the kernel SIP helper (nf_conntrack_sip): built in or loadable here? (no modprobe in this VM)
    try { await lab.setSipAlg(true); await lab.setSipAlg(false); } catch (e) { algReason = (e as Error).message; }
  });
  afterAll(async () => { await lab?.down(); });

  it('(0) the office PC routes 8.8.8.8 via the router, but the packet dies inside the lab: no reply, never sent on by the internet namespace', async () => {
    expect((await lab.execIn('pc', ['ip', 'route', 'get', '8.8.8.8'])).stdout).toContain(`via ${NAT_LAB.routerLan}`);
    expect((await lab.execIn('rtr', ['ip', 'route', 'get', '8.8.8.8'])).stdout).toContain(`via ${NAT_LAB.inetWan}`);
    const inetRoute = await lab.execIn('inet', ['ip', 'route', 'get', '8.8.8.8']);
    expect(inetRoute.code).not.toBe(0); // no default route in the "internet": Network is unreachable
    expect(inetRoute.stderr).toMatch(/unreachable/i);
    const dropsBefore = await lab.guardDrops();
    const dump = lab.spawnIn('inet', ['tcpdump', '-i', 'any', '-n', '-l', '-p', 'host 8.8.8.8']);
    let out = '';
    let err = '';
    dump.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
    dump.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
    for (let i = 0; i < 50 && !err.includes('listening on'); i++) await new Promise((r) => setTimeout(r, 100));
    const tcp = await lab.execIn('pc', ['timeout', '3', 'bash', '-c', 'echo > /dev/tcp/8.8.8.8/53'], { timeoutMs: 10_000 });
    expect(tcp.code).not.toBe(0); // no SYN-ACK ever came back
    await new Promise((r) => setTimeout(r, 300));
    dump.kill('SIGINT');
    await new Promise((r) => dump.once('exit', r));
    const lines = out.split('\n').filter((l) => l.includes('8.8.8.8'));
    expect(lines.filter((l) => /\bIn\b/.test(l)).length, out).toBeGreaterThan(0); // it arrived (the router sent it on) ...
    expect(lines.filter((l) => /\bOut\b/.test(l)), out).toEqual([]); // ... and nothing left the internet namespace
    expect(await lab.guardDrops()).toBeGreaterThan(dropsBefore); // dropped by the guard
  });

  it('(1) no port forward: no SIP port answers from outside; verdict not-exposed', async () => {
    await lab.setPortForward(false);
    const r = await reach(lab);
    expect(r.publicIp).toBe(NAT_LAB.routerWan);
    expect(r.probes).toEqual([
      { transport: 'udp', port: 5060, reachable: false, answeredBy: null },
      { transport: 'tcp', port: 5060, reachable: false, answeredBy: null },
    ]);
    const checked = applyChecks(officeScan(lab, r), { lang: 'en', exceptions: [] });
    expect(checked.site?.verdict).toBe('not-exposed');
    expect(checked.findings?.some((f) => f.id === 'GC-REACH-SIP-OPEN')).toBe(false);
  });

  it('(2) port forward 5060 → the phone: reachable with its User-Agent, critical GC-REACH-SIP-OPEN, verdict exposed', async () => {
    await lab.setPortForward(true);
    try {
      const r = await reach(lab);
      expect(r.probes).toEqual([
        { transport: 'udp', port: 5060, reachable: true, answeredBy: lab.phone.userAgent },
        { transport: 'tcp', port: 5060, reachable: true, answeredBy: lab.phone.userAgent },
      ]);
      const checked = applyChecks(officeScan(lab, r), { lang: 'en', exceptions: [] });
      expect(checked.site?.verdict).toBe('exposed');
      const f = checked.findings?.find((x) => x.id === 'GC-REACH-SIP-OPEN');
      expect(f?.severity).toBe('critical');
      expect(f?.devices).toEqual([lab.phone.ip]);
    } finally {
      await lab.setPortForward(false);
    }
  });

  it('(3) kernel SIP ALG on: Via and Contact rewritten to the public address → sipAlg true; off → false', async (t) => {
    if (algReason) t.skip(`the kernel SIP helper (nf_conntrack_sip) is not available here: ${algReason}`);
    await lab.setSipAlg(true);
    let on: Reach;
    try { on = await reach(lab, ['-t', 'udp']); } finally { await lab.setSipAlg(false); }
    expect(on.sipAlg).toBe(true);
    expect(on.alg?.sentVia).toMatch(new RegExp(`^${NAT_LAB.pcIp.replace(/\./g, '\\.')}:\\d+$`));
    expect(on.alg?.receivedVia).toMatch(new RegExp(`^${NAT_LAB.routerWan.replace(/\./g, '\\.')}:\\d+$`));
    expect(on.alg?.receivedContact).toBe(on.alg?.receivedVia);
    const checked = applyChecks(officeScan(lab, on), { lang: 'en', exceptions: [] });
    expect(checked.findings?.some((f) => f.id === 'GC-NET-SIP-ALG')).toBe(true);
    const off = await reach(lab, ['-t', 'udp']);
    expect(off.sipAlg).toBe(false);
    expect(off.alg?.receivedVia).toBe(off.alg?.sentVia); // NATed (source is the public IP) but the SIP text untouched
    expect(off.alg?.source.startsWith(`${NAT_LAB.routerWan}:`)).toBe(true);
  });

  it('(4) Linux masquerade filters address-and-port-dependently: neither another port nor another IP gets in', async () => {
    const r = await reach(lab, ['-t', 'udp']);
    expect(r.natFiltering).toBe('address-and-port-dependent');
    expect(r.natTests).toMatchObject({ control: true, altPort: false, altIp: false });
    expect(r.natTests?.mapped?.startsWith(`${NAT_LAB.routerWan}:`)).toBe(true);
    const checked = applyChecks(officeScan(lab, r), { lang: 'en', exceptions: [] });
    expect(checked.findings?.some((f) => f.id === 'GC-NET-NAT-EIF')).toBe(false);
  });

  it('(5) `ghostcall scan --reach` on the office PC: exposed in the JSON and in the PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-reach-e2e-'));
    const pdf = join(dir, 'audit.pdf');
    await lab.setPortForward(true);
    try {
      const r = await lab.ghostcall(['--lang', 'en', '--quiet', 'scan', `${NAT_LAB.phoneIp}`, '--no-mdns', '--no-config', '-p', '5060', '-t', 'udp,tcp',
        '--reach', lab.echoUrl, '--json', '-', '--report', pdf]);
      expect(r.code, r.stderr).toBe(0);
      const scan = ScanResultSchema.parse(JSON.parse(r.stdout));
      expect(scan.reach?.publicIp).toBe(NAT_LAB.routerWan);
      expect(scan.reach?.probes.filter((p) => p.reachable).map((p) => p.answeredBy)).toEqual([lab.phone.userAgent, lab.phone.userAgent]);
      expect(scan.site?.verdict).toBe('exposed');
      expect(scan.findings?.find((f) => f.id === 'GC-REACH-SIP-OPEN')?.devices).toEqual([NAT_LAB.phoneIp]);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Yes: the internet can ring 1 of your 1 phones.');
      expect(text).toContain(`Tested public IP: ${NAT_LAB.routerWan}`);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await lab.setPortForward(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the echo server logged each request with addresses and status only (no bodies)', () => {
    const log = lab.echoLog().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.some((e) => e.event === 'probe' && e.ip === NAT_LAB.routerWan)).toBe(true);
    for (const e of log) expect(Object.keys(e).every((k) => ['t', 'event', 'ip', 'route', 'status', 'ms', 'ports', 'transports', 'reachable', 'transport', 'port', 'bytes', 'mappedPort', 'altIp', 'bind', 'httpPort', 'sipPort', 'altPort'].includes(k))).toBe(true);
  });
});
