// Discovery in the lab (real namespaces, real peers): every phone on every
// transport/port, silent vendor phones listed as such, nothing dead, nothing svmap
// finds that we miss, ≥ 99.5% under 10% loss, cancellation stops traffic, and the
// no-route safety case. Skipped (with the reason) when not root.
import { expect, it } from 'vitest';
import { describeLab, withLab } from '../helpers/lab.js';
import { personas } from '../../lab/index.js';
import type { Lab } from '../../lab/index.js';
import type { Device, ScanResult } from '../../src/api/result.js';
import type { EngineErrorData } from '../../src/api/errors.js';
import { REPO_ROOT } from '../../lab/farm/launch.js';

type Outcome = ({ ok: true; value: ScanResult } | { ok: false; error: EngineErrorData }) & { abortAt: number | null; resolvedAt: number };

async function discoverIn(lab: Lab, params: Record<string, unknown>, extra: string[] = [], timeoutMs = 90_000): Promise<Outcome> {
  const r = await lab.exec([process.execPath, '--import', 'tsx', `${REPO_ROOT}/test/lab/run-discover.ts`, JSON.stringify(params), ...extra], { timeoutMs });
  if (r.code !== 0) throw new Error(`run-discover failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Outcome;
}

function devicesOf(o: Outcome): Map<string, Device> {
  if (!o.ok) throw new Error(`scan failed: ${o.error.code} ${o.error.message}`);
  return new Map(o.value.devices.map((d) => [d.ip, d]));
}

const QUICK = { mdns: false, config: false, checks: false };

describeLab('discovery in the lab: small office', () => {
  const lab = withLab({ layout: 'small' });
  let devices = new Map<string, Device>();

  it('scans the office subnet with the defaults (all transports and ports, mDNS on)', async () => {
    const out = await discoverIn(lab(), { targets: [lab().subnet], mdnsMs: 2500, config: false, checks: false });
    devices = devicesOf(out);
    expect(out.ok && out.value.stats.cancelled).toBe(false);
  });

  it('finds every farm phone and peer with the right User-Agent on every transport and port', () => {
    const sipHosts = lab().phones.filter((p) => p.kind !== 'silent-vendor' && p.udp.length + p.tcp.length + p.tls.length > 0);
    expect(sipHosts.length).toBeGreaterThan(10);
    for (const p of sipHosts) {
      const d = devices.get(p.ip);
      expect(d, `${p.persona} ${p.ip}`).toBeDefined();
      expect(d!.sipAnswered).toBe(true);
      const want = [...p.udp.map((port) => `udp/${port}`), ...p.tcp.map((port) => `tcp/${port}`), ...p.tls.map((port) => `tls/${port}`)].sort();
      const got = d!.sip.map((e) => `${e.transport}/${e.port}`).sort();
      expect(got, `${p.persona} ${p.ip}`).toEqual(want);
      for (const e of d!.sip) {
        expect(e.userAgent, `${p.persona} ${e.transport}/${e.port}`).toBe(p.userAgent);
        if (p.server) expect(e.server).toBe(p.server);
      }
    }
    expect(lab().phones.some((p) => p.kind === 'peer')).toBe(true);
  });

  it('lists the silent vendor phones with sipAnswered:false and the right MAC vendor', () => {
    const silent = lab().phones.filter((p) => p.kind === 'silent-vendor');
    expect(silent.length).toBeGreaterThan(0);
    for (const p of silent) {
      const d = devices.get(p.ip);
      expect(d, `${p.persona} ${p.ip}`).toBeDefined();
      expect(d!.sipAnswered).toBe(false);
      expect(d!.sip).toEqual([]);
      expect(d!.mac?.toLowerCase()).toBe(p.mac?.toLowerCase());
      const org = personas.find((x) => x.id === p.persona)?.ouiOrg;
      const mv = d!.macVendor ?? '';
      expect(Boolean(org?.test(mv)) || mv.toLowerCase().includes(p.vendor.toLowerCase()), `${p.persona}: ${mv}`).toBe(true);
      if (p.mdns) expect(d!.sources).toContain('mdns');
      if (p.web) expect(d!.sources).toContain('http');
    }
  });

  it('lists no dead address and no plain PC or printer', () => {
    for (const ip of lab().deadIps) expect(devices.has(ip), ip).toBe(false);
    for (const p of lab().phones.filter((x) => x.persona === 'workstation' || x.persona === 'printer')) expect(devices.has(p.ip), p.ip).toBe(false);
  });

  it('the built CLI finds the same SIP devices (`ghostcall scan --json -`)', async () => {
    const r = await lab().exec([process.execPath, `${REPO_ROOT}/bin/ghostcall.js`, 'scan', lab().subnet, '--no-mdns', '--no-config', '--no-checks', '--json', '-'], { timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout) as ScanResult;
    const sipIps = (ds: Iterable<Device>): string[] => [...ds].filter((d) => d.sipAnswered).map((d) => d.ip).sort();
    expect(sipIps(cli.devices)).toEqual(sipIps(devices.values()));
    expect(cli.schemaVersion).toBe(1);
  });

  it('finds everything svmap finds', async () => {
    const r = await lab().exec(['svmap', '-p5060', lab().subnet], { timeoutMs: 120_000 });
    const svmapIps = [...r.stdout.matchAll(/^\|\s*(\d+\.\d+\.\d+\.\d+):\d+\s*\|/gm)].map((m) => m[1] as string);
    expect(svmapIps.length).toBeGreaterThan(5);
    for (const ip of svmapIps) expect(devices.get(ip)?.sipAnswered, ip).toBe(true);
  });
});

describeLab('discovery in the lab: 200 phones with 10% loss', () => {
  const lab = withLab({ layout: 'bench24', lossPct: 10 });

  it('finds ≥ 99.5% of the phones', async () => {
    const out = await discoverIn(lab(), { targets: [lab().subnet], ports: [5060], transports: ['udp'], ...QUICK });
    const devices = devicesOf(out);
    const found = lab().phones.filter((p) => p.udp.includes(5060) && devices.get(p.ip)?.sipAnswered).length;
    expect(found / lab().phones.length).toBeGreaterThanOrEqual(0.995);
  });
});

describeLab('discovery in the lab: cancellation and safety', () => {
  const lab = withLab({ layout: 'bench24' });

  it('cancellation stops traffic and returns partial results', async () => {
    const dump = lab().spawn(['tcpdump', '-i', lab().scannerIf, '-n', '-tt', '-l', '-U', 'udp', 'and', 'src', 'host', lab().scannerIp]);
    let lines = '';
    dump.stdout?.on('data', (d: Buffer) => { lines += d.toString(); });
    await new Promise((r) => setTimeout(r, 800)); // tcpdump attaches
    // 254 addresses × 5 ports at 400 pps: seconds of traffic if it were not stopped
    const out = await discoverIn(lab(), { targets: [lab().subnet], rate: 400, transports: ['udp'], ...QUICK }, ['--abort-after', '700', '--linger', '1500']);
    await new Promise((r) => setTimeout(r, 300));
    dump.kill('SIGINT');
    await new Promise((r) => dump.once('exit', r));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.stats.cancelled).toBe(true);
    expect(out.resolvedAt - (out.abortAt as number)).toBeLessThan(500);
    expect(out.value.devices.length).toBeGreaterThan(0);
    const stamps = lines.split('\n').map((l) => Number(l.split(' ')[0])).filter((t) => t > 0).map((t) => t * 1000);
    const before = stamps.filter((t) => t <= (out.abortAt as number)).length;
    const after = stamps.filter((t) => t > (out.abortAt as number) + 100).length;
    expect(before).toBeGreaterThan(100);
    expect(after).toBe(0);
  });

  it('a target without a route fails with E_NETWORK (the scanner has no default route): nothing leaves', async () => {
    const out = await discoverIn(lab(), { targets: ['192.168.250.0/28'], ...QUICK });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe('E_NETWORK');
    expect(out.error.params.target).toBe('192.168.250.0/28');
  });

  it('the CLI exits with the network code (3) on that target', async () => {
    const r = await lab().exec([process.execPath, `${REPO_ROOT}/bin/ghostcall.js`, 'scan', '192.168.250.0/28', '--no-mdns'], { timeoutMs: 60_000 });
    expect(r.code).toBe(3);
  });
});
