// SIP over UDP: ONE socket for the whole sweep. Requests are stateless (ids from the
// keyed tag), replies are matched by verifying the tag against their source address;
// anything else (unparseable, requests, wrong tag) is counted and dropped.
import { createSocket } from 'node:dgram';
import type { Socket, RemoteInfo } from 'node:dgram';
import { buildOptions } from '../sip/message.js';
import { callIdOf, cseqOf, parseSipMessage } from '../sip/parse.js';
import type { DatagramProbe, ProbeReply, ProbeTarget, SendResult } from './types.js';
import type { ProbeTagger } from './tag.js';

export interface UdpProbeOptions {
  tagger: ProbeTagger;
  /** Via sent-by address for a target (from local-ip.ts); null = no route. */
  localIpFor: (ip: string) => string | null;
  onReply: (r: ProbeReply) => void;
  /** Bind to this local address (the chosen interface); default all. */
  bindAddress?: string;
  userAgent?: string;
}

export class UdpProbe implements DatagramProbe {
  readonly transport = 'udp' as const;
  private sock: Socket | null = null;
  private port = 0;
  sent = 0;
  received = 0;
  /** Datagrams that were not a reply to one of our probes. */
  ignored = 0;

  constructor(private readonly opts: UdpProbeOptions) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 1 << 20 });
      // A failed bind (e.g. --interface's address gone) must not leave the socket open.
      const fail = (err: Error): void => {
        try { s.close(); } catch { /* never bound */ }
        reject(err);
      };
      s.once('error', fail);
      s.on('message', (buf, rinfo) => this.onMessage(buf, rinfo));
      s.bind({ port: 0, address: this.opts.bindAddress, exclusive: true }, () => {
        s.removeListener('error', fail);
        // Later socket errors (ICMP-induced etc.) must not crash the sweep.
        s.on('error', () => {});
        this.port = s.address().port;
        this.sock = s;
        resolve();
      });
    });
  }

  get localPort(): number {
    return this.port;
  }

  send(t: ProbeTarget, attempt: number): Promise<SendResult> {
    const s = this.sock;
    if (!s) return Promise.resolve({ ok: false, code: 'ENOTCONN' });
    const localIp = this.opts.localIpFor(t.ip);
    if (localIp === null) return Promise.resolve({ ok: false, code: 'ENETUNREACH' });
    const ids = this.opts.tagger.ids('udp', t.ip, t.port);
    let buf: Buffer;
    try {
      buf = buildOptions({
        transport: 'udp', targetIp: t.ip, targetPort: t.port, localIp, localPort: this.port,
        ...ids, cseq: attempt + 1, userAgent: this.opts.userAgent,
      });
    } catch {
      return Promise.resolve({ ok: false, code: 'EINVAL' });
    }
    return new Promise((resolve) => {
      try {
        s.send(buf, t.port, t.ip, (err) => {
          if (err) return resolve({ ok: false, code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
          this.sent++;
          resolve({ ok: true });
        });
      } catch (err) {
        resolve({ ok: false, code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
      }
    });
  }

  private onMessage(buf: Buffer, rinfo: RemoteInfo): void {
    const parsed = parseSipMessage(buf);
    if (!parsed.ok || parsed.msg.kind !== 'response') {
      this.ignored++;
      return;
    }
    const port = this.opts.tagger.verify('udp', rinfo.address, callIdOf(parsed.msg));
    if (port === null) {
      this.ignored++;
      return;
    }
    this.received++;
    this.opts.onReply({
      transport: 'udp', ip: rinfo.address, port, msg: parsed.msg,
      cseq: cseqOf(parsed.msg)?.seq ?? null, receivedAt: performance.now(),
    });
  }

  close(): void {
    const s = this.sock;
    this.sock = null;
    if (s) try { s.close(); } catch { /* already closed */ }
  }
}
