// Real SIP peers on the LAN: a `sipp -sn uas` (auto-answers OPTIONS with 200)
// and a kamailio with a minimal config that answers OPTIONS via sl_send_reply.
// Both run in the peers namespace as children of the lab (killed on down()).
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { execIn, run, sleep, spawnIn } from './netns.js';
import type { LabPhone } from './types.js';

export const KAMAILIO_MODULES = '/usr/lib/x86_64-linux-gnu/kamailio/modules/';

export function startSipp(ns: string, ip: string, dir: string, keep = false): ChildProcess {
  const log = openSync(join(dir, 'sipp.log'), 'a');
  // No -bg: kept as our child so its pid is known; -nostdin for a headless run.
  const child = spawnIn(ns, ['sipp', '-sn', 'uas', '-aa', '-i', ip, '-p', '5060', '-nostdin', '-trace_err',
    '-error_file', join(dir, 'sipp-errors.log')], { stdio: ['ignore', log, log], cwd: dir, detached: keep });
  closeSync(log); // the child has its own copy
  return child;
}

export function kamailioConfig(ip: string): string {
  return `#!KAMAILIO
# ghostcall lab peer: answers OPTIONS, refuses everything else.
debug=1
log_stderror=yes
children=1
tcp_children=1
disable_tcp=no
listen=udp:${ip}:5060
listen=tcp:${ip}:5060
mpath="${KAMAILIO_MODULES}"
loadmodule "sl.so"

request_route {
  if (method == "OPTIONS") {
    sl_send_reply("200", "OK");
    exit;
  }
  if (method == "ACK") {
    exit;
  }
  sl_send_reply("403", "Forbidden");
  exit;
}
`;
}

export async function startKamailio(ns: string, ip: string, dir: string, keep = false): Promise<ChildProcess> {
  const kdir = join(dir, 'kamailio');
  await mkdir(kdir, { recursive: true });
  const cfg = join(kdir, 'kamailio.cfg');
  await writeFile(cfg, kamailioConfig(ip));
  const log = openSync(join(dir, 'kamailio.log'), 'a');
  const child = spawnIn(ns, ['kamailio', '-f', cfg, '-DD', '-E', '-P', join(kdir, 'kamailio.pid'), '-Y', kdir, '-w', kdir],
    { stdio: ['ignore', log, log], cwd: kdir, detached: keep });
  closeSync(log); // the child has its own copy
  return child;
}

export interface Peers { children: ChildProcess[]; sippIp: string; kamailioIp: string; mac: string; kamailioServer: string }

/** Wait until something listens on ip:5060/udp in the namespace. */
async function waitUdp(ns: string, ip: string, what: string, dir: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = await execIn(ns, ['ss', '-Hlun', 'src', `${ip}:5060`]);
    if (r.stdout.trim()) return;
    await sleep(100);
  }
  throw new Error(`lab: ${what} did not start on ${ip}:5060 (see ${dir})`);
}

export async function startPeers(ns: string, sippIp: string, kamailioIp: string, mac: string, dir: string, keep: boolean): Promise<Peers> {
  const sipp = startSipp(ns, sippIp, dir, keep);
  const kam = await startKamailio(ns, kamailioIp, dir, keep);
  await Promise.all([waitUdp(ns, sippIp, 'sipp', dir), waitUdp(ns, kamailioIp, 'kamailio', dir)]);
  if (keep) { sipp.unref(); kam.unref(); }
  const version = /kamailio (\S+ \([^)]*\))/.exec((await run(['kamailio', '-v'])).stdout)?.[1] ?? '';
  return { children: [sipp, kam], sippIp, kamailioIp, mac, kamailioServer: `kamailio (${version})` };
}

/** Truth for the peers, as observed with real probes (sipp's -aa reply carries no User-Agent). */
export function peerTruth(p: Peers): LabPhone[] {
  const base = { mac: p.mac, vendor: 'open source', tls: [], web: null, webs: [], mdns: false, kind: 'peer' as const };
  return [
    { ...base, ip: p.sippIp, persona: 'sipp-uas', userAgent: null, server: null, udp: [5060], tcp: [] },
    { ...base, ip: p.kamailioIp, persona: 'kamailio', userAgent: null, server: p.kamailioServer, udp: [5060], tcp: [5060] },
  ];
}
