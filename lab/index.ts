// The network lab: a virtual office in network namespaces for tests and
// benchmarks. `createLab()` builds scanner (no default route) + LAN switch +
// phone farm (+ silent vendor phones, real peers) and returns the ground truth.
//
//   scanner ns ──veth── lan ns (bridge br0) ──veth── farm ns (one macvlan per phone)
//                                 ├──veth── sv<k> ns (silent vendor phone, web + mDNS)
//                                 └──veth── peer ns (sipp uas, kamailio)
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abandonLab, labDown, OWNER_FILE, sweepOrphanLabsSync, track } from './cleanup.js';
import type { Owned } from './cleanup.js';
import { makeCert } from './cert.js';
import { launchFarm } from './farm/launch.js';
import type { FarmPhoneSpec, FarmSpec } from './farm/spec.js';
import { layouts } from './layouts.js';
import type { PlannedHost } from './layouts.js';
import { initLoss, setLoss } from './loss.js';
import { execIn, newLabId, nsName, spawnIn } from './netns.js';
import { peerTruth, startPeers } from './peers.js';
import { renderUserAgent, vendorMac } from './personas.js';
import { addAddresses, addBridge, addMacvlans, addNamespaces, addSharedAddresses, attachToLan, linkMac, sysctl } from './topology.js';
import type { Lab, LabOptions, LabPhone } from './types.js';

export type { Lab, LabOptions, LabPhone } from './types.js';
export { layouts } from './layouts.js';
export { personas } from './personas.js';

const NEEDED = ['ip', 'ss', 'iptables-restore', 'openssl', 'sipp', 'kamailio'];

/** Root + the binaries the lab needs. */
export function labAvailable(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: 'the lab needs Linux network namespaces' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, reason: 'the lab needs root (ip netns): run `sudo npm test`' };
  }
  const missing = NEEDED.filter((b) => {
    try { execFileSync('sh', ['-c', `command -v ${b}`], { stdio: 'ignore' }); return false; } catch { return true; }
  });
  if (missing.length) return { ok: false, reason: `missing tools: ${missing.join(', ')} (see .ci/run for the apt packages)` };
  return { ok: true };
}

const NET = [10, 77];
const ipAt = (offset: number): string => `${NET[0]}.${NET[1]}.${offset >> 8}.${offset & 255}`;

function farmSpecFor(h: PlannedHost, ip: string, mac: string | null, mdns: boolean): FarmPhoneSpec {
  const p = h.persona;
  const hostName = `${p.mdnsName.replace(/[^A-Za-z0-9-]/g, '-')}-${ip.split('.').pop()}`;
  return {
    ip, mac, persona: p.id, userAgent: renderUserAgent(p.userAgent, mac), server: p.server ?? null,
    allow: p.allow, supported: p.supported, udp: h.udp, tcp: h.tcp, tls: h.tls,
    web: h.web.map((w) => ({ port: w.port, tls: w.tls, ui: w.ui, server: w.server, title: w.title, ...(w.auth ? { auth: w.auth } : {}) })),
    mdns: !mdns ? [] : [
      { name: `${p.mdnsName} (${mac ?? ip})`, host: `${hostName}.local`, type: 'sip', protocol: 'udp', port: 5060, txt: { vendor: p.vendor, model: p.model } },
      ...h.web.filter((w) => !w.tls).slice(0, 1).map((w) => ({ name: `${p.mdnsName} web (${mac ?? ip})`, host: `${hostName}.local`,
        type: 'http', protocol: 'tcp' as const, port: w.port, txt: { path: '/' } })),
    ],
    // a hostile device plays its own part (lab/farm/hostile.ts); its truth is what a correct scanner reports
    ...(h.hostile ? { persona: `hostile-${h.hostile.id}`, userAgent: h.hostile.expect.userAgent, server: h.hostile.expect.server, hostile: h.hostile.id } : {}),
  };
}

function truthOf(s: FarmPhoneSpec, h: PlannedHost): LabPhone {
  return {
    ip: s.ip, mac: s.mac, persona: s.persona, vendor: h.persona.vendor,
    // silent hosts answer no SIP, so they send no User-Agent at all
    userAgent: s.udp.length + s.tcp.length + s.tls.length > 0 ? s.userAgent : null, server: s.server,
    udp: s.udp, tcp: s.tcp, tls: s.tls, web: s.web[0] ? { port: s.web[0].port, tls: s.web[0].tls } : null,
    webs: s.web.map((w) => ({ port: w.port, tls: w.tls, server: w.server, title: w.title, auth: w.auth ? `${w.auth.scheme} realm="${w.auth.realm}"` : null })),
    mdns: s.mdns.length > 0, kind: h.hostile ? 'hostile' : h.kind, ...(h.hostile ? { hostile: h.hostile.id } : {}),
  };
}

export async function createLab(opts: LabOptions = {}): Promise<Lab> {
  const avail = labAvailable();
  if (!avail.ok) throw new Error(`lab unavailable: ${avail.reason}`);
  const t0 = performance.now();
  const layout = opts.layout ?? 'small';
  const plan = layouts[layout]();
  const mdns = opts.mdns ?? plan.defaults.mdns;
  const withPeers = opts.peers ?? plan.defaults.peers;
  const keep = opts.keep ?? false;
  const id = newLabId();
  const salt = parseInt(id, 36) & 0xffff;
  const ns = { scanner: nsName(id, 'scan'), lan: nsName(id, 'lan'), farm: nsName(id, 'farm') } as Lab['ns'];
  const farmHosts = plan.hosts.filter((h) => h.kind === 'farm');
  const silentHosts = plan.hosts.filter((h) => h.kind === 'silent-vendor');
  silentHosts.forEach((_, i) => { ns[`sv${i + 1}`] = nsName(id, `sv${i + 1}`); });
  if (withPeers) ns.peer = nsName(id, 'peer');
  sweepOrphanLabsSync();
  const dir = mkdtempSync(join(tmpdir(), `gc${id}-`));
  writeFileSync(join(dir, OWNER_FILE), keep ? 'keep' : String(process.pid));
  // LAB_KEEP_LOGS=1 keeps the temp dir (farm/sipp/kamailio logs) after down()
  const owned: Owned = { namespaces: Object.values(ns), pids: [], dir: process.env.LAB_KEEP_LOGS === '1' ? null : dir };
  const children: ChildProcess[] = [];
  if (!keep) track(id, owned);
  try {
    // 1. namespaces and the switch
    await addNamespaces(Object.values(ns));
    await addBridge(ns.lan);
    const silentMacs = silentHosts.map((h, i) => vendorMac(h.persona, 1000 + i, salt));
    const peerMac = `02:47:43:${(salt >> 8).toString(16).padStart(2, '0')}:${(salt & 255).toString(16).padStart(2, '0')}:01`;
    await attachToLan(ns.lan, [
      { ns: ns.scanner, port: 'to-scan', ifname: 'eth0' },
      { ns: ns.farm, port: 'to-farm', ifname: 'eth0' },
      ...silentHosts.map((_, i) => ({ ns: ns[`sv${i + 1}`]!, port: `to-sv${i + 1}`, ifname: 'eth0', mac: silentMacs[i]! })),
      ...(withPeers ? [{ ns: ns.peer!, port: 'to-peer', ifname: 'eth0', mac: peerMac }] : []),
    ]);
    // 2. addresses. The scanner gets its LAN address and a multicast route (mDNS) — no default route.
    const cidr = (off: number): string => `${ipAt(off)}/${plan.prefix}`;
    await addAddresses(ns.scanner, 'eth0', [cidr(plan.scannerOffset)], ['224.0.0.0/4']);
    // no IPv6 chatter (DAD, MLD) from hundreds of macvlans
    await sysctl(ns.farm, { 'net.ipv6.conf.all.disable_ipv6': 1, 'net.ipv6.conf.default.disable_ipv6': 1 }).catch(() => undefined);
    const farmMacs = farmHosts.map((h, i) => vendorMac(h.persona, i, salt));
    let sharedMac: string | null = null;
    try {
      if (process.env.LAB_NO_MACVLAN === '1') throw new Error('LAB_NO_MACVLAN=1');
      await addMacvlans(ns.farm, 'eth0', farmHosts.map((h, i) => ({ ifname: `p${i}`, mac: farmMacs[i]!, cidr: cidr(h.offset) })));
    } catch (e) {
      process.stderr.write(`lab: macvlan failed (${(e as Error).message}); falling back to one shared MAC\n`);
      await addSharedAddresses(ns.farm, 'eth0', farmHosts.map((h) => cidr(h.offset)));
      sharedMac = await linkMac(ns.farm, 'eth0');
    }
    await Promise.all(silentHosts.map((h, i) => addAddresses(ns[`sv${i + 1}`]!, 'eth0', [cidr(h.offset)], ['224.0.0.0/4'])));
    if (withPeers) await addAddresses(ns.peer!, 'eth0', [cidr(plan.peers.sipp), cidr(plan.peers.kamailio)]);
    const phoneNs = [ns.farm, ...silentHosts.map((_, i) => ns[`sv${i + 1}`]!), ...(withPeers ? [ns.peer!] : [])];
    await initLoss(phoneNs);
    if (opts.lossPct) await setLoss(phoneNs, opts.lossPct);

    // 3. processes: one farm for the farm namespace, one per silent phone, the peers
    const { certFile, keyFile } = await makeCert(dir);
    const farmSpecs = farmHosts.map((h, i) => farmSpecFor(h, ipAt(h.offset), sharedMac ?? farmMacs[i]!, false));
    const silentSpecs = silentHosts.map((h, i) => farmSpecFor(h, ipAt(h.offset), silentMacs[i]!, mdns && h.mdns));
    const mk = (phones: FarmPhoneSpec[]): FarmSpec => ({ phones, certFile, keyFile });
    // hostile devices (layout 'hostile') get a farm process of their own: their floods must not slow the normal phones
    const hostileSpecs = farmSpecs.filter((s) => s.hostile);
    const farms = await Promise.all([
      launchFarm(ns.farm, mk(farmSpecs.filter((s) => !s.hostile)), dir, 'farm', keep),
      ...(hostileSpecs.length ? [launchFarm(ns.farm, mk(hostileSpecs), dir, 'farm-hostile', keep)] : []),
      ...silentSpecs.map((s, i) => launchFarm(ns[`sv${i + 1}`]!, mk([s]), dir, `farm-sv${i + 1}`, keep)),
    ]);
    for (const f of farms) {
      children.push(f.child);
      if (f.child.pid) owned.pids.push(f.child.pid);
      if (f.ready.failures.length) throw new Error(`lab: farm could not bind: ${f.ready.failures.slice(0, 5).join('; ')}`);
    }
    const peers = withPeers ? await startPeers(ns.peer!, ipAt(plan.peers.sipp), ipAt(plan.peers.kamailio), peerMac, dir, keep) : null;
    if (peers) for (const c of peers.children) { children.push(c); if (c.pid) owned.pids.push(c.pid); }

    const phones: LabPhone[] = [
      ...farmSpecs.map((s, i) => truthOf(s, farmHosts[i]!)),
      ...silentSpecs.map((s, i) => truthOf(s, silentHosts[i]!)),
      ...(peers ? peerTruth(peers) : []),
    ];
    const lab: Lab = {
      id, subnet: `${ipAt(0)}/${plan.prefix}`, scannerIp: ipAt(plan.scannerOffset), scannerIf: 'eth0', ns, phones,
      deadIps: plan.dead.map(ipAt), layout, buildMs: Math.round(performance.now() - t0), dir,
      exec: (cmd, o) => execIn(ns.scanner, cmd, o),
      spawn: (cmd) => spawnIn(ns.scanner, cmd),
      execIn: (n, cmd, o) => {
        const name = ns[n] ?? n; // a role ('farm', 'sv1', 'peer') or a full namespace name
        if (!Object.values(ns).includes(name)) return Promise.reject(new Error(`lab: ${n} is not a namespace of lab ${id}`));
        return execIn(name, cmd, o);
      },
      setLoss: (pct) => setLoss(phoneNs, pct),
      down: labDown(id, owned, children),
    };
    return lab;
  } catch (e) {
    abandonLab(id, owned, children);
    throw e;
  }
}

/** Remove every lab namespace on the machine (`npm run lab -- down --all`). */
export async function destroyAllLabs(): Promise<string[]> {
  const { listNamespaces, LAB_NS_PATTERN, destroyNamespacesSync } = await import('./netns.js');
  const stale = (await listNamespaces()).filter((n) => LAB_NS_PATTERN.test(n));
  destroyNamespacesSync(stale);
  // their temp dirs (gc<id>-XXXXXX), when the lab's own process could not remove them
  const ids = new Set(stale.map((n) => n.split('-')[0]));
  for (const entry of readdirSync(tmpdir())) {
    if (ids.has(entry.split('-')[0]) && /^gc[0-9a-z]+-[A-Za-z0-9]{6}$/.test(entry)) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  return stale;
}

export { destroyOwnedSync } from './cleanup.js';
