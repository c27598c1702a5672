// Adaptive timeouts from measured round-trip times, as nmap does (timing.cc, after
// RFC 6298): smoothed RTT and variance, timeout = srtt + 4·rttvar, clamped between a
// floor (phones answer from slow CPUs) and the caller's maximum. Until a sample
// arrives the initial timeout applies.

export interface RttOptions {
  initialMs: number;
  minMs: number;
  maxMs: number;
}

export class RttEstimator {
  private srtt: number | null = null;
  private rttvar = 0;
  private n = 0;
  private maxSeen = 0;

  constructor(private readonly opts: RttOptions) {
    if (opts.minMs > opts.maxMs) throw new RangeError('minMs > maxMs');
  }

  /** Add one measured RTT in ms (negative or non-finite samples are ignored). */
  sample(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.n++;
    this.maxSeen = Math.max(this.maxSeen, ms);
    if (this.srtt === null) {
      this.srtt = ms;
      this.rttvar = ms / 2;
      return;
    }
    const delta = ms - this.srtt;
    this.srtt += delta / 8;
    this.rttvar += (Math.abs(delta) - this.rttvar) / 4;
  }

  get samples(): number {
    return this.n;
  }

  get smoothedMs(): number | null {
    return this.srtt;
  }

  /** Largest RTT seen so far (0 before any sample). */
  get maxSampleMs(): number {
    return this.maxSeen;
  }

  /** The retransmission timeout to use now. */
  timeoutMs(): number {
    const raw = this.srtt === null ? this.opts.initialMs : this.srtt + 4 * this.rttvar;
    return Math.min(this.opts.maxMs, Math.max(this.opts.minMs, raw));
  }
}
