// Which local address reaches a target: the Via sent-by (and Contact) of our OPTIONS
// must name it, or the phone answers into the void. On-link targets take the address
// of the interface whose subnet holds them; others ask the kernel's routing table by
// "connecting" a UDP socket (connect(2) on a datagram socket sends no packet).
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';
import { cidrRange, ipToInt } from './targets.js';

export interface LocalInterface {
  name: string;
  address: string;
  prefixLength: number;
  /** The link resolves neighbours by ARP (not loopback, not a NOARP link such as a tunnel). */
  arp?: boolean;
}

const IFF_NOARP = 0x80;

/** Linux: the interface's flags say NOARP (tunnels, WireGuard); elsewhere unknown = false. */
function noArp(name: string): boolean {
  try {
    return (Number.parseInt(readFileSync(`/sys/class/net/${name}/flags`, 'utf8').trim(), 16) & IFF_NOARP) !== 0;
  } catch {
    return false;
  }
}

/** The IPv4 interfaces of this machine (or of the namespace it runs in), loopback included. */
export function ipv4Interfaces(): LocalInterface[] {
  const out: LocalInterface[] = [];
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4' || !a.cidr) continue;
      const prefixLength = Number(a.cidr.split('/')[1]);
      out.push({ name, address: a.address, prefixLength, arp: !a.internal && !noArp(name) });
    }
  }
  return out;
}

/** The interface whose subnet holds `ip` (the longest prefix wins), or null when it is off-link. */
export function onLinkInterface(ip: string, ifaces: LocalInterface[] = ipv4Interfaces(), only?: string): LocalInterface | null {
  if (!ipaddr.IPv4.isValid(ip)) return null;
  const addr = ipaddr.IPv4.parse(ip);
  let best: LocalInterface | null = null;
  for (const i of ifaces) {
    if (only && i.name !== only) continue;
    if (!addr.match(ipaddr.IPv4.parse(i.address), i.prefixLength)) continue;
    if (!best || i.prefixLength > best.prefixLength) best = i;
  }
  return best;
}

/**
 * The LAN interfaces (resolving neighbours by ARP: not loopback, not a tunnel) whose
 * subnet overlaps the target ranges (uint32, inclusive). mDNS multicasts on the
 * link, so it may only go out on these: never on a LAN that holds no target.
 */
export function lansHolding(ranges: ReadonlyArray<{ start: number; end: number }>, ifaces: LocalInterface[], only?: string): LocalInterface[] {
  return ifaces.filter((i) => {
    if (i.arp !== true || (only && i.name !== only)) return false;
    const { start, end } = cidrRange(ipToInt(i.address), i.prefixLength);
    return ranges.some((r) => r.start <= end && r.end >= start);
  });
}

/** The source address the kernel would use towards `ip`; null when there is no route (ENETUNREACH). */
export function routeSource(ip: string): Promise<string | null> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const finish = (v: string | null): void => {
      try { s.close(); } catch { /* already closed */ }
      resolve(v);
    };
    s.on('error', () => finish(null));
    try {
      s.connect(9, ip, (err?: Error) => {
        if (err) return finish(null);
        try { finish(s.address().address); } catch { finish(null); }
      });
    } catch {
      finish(null);
    }
  });
}

/** Caches the local address per target; on-link answers need no syscall. */
export class LocalIpResolver {
  private readonly cache = new Map<string, string | null>();
  private readonly ifaces: LocalInterface[];

  constructor(private readonly iface?: string) {
    this.ifaces = ipv4Interfaces();
  }

  /** The address of the chosen interface (`--interface`), if any. */
  interfaceAddress(): string | null {
    if (!this.iface) return null;
    return this.ifaces.find((i) => i.name === this.iface)?.address ?? null;
  }

  /** See lansHolding(): this machine's LAN interfaces that hold a target. */
  lansHolding(ranges: ReadonlyArray<{ start: number; end: number }>): LocalInterface[] {
    return lansHolding(ranges, this.ifaces, this.iface);
  }

  isOnLink(ip: string): boolean {
    return onLinkInterface(ip, this.ifaces, this.iface) !== null;
  }

  /** On-link through an interface that resolves neighbours by ARP (so the neighbour table can vouch for it). */
  isArpOnLink(ip: string): boolean {
    return onLinkInterface(ip, this.ifaces, this.iface)?.arp === true;
  }

  /** The cached answer of resolve() (null when unresolved or unroutable). */
  cached(ip: string): string | null {
    return this.cache.get(ip) ?? null;
  }

  async resolve(ip: string): Promise<string | null> {
    const hit = this.cache.get(ip);
    if (hit !== undefined) return hit;
    const link = onLinkInterface(ip, this.ifaces, this.iface);
    const v = link ? link.address : (this.interfaceAddress() ?? (await routeSource(ip)));
    this.cache.set(ip, v);
    return v;
  }
}
