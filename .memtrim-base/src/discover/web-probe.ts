// The light web banner probe (ports 80/443) of discovery, as a queue that runs beside
// the sweep: hosts are added as soon as they turn out alive, so that waiting on a
// lost SYN (the kernel retries after 1 s) overlaps the UDP rounds instead of
// following them. httpBanner never throws; each host is probed once.
import { setMaxListeners } from 'node:events';
import type { HttpBanner } from '../api/result.js';
import { httpBanner } from './http-banner.js';

export const WEB_PORTS: ReadonlyArray<{ port: number; tls: boolean }> = [{ port: 80, tls: false }, { port: 443, tls: true }];

export interface WebProbeOptions {
  timeoutMs: number;
  concurrency: number;
  signal: AbortSignal;
  onDone?: (done: number, queued: number) => void;
}

export class WebProbeQueue {
  readonly results = new Map<string, HttpBanner[]>();
  private readonly seen = new Set<string>();
  private readonly queue: string[] = [];
  private running = 0;
  private finished = 0;
  private waiters: Array<() => void> = [];
  private readonly inner = new AbortController();

  constructor(private readonly o: WebProbeOptions) {
    setMaxListeners(0, this.inner.signal);
    if (o.signal.aborted) this.inner.abort();
    else o.signal.addEventListener('abort', () => this.inner.abort(), { once: true });
  }

  /** Hosts probed so far. */
  get done(): number {
    return this.finished;
  }

  /** Hosts taken in so far (probed, running or waiting). */
  get queued(): number {
    return this.seen.size;
  }

  /** Connection attempts made (a host dropped by a cancel before its turn made none). */
  get probes(): number {
    return this.finished * WEB_PORTS.length;
  }

  add(ip: string): void {
    if (this.seen.has(ip) || this.inner.signal.aborted) return;
    this.seen.add(ip);
    this.queue.push(ip);
    this.pump();
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  /** Stop: pending requests end at once. */
  abort(): void {
    this.inner.abort();
  }

  private pump(): void {
    while (this.running < this.o.concurrency && this.queue.length > 0 && !this.inner.signal.aborted) {
      const ip = this.queue.shift() as string;
      this.running++;
      void Promise.all(WEB_PORTS.map((w) => httpBanner(ip, w.port, w.tls, { timeoutMs: this.o.timeoutMs, signal: this.inner.signal })))
        .then((banners) => { this.results.set(ip, banners); })
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.o.onDone?.(++this.finished, this.seen.size);
          this.pump();
        });
    }
    if (this.running === 0 && (this.queue.length === 0 || this.inner.signal.aborted)) {
      this.queue.length = 0;
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    }
  }
}
