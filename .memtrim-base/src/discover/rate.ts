// Global packet-rate limit for the sweep: a token bucket (as zmap/masscan pace their
// sends). A small burst lets a round start without a ramp; the long-run rate never
// exceeds `ratePps`.

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly burst: number;

  constructor(readonly ratePps: number, burst?: number, private readonly now: () => number = () => performance.now()) {
    if (!(ratePps > 0)) throw new RangeError(`rate must be > 0: ${ratePps}`);
    // Default burst: 10 ms worth of packets, at least 1.
    this.burst = Math.max(1, burst ?? Math.ceil(ratePps / 100));
    this.tokens = this.burst;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.ratePps) / 1000);
    this.last = t;
  }

  /** Take one token if available. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until one token is available (0 = now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.ratePps;
  }

  /** Resolve when one token has been taken; rejects with the signal's reason when aborted. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.tryTake()) return;
      await sleep(Math.max(1, this.waitMs()), signal);
    }
  }
}

/** setTimeout as a promise that an AbortSignal cuts short (resolves early, never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
