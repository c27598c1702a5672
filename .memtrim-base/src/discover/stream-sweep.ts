// The TCP/TLS half of the sweep. Connecting to dead addresses is what makes TCP
// sweeps slow (svmap skips TCP for that reason), so hosts enter this queue as soon
// as they are known alive (a UDP answer, or a complete entry in the neighbour table
// that the UDP sweep filled) and get a normal connect timeout; hosts we know nothing
// about get a short one, and are retried with the normal one if they turn out alive.
// Per (host, port) the conventional transport goes first (TLS on 5061, TCP
// elsewhere); an answer or a refusal there settles the port for the other one.
import type { Transport } from '../api/result.js';
import type { StreamOutcome, StreamProbe, StreamProbeOptions } from './probes/types.js';

export interface StreamTask {
  host: number;
  ip: string;
  port: number;
  /** false: nothing known about the host yet (short connect timeout). */
  known: boolean;
}

export interface StreamSweepOptions {
  probes: StreamProbe[];
  concurrency: number;
  connectTimeoutMs: (known: boolean) => number;
  responseTimeoutMs: number;
  signal: AbortSignal;
  userAgent?: string;
  /** Taken before each connection (the global packet-rate limit). */
  pace: () => Promise<void>;
  onOutcome: (task: StreamTask, transport: Transport, out: StreamOutcome) => void;
  /** A probe slot (host × port × transport) is finished (probed or skipped). */
  onSlotDone: (n: number) => void;
  /** Is the host alive now (for the retry of an unknown host that timed out)? */
  isAlive: (host: number) => boolean;
}

export class StreamSweep {
  private readonly queue: StreamTask[] = [];
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  connections = 0;
  unreachable = 0;

  constructor(private readonly o: StreamSweepOptions) {}

  get transports(): number {
    return this.o.probes.length;
  }

  push(task: StreamTask): void {
    if (this.o.signal.aborted) return;
    this.queue.push(task);
    this.pump();
  }

  /** Resolves when the queue is empty and nothing runs. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private pump(): void {
    while (this.running < this.o.concurrency && this.queue.length > 0 && !this.o.signal.aborted) {
      const task = this.queue.shift() as StreamTask;
      this.running++;
      void this.runTask(task).finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && (this.queue.length === 0 || this.o.signal.aborted)) {
          const w = this.idleWaiters;
          this.idleWaiters = [];
          w.forEach((f) => f());
        }
      });
    }
    if (this.o.signal.aborted && this.running === 0) {
      this.queue.length = 0;
      const w = this.idleWaiters;
      this.idleWaiters = [];
      w.forEach((f) => f());
    }
  }

  private ordered(port: number): StreamProbe[] {
    const tlsFirst = port === 5061;
    return [...this.o.probes].sort((a, b) => (a.transport === 'tls' ? (tlsFirst ? -1 : 1) : 0) - (b.transport === 'tls' ? (tlsFirst ? -1 : 1) : 0));
  }

  private async runTask(task: StreamTask): Promise<void> {
    const probes = this.ordered(task.port);
    let left = probes.length;
    for (const p of probes) {
      if (this.o.signal.aborted) break;
      let out = await this.once(p, task, task.known);
      // An unknown host that timed out but now shows up alive (its ARP resolved meanwhile): once more, patiently.
      if (out.kind === 'timeout' && !task.known && this.o.isAlive(task.host)) out = await this.once(p, task, true);
      this.o.onOutcome(task, p.transport, out);
      left--;
      this.o.onSlotDone(1);
      if (out.kind !== 'no-answer') break; // answered, refused, unreachable, timeout, cancelled: settled for this port
    }
    if (left > 0) this.o.onSlotDone(left);
  }

  private async once(p: StreamProbe, task: StreamTask, known: boolean): Promise<StreamOutcome> {
    await this.o.pace();
    if (this.o.signal.aborted) return { kind: 'cancelled' };
    this.connections++;
    const opts: StreamProbeOptions = {
      connectTimeoutMs: this.o.connectTimeoutMs(known),
      responseTimeoutMs: this.o.responseTimeoutMs,
      signal: this.o.signal,
      userAgent: this.o.userAgent,
    };
    const out = await p.probe({ ip: task.ip, port: task.port }, opts);
    if (out.kind === 'unreachable') this.unreachable++;
    return out;
  }
}
