// The lab itself: topology, farm behaviour, peers, mDNS, loss, isolation.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { createLab } from '../../lab/index.js';
import type { Lab } from '../../lab/index.js';
import { listNamespaces } from '../../lab/netns.js';
import { personas } from '../../lab/personas.js';
import { layouts } from '../../lab/layouts.js';
import { describeLab, probeSip, runInScanner, sipTargets, withLab } from '../helpers/lab.js';
import type { ProbeTarget } from '../helpers/lab.js';

const ouiData = createRequire(import.meta.url)('oui-data') as Record<string, string>;

describe('lab data', () => {
  it('every persona OUI is registered to its vendor (oui-data)', () => {
    for (const p of personas) expect(ouiData[p.oui] ?? '', `${p.id} ${p.oui}`).toMatch(p.ouiOrg);
  });
  it('layouts have the advertised sizes and no address collisions', () => {
    const sizes = { small: 35, bench24: 200, mixed23: 250, hostile: 27 };
    for (const [name, make] of Object.entries(layouts)) {
      const plan = make();
      expect(plan.hosts.length, name).toBe(sizes[name as keyof typeof sizes]);
      const used = [plan.scannerOffset, ...plan.hosts.map((h) => h.offset), ...plan.dead, plan.peers.sipp, plan.peers.kamailio];
      expect(new Set(used).size, name).toBe(used.length);
      expect(Math.max(...used)).toBeLessThan(2 ** (32 - plan.prefix) - 1);
    }
    const mixed = layouts.mixed23();
    expect(mixed.hosts.filter((h) => h.tcp.length && !h.udp.length).length).toBe(30);
  });
});

const nsOf = (lab: Lab): string[] => Object.values(lab.ns);

describeLab('lab: small office', () => {
  const lab = withLab({ layout: 'small' });

  it('has a scanner without default route: network unreachable', async () => {
    const r = await lab().exec(['ip', 'route', 'get', '8.8.8.8']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Network is unreachable/);
    const send = await lab().exec([process.execPath, '-e', `
      const s = require('node:dgram').createSocket('udp4');
      s.send('x', 5060, '192.0.2.1', (e) => { console.log(e ? e.code : 'SENT'); s.close(); });`]);
    expect(send.stdout.trim()).toBe('ENETUNREACH');
    const routes = await lab().exec(['ip', '-4', 'route', 'show']);
    expect(routes.stdout).not.toMatch(/default/);
    // spawn() runs in the scanner namespace too
    const child = lab().spawn(['ip', '-4', '-o', 'addr', 'show', 'dev', lab().scannerIf]);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
    await new Promise((r) => child.on('close', r));
    expect(out).toContain(`${lab().scannerIp}/`);
  });

  it('every farm phone and peer answers OPTIONS on each of its transports/ports with its User-Agent', async () => {
    const targets = sipTargets(lab());
    expect(targets.length).toBeGreaterThan(40);
    expect(targets.some((t) => t.transport === 'tls')).toBe(true);
    const results = await probeSip(lab(), targets);
    for (const r of results) {
      const truth = lab().phones.find((p) => p.ip === r.ip)!;
      expect(r.status, `${r.ip} ${r.transport}/${r.port}`).toBe(200);
      expect(r.userAgent, `${r.ip} ${r.transport}/${r.port}`).toBe(truth.userAgent);
      expect(r.server).toBe(truth.server);
    }
    const peers = lab().phones.filter((p) => p.kind === 'peer');
    expect(peers.map((p) => p.persona).sort()).toEqual(['kamailio', 'sipp-uas']);
    expect(peers.find((p) => p.persona === 'kamailio')!.server).toMatch(/^kamailio \(/);
  });

  it('echoes every Via in order, tags To, and frames replies with Content-Length', async () => {
    const phone = lab().phones.find((p) => p.kind === 'farm' && p.tcp.includes(5060))!;
    const [r] = await probeSip(lab(), [{ ip: phone.ip, port: 5060, transport: 'tcp' }]);
    expect(r!.raw).toMatch(/^SIP\/2\.0 200 OK\r\nVia: SIP\/2\.0\/TCP [^\r]*branch=z9hG4bK/);
    expect(r!.raw).toMatch(/\r\nTo: <sip:probe@[^>]+>;tag=\w+/);
    expect(r!.raw).toMatch(/\r\nContent-Length: 0\r\n\r\n$/);
    expect(r!.raw).toMatch(/\r\nAllow: .*OPTIONS/);
  });

  it('silent addresses, silent vendor phones and dead IPs answer no SIP', async () => {
    const quiet = [...lab().phones.filter((p) => p.kind !== 'peer' && !p.udp.length && !p.tcp.length && !p.tls.length).map((p) => p.ip), ...lab().deadIps];
    expect(quiet.length).toBeGreaterThanOrEqual(3 + 5 + 10);
    const targets: ProbeTarget[] = quiet.flatMap((ip) => [{ ip, port: 5060, transport: 'udp' as const }, { ip, port: 5060, transport: 'tcp' as const }]);
    const results = await probeSip(lab(), targets, { tries: 2, timeoutMs: 400 });
    expect(results.filter((r) => r.answered)).toEqual([]);
  });

  it('answers INVITE with 100 + 180, CANCEL with 200 + 487 (ghost call sequence)', async () => {
    const udp = lab().phones.find((p) => p.kind === 'farm' && p.udp.includes(5060))!;
    const tcp = lab().phones.find((p) => p.kind === 'farm' && p.tcp.includes(5060))!;
    const results = await probeSip(lab(), [{ ip: udp.ip, port: 5060, transport: 'udp' }, { ip: tcp.ip, port: 5060, transport: 'tcp' }], { method: 'INVITE' });
    for (const r of results) expect(r.statuses, r.ip).toEqual(expect.arrayContaining([100, 180, 200, 487]));
  });

  it('survives garbage on UDP and TCP', async () => {
    const phone = lab().phones.find((p) => p.kind === 'farm' && p.udp.includes(5060) && p.tcp.includes(5060))!;
    await lab().exec([process.execPath, '-e', `
      const ip = ${JSON.stringify(phone.ip)};
      const s = require('node:dgram').createSocket('udp4');
      const junk = [Buffer.from([0, 255, 13, 10, 13, 10]), Buffer.from('OPTIONS sip:x SIP/2.0\\r\\nContent-Length: 99999\\r\\n\\r\\n'), Buffer.alloc(1400, 65)];
      let n = junk.length; for (const j of junk) s.send(j, 5060, ip, () => { if (--n === 0) s.close(); });
      const c = require('node:net').connect(5060, ip, () => { c.write('INVITE\\r\\nl: 5\\r\\n\\r\\nab'); c.write(Buffer.alloc(70000, 66)); setTimeout(() => c.destroy(), 200); });
      c.on('error', () => {});`]);
    const results = await probeSip(lab(), [{ ip: phone.ip, port: 5060, transport: 'udp' }, { ip: phone.ip, port: 5060, transport: 'tcp' }]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });

  it('each phone shows its own vendor MAC on the LAN (ARP)', async () => {
    const hosts = lab().phones.filter((p) => p.mac);
    // one UDP datagram to each host makes the scanner's kernel resolve its MAC
    await lab().exec([process.execPath, '-e', `
      const s = require('node:dgram').createSocket('udp4');
      for (const ip of ${JSON.stringify(hosts.map((p) => p.ip))}) s.send('x', 9, ip);
      setTimeout(() => s.close(), 500);`]);
    const neigh = JSON.parse((await lab().exec(['ip', '-j', 'neigh', 'show', 'dev', 'eth0'])).stdout) as { dst: string; lladdr?: string }[];
    for (const p of hosts) expect(neigh.find((n) => n.dst === p.ip)?.lladdr, p.ip).toBe(p.mac);
    const farmMacs = lab().phones.filter((p) => p.kind === 'farm').map((p) => p.mac);
    expect(new Set(farmMacs).size).toBe(farmMacs.length);
  });

  it('web UIs: silent vendor phones serve their login page with vendor Server, title and auth challenge', async () => {
    const webs = lab().phones.flatMap((p) => p.webs.map((w) => ({ ip: p.ip, kind: p.kind, ...w })));
    expect(webs.filter((w) => w.kind === 'silent-vendor').length).toBeGreaterThanOrEqual(5);
    const got = JSON.parse(await runInScanner(lab(), 'lab/tools/http-probe.ts', webs.map(({ ip, port, tls }) => ({ ip, port, tls })))) as
      { ip: string; port: number; status: number | null; server: string | null; title: string | null; wwwAuthenticate: string | null }[];
    webs.forEach((w, i) => {
      const g = got[i]!;
      expect(g.server, `${w.ip}:${w.port}`).toBe(w.server);
      expect(g.title).toBe(w.title);
      if (w.auth) {
        expect(g.status).toBe(401);
        expect(g.wwwAuthenticate).toContain(w.auth.split(' ')[0]);
        expect(g.wwwAuthenticate).toContain(w.auth.split(' ').slice(1).join(' '));
      } else {
        expect(g.status).toBe(200);
      }
    });
  });

  it('mDNS: the scanner namespace sees the silent phones\' _sip._udp and _http._tcp records', async () => {
    const advertised = lab().phones.filter((p) => p.mdns);
    expect(advertised.length).toBeGreaterThanOrEqual(3);
    const seen = JSON.parse(await runInScanner(lab(), 'lab/tools/mdns-browse.ts')) as
      { type: string; protocol: string; port: number; addresses: string[] }[];
    for (const p of advertised) {
      expect(seen.some((s) => s.type === 'sip' && s.protocol === 'udp' && s.addresses.includes(p.ip)), `sip ${p.ip}`).toBe(true);
      const web = p.webs.find((w) => !w.tls);
      if (web) expect(seen.some((s) => s.type === 'http' && s.port === web.port && s.addresses.includes(p.ip)), `http ${p.ip}`).toBe(true);
    }
    const quiet = lab().phones.filter((p) => !p.mdns).map((p) => p.ip);
    expect(seen.filter((s) => s.addresses.some((a) => quiet.includes(a)))).toEqual([]);
  });

  it('setLoss drops roughly the expected share (both directions)', async () => {
    const phone = lab().phones.find((p) => p.kind === 'farm' && p.udp.includes(5060))!;
    const target = { ip: phone.ip, port: 5060, transport: 'udp' as const };
    await lab().setLoss(30);
    try {
      const [lossy] = await probeSip(lab(), [target], { count: 200, timeoutMs: 1000 });
      const unanswered = 1 - lossy!.answeredCount! / 200; // expected 1 - 0.7^2 = 0.51
      expect(unanswered).toBeGreaterThan(0.35);
      expect(unanswered).toBeLessThan(0.65);
    } finally {
      await lab().setLoss(0);
    }
    const [clean] = await probeSip(lab(), [target], { count: 50, timeoutMs: 1000 });
    expect(clean!.answeredCount).toBe(50);
  });
});

describeLab('lab: isolation and teardown', () => {
  it('two labs up at the same time do not collide, and down() removes every namespace', async () => {
    const [a, b] = await Promise.all([createLab({ peers: false, mdns: false }), createLab({ peers: false, mdns: false })]);
    try {
      expect(a.id).not.toBe(b.id);
      expect(nsOf(a).filter((n) => nsOf(b).includes(n))).toEqual([]);
      const all = await listNamespaces();
      for (const n of [...nsOf(a), ...nsOf(b)]) expect(all).toContain(n);
      const phone = a.phones.find((p) => p.udp.includes(5060))!;
      const [ra] = await probeSip(a, [{ ip: phone.ip, port: 5060, transport: 'udp' }]);
      const [rb] = await probeSip(b, [{ ip: phone.ip, port: 5060, transport: 'udp' }]);
      expect(ra!.userAgent).toBe(phone.userAgent);
      expect(rb!.userAgent).toBe(b.phones.find((p) => p.ip === phone.ip)!.userAgent);
    } finally {
      await Promise.all([a.down(), b.down()]);
    }
    await a.down(); // idempotent
    const left = await listNamespaces();
    expect(left.filter((n) => nsOf(a).includes(n) || nsOf(b).includes(n))).toEqual([]);
    // no process of either lab survives (the farms run with their spec file from lab.dir)
    const cmdlines = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => {
      try { return readFileSync(`/proc/${d}/cmdline`, 'utf8'); } catch { return ''; }
    });
    expect(cmdlines.filter((l) => l.includes(a.dir) || l.includes(b.dir))).toEqual([]);
  });

  it('lossPct at creation applies from the start; setLoss(0) lifts it', async () => {
    const lab = await createLab({ layout: 'bench24', lossPct: 100 });
    try {
      const targets = lab.phones.slice(0, 3).map((p) => ({ ip: p.ip, port: 5060, transport: 'udp' as const }));
      expect((await probeSip(lab, targets, { tries: 2, timeoutMs: 300 })).filter((r) => r.answered)).toEqual([]);
      await lab.setLoss(0);
      expect((await probeSip(lab, targets)).map((r) => r.status)).toEqual([200, 200, 200]);
    } finally {
      await lab.down();
    }
  });
});

describeLab('lab: benchmark layouts', () => {
  for (const [layout, count, prefix] of [['bench24', 200, '/24'], ['mixed23', 250, '/23']] as const) {
    it(`${layout}: ${count} phones, each answering on every truth port`, async () => {
      const lab = await createLab({ layout });
      try {
        expect(lab.subnet.endsWith(prefix)).toBe(true);
        expect(lab.phones.filter((p) => p.kind === 'farm').length).toBe(count);
        const results = await probeSip(lab, sipTargets(lab));
        expect(results.filter((r) => r.status !== 200).map((r) => `${r.ip} ${r.transport}/${r.port}`)).toEqual([]);
      } finally {
        await lab.down();
      }
    });
  }
});
