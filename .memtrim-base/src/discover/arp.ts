// The kernel's neighbour (ARP) table: IP → MAC of hosts on the link. Reading it sends
// no packet; the sweep's own probes are what fill it. Linux: /proc/net/arp, else
// `ip -4 neigh show`; only where neither exists (macOS, Windows) node-arp, which pings
// each address and shells out to `arp` — so it is never used on Linux.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { normalizeMac } from './oui.js';

export interface NeighbourOptions {
  /** Only entries on this interface (Linux sources). */
  interface?: string;
  /** Addresses to look up where the table cannot be listed (node-arp: one lookup per address). */
  ips?: string[];
  /** Injectable for tests. */
  procPath?: string;
  platform?: NodeJS.Platform;
  ipCommand?: string;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const ATF_COM = 0x2; // entry complete (linux/if_arp.h)
/** `ip neigh` states that carry a usable lladdr (INCOMPLETE/FAILED/NOARP do not). */
const USABLE_STATES = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT']);

function accept(out: Map<string, string>, ip: string, rawMac: string): void {
  const mac = normalizeMac(rawMac);
  if (!IPV4.test(ip) || !mac || mac === '00:00:00:00:00:00') return;
  out.set(ip, mac);
}

/** Parse /proc/net/arp: complete entries (flags & ATF_COM) with a real MAC. */
export function parseProcNetArp(text: string, iface?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const [ip, , flags, mac, , dev] = line.trim().split(/\s+/);
    if (!ip || !flags || !mac) continue;
    if (iface !== undefined && dev !== iface) continue;
    if ((Number.parseInt(flags, 16) & ATF_COM) === 0) continue;
    accept(out, ip, mac);
  }
  return out;
}

/** Parse `ip neigh show`: "10.0.0.5 dev eth0 lladdr aa:bb:.. [router] STALE". */
export function parseIpNeigh(text: string, iface?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const ip = words[0];
    const lladdr = words.indexOf('lladdr');
    const dev = words.indexOf('dev');
    const state = words[words.length - 1] ?? '';
    if (!ip || lladdr < 0 || !USABLE_STATES.has(state)) continue;
    if (iface !== undefined && (dev < 0 || words[dev + 1] !== iface)) continue;
    accept(out, ip, words[lladdr + 1] ?? '');
  }
  return out;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 5000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

interface NodeArp {
  getMAC(ip: string, cb: (err: boolean, macOrError: string | number) => void): void;
}

/** node-arp, one address at a time (it spawns ping + arp per call), bounded concurrency. */
async function viaNodeArp(ips: string[]): Promise<Map<string, string>> {
  const arp = createRequire(import.meta.url)('node-arp') as NodeArp;
  const out = new Map<string, string>();
  const queue = [...new Set(ips)];
  const worker = async (): Promise<void> => {
    for (let ip = queue.shift(); ip !== undefined; ip = queue.shift()) {
      const target = ip;
      const mac = await new Promise<string | null>((resolve) => {
        arp.getMAC(target, (err, value) => resolve(err || typeof value !== 'string' ? null : value));
      });
      if (mac) accept(out, target, mac);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return out;
}

/** IP → MAC (lower-case, colon-separated) for the complete entries of the neighbour table. */
export async function readNeighbours(opts: NeighbourOptions = {}): Promise<Map<string, string>> {
  const platform = opts.platform ?? process.platform;
  try {
    return parseProcNetArp(await readFile(opts.procPath ?? '/proc/net/arp', 'utf8'), opts.interface);
  } catch { /* no procfs: next source */ }
  try {
    return parseIpNeigh(await run(opts.ipCommand ?? 'ip', ['-4', 'neigh', 'show']), opts.interface);
  } catch { /* no iproute2: next source */ }
  if (platform === 'linux') return new Map(); // never node-arp on Linux: it would ping
  return viaNodeArp(opts.ips ?? []);
}
