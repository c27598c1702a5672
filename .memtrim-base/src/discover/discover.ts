// The discover stage: targets → SIP sweep (all transports/ports) with an mDNS browse
// and the web banner probe running beside it → the neighbour table (MACs of every
// live host) → one Device per IP (merge.ts). The web probe takes live hosts that
// answered no SIP, and hosts whose MAC vendor makes phones. Cancelling returns what
// was found with stats.cancelled = true.
import type { CallContext } from '../api/contract.js';
import type { Device, MdnsRecord, ScanParams } from '../api/result.js';
import type { Phase } from '../api/progress.js';
import { EngineError } from '../api/errors.js';
import { resolveTargets, iterateTargets } from './targets.js';
import { readNeighbours } from './arp.js';
import { macVendor } from './oui.js';
import { browseMdns } from './mdns.js';
import { sweep } from './sweep.js';
import type { SweepResult } from './sweep.js';
import { mergeDevices } from './merge.js';
import type { MacInfo } from './merge.js';
import { LocalIpResolver, type LocalInterface } from './local-ip.js';
import { WebProbeQueue } from './web-probe.js';

export interface DiscoverStats {
  targets: number;
  probesSent: number;
  responses: number;
  durationMs: number;
  cancelled: boolean;
}

export interface DiscoverResult {
  devices: Device[];
  stats: DiscoverStats;
  warnings: string[];
}

/** Enough for one SYN retransmission (the kernel retries after 1 s). */
const WEB_TIMEOUT_MS = 1500;

const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * mDNS on each LAN that holds a target, bound to that interface, and nowhere else:
 * a loopback-only or routed (off-link) scan browses nothing. A failed browse is a warning.
 */
async function browseLans(
  lans: LocalInterface[], durationMs: number, signal: AbortSignal, accept: (ip: string) => boolean, warnings: string[],
): Promise<Map<string, MdnsRecord[]>> {
  const maps = await Promise.all(lans.map((lan) => browseMdns({ durationMs, signal, interfaceIp: lan.address, accept }).catch((err: unknown) => {
    warnings.push(`mDNS browse on ${lan.name} failed: ${errText(err)}`);
    return new Map<string, MdnsRecord[]>();
  })));
  const out = new Map<string, MdnsRecord[]>();
  for (const m of maps) for (const [ip, recs] of m) out.set(ip, [...(out.get(ip) ?? []), ...recs]);
  return out;
}

export async function discover(params: ScanParams, ctx: Required<CallContext>): Promise<DiscoverResult> {
  const t0 = performance.now();
  const warnings: string[] = [];
  const report = (phase: Phase, done: number, total: number, found: number): void => {
    ctx.onProgress({ phase, done, total, found, elapsedMs: Math.round(performance.now() - t0) });
  };
  const set = resolveTargets(params.targets, { allowPublic: params.allowPublic, force: params.force, interface: params.interface });
  const local = new LocalIpResolver(params.interface);
  // An --interface without an IPv4 address would be ignored silently (the kernel picks
  // another way out): refuse before any packet is sent.
  if (params.interface !== undefined && local.interfaceAddress() === null) {
    const detail = `no IPv4 address on interface ${params.interface}`;
    throw new EngineError('E_NETWORK', detail, { detail, interface: params.interface });
  }
  const ips = [...iterateTargets(set)];
  const scope = new Set(ips);
  report('targets', ips.length, ips.length, 0);

  const macCache = new Map<string, MacInfo>();
  const vendorOf = (mac: string): MacInfo => {
    const hit = macCache.get(mac);
    if (hit) return hit;
    const v = macVendor(mac);
    macCache.set(mac, v);
    return v;
  };

  // mDNS beside the sweep, on its own abort so that a failing sweep stops it too.
  const side = new AbortController();
  const stopSide = (): void => side.abort();
  ctx.signal.addEventListener('abort', stopSide, { once: true });
  const mdnsLans = params.mdns && params.mdnsMs > 0 ? local.lansHolding(set.ranges) : [];
  let mdnsRunning = mdnsLans.length > 0;
  const mdnsPromise = mdnsRunning
    ? browseLans(mdnsLans, params.mdnsMs, side.signal, (ip) => scope.has(ip), warnings)
    : Promise.resolve(new Map<string, MdnsRecord[]>());
  void mdnsPromise.then(() => { mdnsRunning = false; });

  // Web banners beside the sweep: a host enters once alive and either silent on SIP or with a phone vendor's MAC.
  const sipSeen = new Set<string>();
  let table = new Map<string, string>();
  // While the sweep runs, its own progress is the one shown: interleaving the web
  // probe's counts would make the bar jump between two totals (and a log line per switch).
  let sweeping = true;
  const web = params.http ? new WebProbeQueue({
    timeoutMs: Math.min(WEB_TIMEOUT_MS, params.timeoutMs), concurrency: params.concurrency, signal: side.signal,
    onDone: (done, queued) => { if (!sweeping) report('http', done, queued, sipSeen.size); },
  }) : null;
  const phoneMac = (ip: string): boolean => {
    const mac = table.get(ip);
    return mac !== undefined && vendorOf(mac).phoneVendor;
  };
  const considerWeb = (ip: string): void => {
    if (web && scope.has(ip) && (!sipSeen.has(ip) || phoneMac(ip))) web.add(ip);
  };

  let swept: SweepResult;
  try {
    swept = await sweep({
      ips, ports: params.ports, transports: params.transports, rate: params.rate, timeoutMs: params.timeoutMs,
      retries: params.retries, concurrency: params.concurrency, interface: params.interface,
      targetLabel: set.specs.join(' '),
    }, {
      signal: ctx.signal,
      onProgress: (p) => report('sweep', p.done, p.total, p.found),
      // During the sweep only the table itself (no per-address lookups): it is a liveness hint.
      neighbours: params.arp && process.platform === 'linux' ? () => readNeighbours({ interface: params.interface }) : undefined,
      onNeighbours: (t) => {
        table = t;
        for (const ip of t.keys()) if (phoneMac(ip)) considerWeb(ip);
      },
      onAlive: (ip, why) => {
        if (why === 'sip') sipSeen.add(ip);
        considerWeb(ip);
      },
    });
  } catch (err) {
    stopSide();
    ctx.signal.removeEventListener('abort', stopSide);
    await Promise.all([mdnsPromise, web?.idle()]);
    throw err;
  }
  sweeping = false;
  warnings.push(...swept.warnings);

  // The sweep made the kernel ARP every target: the table now holds every live on-link host.
  let neighbours = new Map<string, string>();
  if (params.arp && !ctx.signal.aborted) {
    report('arp', 0, 1, swept.evidence.size);
    const live = [...new Set([...swept.alive, ...swept.evidence.keys()])];
    neighbours = await readNeighbours({ interface: params.interface, ips: live }).catch((err: unknown) => {
      warnings.push(`neighbour table unreadable: ${errText(err)}`);
      return new Map<string, string>();
    });
    neighbours = new Map([...neighbours].filter(([ip]) => scope.has(ip)));
    table = neighbours;
    report('arp', 1, 1, swept.evidence.size);
  }
  if (web && !ctx.signal.aborted) {
    for (const ip of new Set([...swept.alive, ...neighbours.keys()])) considerWeb(ip);
    report('http', web.done, web.queued, sipSeen.size);
    await web.idle();
  }

  // The browse listens for its full window: say so rather than leave the last phase standing.
  const waitingForMdns = mdnsRunning;
  if (waitingForMdns) report('mdns', 0, 1, swept.evidence.size);
  const mdns = await mdnsPromise;
  if (waitingForMdns) report('mdns', 1, 1, swept.evidence.size);
  ctx.signal.removeEventListener('abort', stopSide);
  const devices = mergeDevices({
    inScope: (ip) => scope.has(ip), sip: swept.evidence, neighbours, mdns, http: web?.results ?? new Map(), macVendor: vendorOf,
  });
  return {
    devices,
    stats: {
      targets: ips.length,
      probesSent: swept.probesSent + (web?.probes ?? 0),
      responses: swept.responses,
      durationMs: Math.round(performance.now() - t0),
      cancelled: swept.cancelled || ctx.signal.aborted,
    },
    warnings,
  };
}
