// Real SIP peers on the LAN: a `sipp -sn uas` (auto-answers OPTIONS with 200)
// and a kamailio with a minimal config that answers OPTIONS via sl_send_reply.
// Both run in the peers namespace as children of the lab (killed on down()).
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { spawnIn } from './netns.js';

export const KAMAILIO_MODULES = '/usr/lib/x86_64-linux-gnu/kamailio/modules/';

export function startSipp(ns: string, ip: string, dir: string): ChildProcess {
  const log = openSync(join(dir, 'sipp.log'), 'a');
  // No -bg: kept as our child so its pid is known; -nostdin for a headless run.
  return spawnIn(ns, ['sipp', '-sn', 'uas', '-aa', '-i', ip, '-p', '5060', '-nostdin', '-trace_err',
    '-error_file', join(dir, 'sipp-errors.log')], { stdio: ['ignore', log, log], cwd: dir });
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
  if (is_method("OPTIONS")) {
    sl_send_reply("200", "OK");
    exit;
  }
  if (is_method("ACK")) {
    exit;
  }
  sl_send_reply("403", "Forbidden");
  exit;
}
`;
}

export async function startKamailio(ns: string, ip: string, dir: string): Promise<ChildProcess> {
  const kdir = join(dir, 'kamailio');
  await mkdir(kdir, { recursive: true });
  const cfg = join(kdir, 'kamailio.cfg');
  await writeFile(cfg, kamailioConfig(ip));
  const log = openSync(join(dir, 'kamailio.log'), 'a');
  return spawnIn(ns, ['kamailio', '-f', cfg, '-DD', '-E', '-P', join(kdir, 'kamailio.pid'), '-Y', kdir, '-w', kdir],
    { stdio: ['ignore', log, log], cwd: kdir });
}
