// The neighbour table as a liveness oracle for on-link targets: our first UDP probe
// to an address makes the kernel ARP for it, so shortly after, a live host has a
// complete entry and a dead one has none. Dead hosts get no retransmissions and no
// TCP/TLS connects, which is what keeps a sweep of a sparse subnet short.
// Used only when it can be trusted: on-link targets, fewer than the kernel keeps
// (gc_thresh3), and every on-link host that answered SIP present in the table.
import { readFileSync } from 'node:fs';
import type { LocalIpResolver } from './local-ip.js';
import { HostState } from './sweep-state.js';
import type { SweepState } from './sweep-state.js';

/**
 * Time after the first probe within which a live LAN host has answered ARP (wired:
 * a millisecond; Wi-Fi in power save: more). A host pruned too early still counts
 * when its SIP answer arrives late (the sweep revives it); it only loses retransmissions.
 */
const ARP_GRACE_MS = 100;

function gcThresh3(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/neigh/default/gc_thresh3', 'utf8').trim()) || 1024;
  } catch {
    return 1024;
  }
}

export class ArpHint {
  private readonly onLink: Uint8Array;
  private enabled: boolean;
  /** Why the hint was turned off (for a warning), if it was. */
  disabledReason: string | null = null;

  constructor(
    private readonly read: (() => Promise<Map<string, string>>) | undefined, resolver: LocalIpResolver, ips: readonly string[],
    private readonly onTable?: (table: Map<string, string>) => void,
    vouches: (ip: string) => boolean = (ip) => resolver.isArpOnLink(ip),
  ) {
    this.onLink = new Uint8Array(ips.length);
    let n = 0;
    ips.forEach((ip, i) => { if (vouches(ip)) { this.onLink[i] = 1; n++; } });
    this.enabled = read !== undefined && n > 0 && n <= gcThresh3() - 64;
  }

  /**
   * Read the table and apply it: hosts present become alive (onAlive), on-link hosts
   * absent well after their first probe become dead (onDead). Returns the number of
   * unanswered UDP pairs that were pruned.
   */
  async update(st: SweepState, onAlive: (h: number) => void, onDead: (h: number) => void): Promise<number> {
    if (!this.enabled || !this.read) return 0;
    let table: Map<string, string>;
    try {
      table = await this.read();
    } catch {
      this.enabled = false;
      this.disabledReason = 'neighbour table unreadable';
      return 0;
    }
    for (let h = 0; h < st.ips.length; h++) {
      if (this.onLink[h] && st.sipHost[h] && !table.has(st.ips[h] as string)) {
        this.enabled = false; // a host we heard from is missing: the table cannot vouch for absence
        this.disabledReason = 'neighbour table incomplete';
        return 0;
      }
    }
    this.onTable?.(table);
    const cutoff = performance.now() - ARP_GRACE_MS;
    let pruned = 0;
    for (let h = 0; h < st.ips.length; h++) {
      if (!this.onLink[h] || st.host[h] !== HostState.Unknown) continue;
      if (table.has(st.ips[h] as string)) {
        st.markAlive(h, 'arp');
        onAlive(h);
      } else if ((st.firstSent[h] as number) > 0 && (st.firstSent[h] as number) <= cutoff) {
        st.host[h] = HostState.Dead;
        pruned += st.unansweredPairs(h);
        onDead(h);
      }
    }
    return pruned;
  }
}
