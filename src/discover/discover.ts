// The discover stage: targets → SIP sweep (all transports/ports), with an mDNS browse
// in parallel → the neighbour table (MACs of every live host) → a light web banner
// probe of live hosts that answered no SIP or carry a phone-vendor MAC → one Device
// per IP (merge.ts). Cancelling returns what was found with stats.cancelled = true.
import { setMaxListeners } from 'node:events';
import type { CallContext } from '../api/contract.js';
import type { Device, HttpBanner, MdnsRecord, ScanParams } from '../api/result.js';
import type { Phase } from '../api/progress.js';
import { resolveTargets, iterateTargets } from './targets.js';
import { readNeighbours } from './arp.js';
import { macVendor } from './oui.js';
import { browseMdns } from './mdns.js';
import { httpBanner } from './http-banner.js';
import { sweep } from './sweep.js';
import { mergeDevices } from './merge.js';
import type { MacInfo } from './merge.js';
import { LocalIpResolver } from './local-ip.js';

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

const WEB_PORTS: ReadonlyArray<{ port: number; tls: boolean }> = [{ port: 80, tls: false }, { port: 443, tls: true }];
const WEB_CONCURRENCY = 32;
const WEB_TIMEOUT_MS = 1500;

export async function discover(params: ScanParams, ctx: Required<CallContext>): Promise<DiscoverResult> {
  const t0 = performance.now();
  const warnings: string[] = [];
  const report = (phase: Phase, done: number, total: number, found: number, message?: string): void => {
    ctx.onProgress({ phase, done, total, found, elapsedMs: Math.round(performance.now() - t0), ...(message ? { message } : {}) });
  };
  const set = resolveTargets(params.targets, { allowPublic: params.allowPublic, force: params.force, interface: params.interface });
  const ips = [...iterateTargets(set)];
  const scope = new Set(ips);
  report('targets', ips.length, ips.length, 0);

  // mDNS runs beside the sweep, on its own abort so that a failing sweep stops it too.
  const mdnsAbort = new AbortController();
  const stopMdns = (): void => mdnsAbort.abort();
  ctx.signal.addEventListener('abort', stopMdns, { once: true });
  const local = new LocalIpResolver(params.interface);
  const mdnsPromise: Promise<Map<string, MdnsRecord[]>> = params.mdns && params.mdnsMs > 0
    ? browseMdns({ durationMs: params.mdnsMs, signal: mdnsAbort.signal, interfaceIp: local.interfaceAddress() ?? undefined })
      .catch((err: unknown) => {
        warnings.push(`mDNS browse failed: ${err instanceof Error ? err.message : String(err)}`);
        return new Map<string, MdnsRecord[]>();
      })
    : Promise.resolve(new Map());

  let swept: Awaited<ReturnType<typeof sweep>>;
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
    });
  } catch (err) {
    stopMdns();
    await mdnsPromise;
    throw err;
  } finally {
    ctx.signal.removeEventListener('abort', stopMdns);
  }
  warnings.push(...swept.warnings);
  let cancelled = swept.cancelled;

  // The sweep made the kernel ARP every target: the table now holds every live on-link host.
  let neighbours = new Map<string, string>();
  if (params.arp && !cancelled) {
    report('arp', 0, 1, swept.evidence.size);
    neighbours = await readNeighbours({ interface: params.interface, ips: [...new Set([...swept.alive, ...swept.evidence.keys()])] }).catch((err: unknown) => {
      warnings.push(`neighbour table unreadable: ${err instanceof Error ? err.message : String(err)}`);
      return new Map<string, string>();
    });
    neighbours = new Map([...neighbours].filter(([ip]) => scope.has(ip)));
    report('arp', 1, 1, swept.evidence.size);
  }
  const macCache = new Map<string, MacInfo>();
  const vendorOf = (mac: string): MacInfo => {
    const hit = macCache.get(mac);
    if (hit) return hit;
    const v = macVendor(mac);
    macCache.set(mac, v);
    return v;
  };

  const http = new Map<string, HttpBanner[]>();
  let webProbes = 0;
  if (params.http && !ctx.signal.aborted) {
    const live = new Set<string>([...swept.alive, ...neighbours.keys()]);
    const hosts = [...live].filter((ip) => scope.has(ip) && (!swept.evidence.has(ip) || (neighbours.has(ip) && vendorOf(neighbours.get(ip) as string).phoneVendor)));
    webProbes = hosts.length * WEB_PORTS.length;
    report('http', 0, hosts.length, swept.evidence.size);
    // One listener per pending request: a signal of our own that may carry them all.
    const webAbort = new AbortController();
    setMaxListeners(0, webAbort.signal);
    const stopWeb = (): void => webAbort.abort();
    ctx.signal.addEventListener('abort', stopWeb, { once: true });
    await webBanners(hosts, Math.min(WEB_TIMEOUT_MS, params.timeoutMs), webAbort.signal, http, (done) => report('http', done, hosts.length, swept.evidence.size));
    ctx.signal.removeEventListener('abort', stopWeb);
  }

  const mdns = await mdnsPromise;
  cancelled ||= ctx.signal.aborted;
  const devices = mergeDevices({ inScope: (ip) => scope.has(ip), sip: swept.evidence, neighbours, mdns, http, macVendor: vendorOf });
  return {
    devices,
    stats: {
      targets: ips.length,
      probesSent: swept.probesSent + webProbes,
      responses: swept.responses,
      durationMs: Math.round(performance.now() - t0),
      cancelled,
    },
    warnings,
  };
}

/** Banner of ports 80/443 of each host, a bounded number at a time; httpBanner never throws. */
async function webBanners(
  hosts: string[], timeoutMs: number, signal: AbortSignal, out: Map<string, HttpBanner[]>, onDone: (n: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length && !signal.aborted) {
      const ip = hosts[next++] as string;
      const banners = await Promise.all(WEB_PORTS.map((w) => httpBanner(ip, w.port, w.tls, { timeoutMs, signal })));
      out.set(ip, banners);
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WEB_CONCURRENCY, hosts.length) }, worker));
}
