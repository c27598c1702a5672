// An office behind a NAT router, for the external reachability test (src/reach,
// src/echo). Everything lives in lab namespaces `gc<id>-<role>`, torn down by down():
//
//   pc  ──┐                                   (no default route anywhere past inet)
//   farm ─┴── lan (br0) ── rtr ══ wan ══ inet: "the internet" (echo server on
//   10.78.0.0/24            .1   203.0.113.2   203.0.113.1   198.51.100.10 + .11)
//
// pc:   the office PC (10.78.0.2, default route via the router): the reach client runs here.
// farm: one farm phone (10.78.0.10, Yealink persona), default route via the router.
// rtr:  masquerade to its WAN; a typical router firewall (inbound: established/related
//       and port forwards only); optional kernel SIP ALG (nf_conntrack_sip via
//       `CT --helper sip` on LAN→WAN UDP 5060) and an optional port forward
//       WAN udp+tcp 5060 → the phone ("the exposed office"), both switchable at run time.
// inet: the echo server on 198.51.100.10 (alt IP .11); NO default route, and a raw-table
//       guard that drops (and counts) every packet not addressed to the lab's own
//       "internet" addresses: a packet for 8.8.8.8 from the office dies here.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abandonLab, labDown, OWNER_FILE, sweepOrphanLabsSync, track, type Owned } from './cleanup.js';
import { makeCert } from './cert.js';
import { launchFarm, REPO_ROOT } from './farm/launch.js';
import type { FarmPhoneSpec } from './farm/spec.js';
import { execIn, ipBatch, newLabId, nsName, spawnIn, type ExecOptions, type ExecResult } from './netns.js';
import { persona, renderUserAgent, vendorMac } from './personas.js';
import { addAddresses, addBridge, addNamespaces, attachToLan, sysctl } from './topology.js';

export const NAT_LAB = {
  lanPrefix: '10.78.0',
  routerLan: '10.78.0.1',
  pcIp: '10.78.0.2',
  phoneIp: '10.78.0.10',
  routerWan: '203.0.113.2',
  inetWan: '203.0.113.1',
  echoIp: '198.51.100.10',
  echoAltIp: '198.51.100.11',
  echoHttpPort: 8080,
  echoSipPort: 5060,
  echoAltPort: 5062,
} as const;

export interface NatLabOptions {
  /** kernel SIP ALG on the router (default off) */
  sipAlg?: boolean;
  /** WAN 5060 (udp+tcp) forwarded to the phone (default off) */
  portForward?: boolean;
  /** the echo server's --alt-ip (default on) */
  echoAltIp?: boolean;
}

export type NatRole = 'pc' | 'lan' | 'farm' | 'rtr' | 'inet';

export interface NatLab {
  id: string;
  ns: Record<NatRole, string>;
  /** the echo server's URL, as the office PC reaches it */
  echoUrl: string;
  phone: { ip: string; userAgent: string; persona: string };
  /** the echo server's log lines so far (JSON, one per event) */
  echoLog(): string[];
  execIn(role: NatRole, cmd: string[], opts?: ExecOptions): Promise<ExecResult>;
  spawnIn(role: NatRole, cmd: string[]): ChildProcess;
  /** `ghostcall ARGS...` (the CLI from src/, through tsx) on the office PC */
  ghostcall(args: string[], opts?: ExecOptions): Promise<ExecResult>;
  setSipAlg(on: boolean): Promise<void>;
  setPortForward(on: boolean): Promise<void>;
  /** packets the inet guard dropped (not addressed to the lab's internet) */
  guardDrops(): Promise<number>;
  down(): Promise<void>;
}

const ALG_CHAIN = 'GCALG';
const FWD_CHAIN = 'GCFWD';

function routerRules(): string {
  return [
    '*raw', `:${ALG_CHAIN} - [0:0]`, `-A PREROUTING -i eth0 -j ${ALG_CHAIN}`, 'COMMIT',
    '*nat', `:${FWD_CHAIN} - [0:0]`, `-A PREROUTING -i wan0 -j ${FWD_CHAIN}`, '-A POSTROUTING -o wan0 -j MASQUERADE', 'COMMIT',
    '*filter', ':FORWARD DROP [0:0]',
    '-A INPUT -i wan0 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', '-A INPUT -i wan0 -j DROP',
    '-A FORWARD -i eth0 -o wan0 -j ACCEPT',
    '-A FORWARD -i wan0 -o eth0 -m conntrack --ctstate ESTABLISHED,RELATED,DNAT -j ACCEPT',
    'COMMIT', '',
  ].join('\n');
}

/** The internet namespace accepts only what is addressed to its own test addresses; the rest is dropped and counted. */
function inetGuard(): string {
  return [
    '*raw',
    '-A PREROUTING -i lo -j ACCEPT',
    `-A PREROUTING -d ${NAT_LAB.echoIp}/32 -j ACCEPT`, `-A PREROUTING -d ${NAT_LAB.echoAltIp}/32 -j ACCEPT`, `-A PREROUTING -d ${NAT_LAB.inetWan}/32 -j ACCEPT`,
    '-A PREROUTING -m comment --comment gc-offlab -j DROP',
    '-A OUTPUT -o lo -j ACCEPT', '-A OUTPUT -d 203.0.113.0/24 -j ACCEPT', '-A OUTPUT -m comment --comment gc-offlab -j DROP',
    'COMMIT', '',
  ].join('\n');
}

async function restore(ns: string, rules: string): Promise<void> {
  const r = await execIn(ns, ['iptables-restore', '--noflush'], { input: rules });
  if (r.code !== 0) throw new Error(`nat lab: iptables in ${ns} failed: ${r.stderr.trim()}`);
}

/** Start the echo server (the real CLI command) in the inet namespace; resolves once it logged its start. */
async function startEcho(ns: string, altIp: boolean, log: string[]): Promise<ChildProcess> {
  const args = ['echo-server', '--bind', NAT_LAB.echoIp, '--http-port', String(NAT_LAB.echoHttpPort), '--sip-port', String(NAT_LAB.echoSipPort),
    '--alt-port', String(NAT_LAB.echoAltPort), '--max-requests', '1000', ...(altIp ? ['--alt-ip', NAT_LAB.echoAltIp] : [])];
  const child = spawnIn(ns, [process.execPath, '--import', 'tsx', '--input-type=module', '-e', cliScript(args)], { cwd: REPO_ROOT });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('nat lab: echo server not ready after 30 s')), 30_000);
    let buf = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
    child.stdout?.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      log.push(...lines);
      if (lines.some((l) => l.includes('"event":"start"'))) { clearTimeout(timer); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`nat lab: echo server exited (${code}): ${err.trim()}`)); });
  });
  child.removeAllListeners('exit');
  return child;
}

/** A one-liner running the CLI from src/ (through tsx) with `args`, exiting with its code. */
function cliScript(args: string[]): string {
  return `const m = await import(${JSON.stringify(join(REPO_ROOT, 'src/cli/main.ts'))});`
    + `await m.main(['node', 'ghostcall', ...${JSON.stringify(args)}]);`
    + `process.stdout.write('', () => process.exit(Number(process.exitCode ?? 0)));`;
}

export async function createNatLab(opts: NatLabOptions = {}): Promise<NatLab> {
  const id = newLabId();
  const ns: Record<NatRole, string> = { pc: nsName(id, 'pc'), lan: nsName(id, 'lan'), farm: nsName(id, 'farm'), rtr: nsName(id, 'rtr'), inet: nsName(id, 'inet') };
  sweepOrphanLabsSync();
  const dir = mkdtempSync(join(tmpdir(), `gc${id}-`));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const owned: Owned = { namespaces: Object.values(ns), pids: [], dir: process.env.LAB_KEEP_LOGS === '1' ? null : dir };
  const children: ChildProcess[] = [];
  const echoLines: string[] = [];
  track(id, owned);
  try {
    await addNamespaces(Object.values(ns));
    await addBridge(ns.lan);
    const p = persona('yealink-t46s');
    const mac = vendorMac(p, 0, parseInt(id, 36) & 0xffff);
    await attachToLan(ns.lan, [
      { ns: ns.pc, port: 'to-pc', ifname: 'eth0' },
      { ns: ns.farm, port: 'to-farm', ifname: 'eth0', mac },
      { ns: ns.rtr, port: 'to-rtr', ifname: 'eth0' },
    ]);
    // the WAN link: created from inside the router namespace, like every lab link
    await ipBatch(['link add wan0 type veth peer name eth0 netns ' + ns.inet, 'link set wan0 up'], ns.rtr);
    await ipBatch(['link set eth0 up'], ns.inet);
    await addAddresses(ns.pc, 'eth0', [`${NAT_LAB.pcIp}/24`]);
    await ipBatch([`route add default via ${NAT_LAB.routerLan}`], ns.pc);
    await addAddresses(ns.farm, 'eth0', [`${NAT_LAB.phoneIp}/24`]);
    await ipBatch([`route add default via ${NAT_LAB.routerLan}`], ns.farm);
    await addAddresses(ns.rtr, 'eth0', [`${NAT_LAB.routerLan}/24`]);
    await addAddresses(ns.rtr, 'wan0', [`${NAT_LAB.routerWan}/24`]);
    await ipBatch([`route add default via ${NAT_LAB.inetWan}`], ns.rtr);
    await addAddresses(ns.inet, 'eth0', [`${NAT_LAB.inetWan}/24`]);
    await ipBatch([`addr add ${NAT_LAB.echoIp}/32 dev lo`, `addr add ${NAT_LAB.echoAltIp}/32 dev lo`], ns.inet);
    await sysctl(ns.rtr, { 'net.ipv4.ip_forward': 1 });
    await sysctl(ns.inet, { 'net.ipv4.ip_forward': 0 });
    await restore(ns.rtr, routerRules());
    await restore(ns.inet, inetGuard());

    const { certFile, keyFile } = await makeCert(dir);
    const spec: FarmPhoneSpec = {
      ip: NAT_LAB.phoneIp, mac, persona: p.id, userAgent: renderUserAgent(p.userAgent, mac), server: p.server ?? null,
      allow: p.allow, supported: p.supported, udp: [5060], tcp: [5060], tls: [], web: [], mdns: [],
    };
    const farm = await launchFarm(ns.farm, { phones: [spec], certFile, keyFile }, dir, 'farm', false);
    children.push(farm.child);
    if (farm.child.pid) owned.pids.push(farm.child.pid);
    if (farm.ready.failures.length) throw new Error(`nat lab: farm could not bind: ${farm.ready.failures.join('; ')}`);
    const echo = await startEcho(ns.inet, opts.echoAltIp ?? true, echoLines);
    children.push(echo);
    if (echo.pid) owned.pids.push(echo.pid);

    const lab: NatLab = {
      id, ns, echoUrl: `http://${NAT_LAB.echoIp}:${NAT_LAB.echoHttpPort}`,
      phone: { ip: NAT_LAB.phoneIp, userAgent: spec.userAgent ?? '', persona: p.id },
      echoLog: () => [...echoLines],
      execIn: (role, cmd, o) => execIn(ns[role], cmd, o),
      spawnIn: (role, cmd) => spawnIn(ns[role], cmd),
      ghostcall: (args, o) => execIn(ns.pc, [process.execPath, '--import', 'tsx', '--input-type=module', '-e', cliScript(args)], { timeoutMs: 120_000, ...o }),
      setSipAlg: (on) => restore(ns.rtr, ['*raw', `:${ALG_CHAIN} - [0:0]`, ...(on ? [`-A ${ALG_CHAIN} -p udp --dport 5060 -j CT --helper sip`] : []), 'COMMIT', ''].join('\n')),
      setPortForward: (on) => restore(ns.rtr, ['*nat', `:${FWD_CHAIN} - [0:0]`,
        ...(on ? ['udp', 'tcp'].map((proto) => `-A ${FWD_CHAIN} -p ${proto} --dport 5060 -j DNAT --to-destination ${NAT_LAB.phoneIp}:5060`) : []), 'COMMIT', ''].join('\n')),
      guardDrops: async () => {
        const r = await execIn(ns.inet, ['iptables', '-t', 'raw', '-L', 'PREROUTING', '-v', '-n', '-x']);
        const line = r.stdout.split('\n').find((l) => l.includes('gc-offlab'));
        return Number(line?.trim().split(/\s+/)[0] ?? NaN);
      },
      down: labDown(id, owned, children),
    };
    if (opts.sipAlg) await lab.setSipAlg(true);
    if (opts.portForward) await lab.setPortForward(true);
    return lab;
  } catch (e) {
    abandonLab(id, owned, children);
    throw e;
  }
}
