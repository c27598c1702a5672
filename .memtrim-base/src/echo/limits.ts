// Abuse limits of the echo server: a per-source-IP token bucket (requests per
// window), per-source and global concurrency, bounded tables (an attacker with many
// addresses cannot grow memory without bound). Hand-written: a few lines, and the
// npm rate limiters are Express middlewares or need Redis.

export interface EchoLimits {
  /** HTTP requests per source IP per window (info included). */
  requestsPerWindow: number;
  windowMs: number;
  /** Probe/NAT requests running at once, per source IP and in all. */
  perIpConcurrency: number;
  globalConcurrency: number;
  /** Largest accepted HTTP request body. */
  maxBodyBytes: number;
  /** Whole HTTP request (headers + body) deadline. */
  requestTimeoutMs: number;
  /** How long the server waits for a probed SIP answer. */
  probeTimeoutMs: number;
  /** SIP reflector answers per source IP per window (UDP and TCP). */
  sipPerWindow: number;
  /** Source IPs tracked at most (oldest dropped first). */
  maxTracked: number;
}

export const DEFAULT_ECHO_LIMITS: Readonly<EchoLimits> = {
  requestsPerWindow: 20,
  windowMs: 60_000,
  perIpConcurrency: 1,
  globalConcurrency: 16,
  maxBodyBytes: 4096,
  requestTimeoutMs: 10_000,
  probeTimeoutMs: 2500,
  sipPerWindow: 30,
  maxTracked: 10_000,
};

/** Fixed-window counter per key; a Map keeps insertion order, so the oldest key is dropped first. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly maxKeys: number, private readonly now: () => number = Date.now) {}

  /** true = allowed (and counted); false = over the limit. */
  take(key: string): boolean {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.windows.delete(key);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      while (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
    }
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }

  /** Seconds until `key` may try again (for Retry-After). */
  retryAfterS(key: string): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 1000)) : 1;
  }
}

/** Running operations per key and in all; `acquire` returns a release function or null when full. */
export class ConcurrencyLimiter {
  private readonly running = new Map<string, number>();
  private total = 0;
  constructor(private readonly perKey: number, private readonly global: number) {}

  acquire(key: string): (() => void) | null {
    const n = this.running.get(key) ?? 0;
    if (n >= this.perKey || this.total >= this.global) return null;
    this.running.set(key, n + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left <= 0) this.running.delete(key);
      else this.running.set(key, left);
    };
  }
}
