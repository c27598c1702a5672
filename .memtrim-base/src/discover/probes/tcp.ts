// SIP over TCP: one connection per (ip, port), the OPTIONS written once connected,
// responses framed by Content-Length (SipStreamFramer). Every phase has a deadline
// and every byte count a bound, so a hostile peer (garbage, huge, slow, never
// closing) costs one connection slot until the deadline, never a hang.
// tls.ts reuses runStreamProbe with a TLS socket.
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { buildOptions } from '../sip/message.js';
import { SipStreamFramer, callIdOf, cseqOf } from '../sip/parse.js';
import type { SipMessage } from '../sip/parse.js';
import type { ProbeTarget, StreamOutcome, StreamProbe, StreamProbeOptions } from './types.js';
import type { ProbeTagger } from './tag.js';

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const REFUSED = new Set(['ECONNREFUSED']);

export interface StreamConnect {
  /**
   * Start connecting. `raw` is the TCP socket (its 'connect' = the handshake), `socket`
   * the one we talk SIP on (the same for TCP, the TLS wrapper for TLS); `readyEvent`
   * fires on `socket` when requests may be written.
   */
  open(t: ProbeTarget): { raw: Socket; socket: Socket; readyEvent: string };
}

export async function runStreamProbe(
  transport: 'tcp' | 'tls', conn: StreamConnect, tagger: ProbeTagger, t: ProbeTarget, o: StreamProbeOptions,
): Promise<StreamOutcome> {
  if (o.signal?.aborted) return { kind: 'cancelled' };
  return new Promise<StreamOutcome>((resolve) => {
    let settled = false;
    let connected = false;
    let sentAt = 0;
    let timer: NodeJS.Timeout | undefined;
    let socket: Socket | undefined;
    let raw: Socket | undefined;
    const framer = new SipStreamFramer();
    const ids = tagger.ids(transport, t.ip, t.port);
    let provisional: SipMessage | null = null;

    const finish = (out: StreamOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      try { socket?.destroy(); } catch { /* gone */ }
      try { raw?.destroy(); } catch { /* gone */ }
      resolve(out);
    };
    const answer = (msg: SipMessage): void => {
      const now = performance.now();
      finish({
        kind: 'answer', rttMs: now - sentAt,
        reply: { transport, ip: t.ip, port: t.port, msg, cseq: cseqOf(msg)?.seq ?? null, receivedAt: now },
      });
    };
    const onAbort = (): void => finish({ kind: 'cancelled' });
    const arm = (ms: number, what: StreamOutcome): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (provisional) answer(provisional);
        else finish(what);
      }, ms);
    };

    try {
      const opened = conn.open(t);
      const sock = opened.socket;
      socket = sock;
      raw = opened.raw;
      o.signal?.addEventListener('abort', onAbort, { once: true });
      arm(o.connectTimeoutMs, { kind: 'timeout' });
      opened.raw.once('connect', () => {
        connected = true;
        arm(o.responseTimeoutMs, { kind: 'no-answer', reason: 'no answer before the deadline' });
      });
      sock.once(opened.readyEvent, () => {
        if (!connected) {
          connected = true;
          arm(o.responseTimeoutMs, { kind: 'no-answer', reason: 'no answer before the deadline' });
        }
        try {
          const req = buildOptions({
            transport, targetIp: t.ip, targetPort: t.port,
            localIp: opened.raw.localAddress ?? '0.0.0.0', localPort: opened.raw.localPort ?? 1,
            ...ids, userAgent: o.userAgent,
          });
          sentAt = performance.now();
          sock.write(req);
        } catch (err) {
          finish({ kind: 'error', code: err instanceof Error ? err.message : 'EINVAL' });
        }
      });
      sock.on('data', (chunk: Buffer) => {
        for (const msg of framer.push(chunk)) {
          // Requests from the device and responses to someone else's Call-ID are not ours.
          if (msg.kind !== 'response' || callIdOf(msg) !== ids.callId) continue;
          if ((msg.status ?? 0) >= 200) return answer(msg);
          provisional ??= msg;
        }
        if (framer.error !== null) {
          if (provisional) answer(provisional);
          else finish({ kind: 'no-answer', reason: `unframeable stream: ${framer.error}` });
        }
      });
      const onError = (err: NodeJS.ErrnoException): void => {
        const code = err.code ?? 'EIO';
        if (provisional) return answer(provisional);
        if (!connected && REFUSED.has(code)) return finish({ kind: 'refused' });
        if (!connected && UNREACHABLE.has(code)) return finish({ kind: 'unreachable', code });
        if (connected) return finish({ kind: 'no-answer', reason: code });
        finish({ kind: 'error', code });
      };
      sock.on('error', onError);
      if (opened.raw !== sock) opened.raw.on('error', onError);
      sock.on('close', () => {
        if (provisional) return answer(provisional);
        finish(connected ? { kind: 'no-answer', reason: 'closed without an answer' } : { kind: 'error', code: 'ECLOSED' });
      });
    } catch (err) {
      finish({ kind: 'error', code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    }
  });
}

export class TcpProbe implements StreamProbe {
  readonly transport = 'tcp' as const;
  constructor(private readonly tagger: ProbeTagger, private readonly localAddress?: string) {}

  probe(t: ProbeTarget, o: StreamProbeOptions): Promise<StreamOutcome> {
    const conn: StreamConnect = {
      open: (target) => {
        const socket = netConnect({ host: target.ip, port: target.port, localAddress: this.localAddress, noDelay: true });
        return { raw: socket, socket, readyEvent: 'connect' };
      },
    };
    return runStreamProbe('tcp', conn, this.tagger, t, o);
  }
}
