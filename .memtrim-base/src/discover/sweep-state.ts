// Book-keeping of one sweep, in typed arrays so that a /16 × 5 ports stays small:
// per (host, port) pair the UDP attempts and answers, per host what we know of its
// liveness, and the evidence per device.
import type { SipEvidence, Transport } from '../api/result.js';

/** How a host showed it is alive. */
export type AliveBy = 'sip' | 'arp' | 'tcp';

/** What we know of a host's liveness (stored in a Uint8Array). */
export const HostState = { Unknown: 0, Alive: 1, Dead: 2 } as const;

export class SweepState {
  readonly nPorts: number;
  /** UDP sends per pair (host-major index: host * nPorts + portIdx). */
  readonly attempts: Uint8Array;
  readonly lastSent: Float64Array;
  /** 0 = no answer, 1 = provisional (1xx) only, 2 = final answer. */
  readonly answered: Uint8Array;
  readonly host: Uint8Array;
  readonly firstSent: Float64Array;
  /** Hosts with at least one SIP answer on any transport. */
  readonly sipHost: Uint8Array;
  private readonly index = new Map<string, number>();
  private readonly evidence = new Map<number, Map<string, SipEvidence>>();
  found = 0;
  responses = 0;
  /** Called once per host when it first turns out alive. */
  onAlive: ((ip: string, why: AliveBy) => void) | null = null;

  constructor(readonly ips: readonly string[], readonly ports: readonly number[]) {
    this.nPorts = ports.length;
    const n = ips.length * ports.length;
    this.attempts = new Uint8Array(n);
    this.lastSent = new Float64Array(n);
    this.answered = new Uint8Array(n);
    this.host = new Uint8Array(ips.length);
    this.firstSent = new Float64Array(ips.length);
    this.sipHost = new Uint8Array(ips.length);
    ips.forEach((ip, i) => this.index.set(ip, i));
  }

  hostIndex(ip: string): number | undefined {
    return this.index.get(ip);
  }

  portIndex(port: number): number {
    return this.ports.indexOf(port);
  }

  /** Record a SIP answer; a final answer replaces a provisional one, never the reverse. Returns true for a new device. */
  addEvidence(h: number, e: SipEvidence): boolean {
    let m = this.evidence.get(h);
    if (!m) this.evidence.set(h, (m = new Map()));
    const key = `${e.transport}/${e.port}`;
    const prev = m.get(key);
    if (!prev || (prev.status < 200 && e.status >= 200)) m.set(key, e);
    this.markAlive(h, 'sip');
    if (this.sipHost[h]) return false;
    this.sipHost[h] = 1;
    this.found++;
    return true;
  }

  markAlive(h: number, why: AliveBy): void {
    if (this.host[h] === HostState.Alive) return;
    this.host[h] = HostState.Alive;
    this.onAlive?.(this.ips[h] as string, why);
  }

  /** Pairs of host h without any UDP answer. */
  unansweredPairs(h: number): number {
    let n = 0;
    for (let k = h * this.nPorts; k < (h + 1) * this.nPorts; k++) if (this.answered[k] === 0) n++;
    return n;
  }

  hasEvidence(h: number, transport: Transport, port: number): boolean {
    return this.evidence.get(h)?.has(`${transport}/${port}`) ?? false;
  }

  /** Evidence per IP, ordered by transport then port. */
  evidenceByIp(): Map<string, SipEvidence[]> {
    const order: Record<Transport, number> = { udp: 0, tcp: 1, tls: 2 };
    const out = new Map<string, SipEvidence[]>();
    for (const [h, m] of this.evidence) {
      out.set(this.ips[h] as string, [...m.values()].sort((a, b) => order[a.transport] - order[b.transport] || a.port - b.port));
    }
    return out;
  }

  aliveIps(): Set<string> {
    const out = new Set<string>();
    this.host.forEach((s, i) => { if (s === HostState.Alive) out.add(this.ips[i] as string); });
    return out;
  }
}
