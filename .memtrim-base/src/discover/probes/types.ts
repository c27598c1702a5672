// One interface per probe (as zmap's probe modules): a probe sends one SIP OPTIONS
// to (ip, port) over its transport and hands back matched responses. The datagram
// probe shares one socket for the whole sweep and delivers replies as they come;
// stream probes (TCP, TLS) own one connection per target and resolve with its outcome.
import type { Transport } from '../../api/result.js';
import type { SipMessage } from '../sip/parse.js';

export interface ProbeTarget {
  ip: string;
  port: number;
}

/** A SIP response matched to the probe that caused it. */
export interface ProbeReply extends ProbeTarget {
  transport: Transport;
  msg: SipMessage;
  /** CSeq number echoed by the device: tells which attempt it answers (Karn's rule for RTT samples). */
  cseq: number | null;
  receivedAt: number;
}

/** Result of handing one datagram to the kernel. */
export type SendResult = { ok: true } | { ok: false; code: string };

/** Stateless datagram probe: send() many times, replies arrive through the onReply callback. */
export interface DatagramProbe {
  readonly transport: 'udp';
  open(): Promise<void>;
  send(target: ProbeTarget, attempt: number): Promise<SendResult>;
  close(): void;
}

export type StreamOutcome =
  | { kind: 'answer'; reply: ProbeReply; rttMs: number }
  /** RST: the host is alive, nothing listens on that port. */
  | { kind: 'refused' }
  /** Connected (the host is alive) but no SIP answer: closed, garbage, or silent until the deadline. */
  | { kind: 'no-answer'; reason: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; code: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; code: string };

export interface StreamProbeOptions {
  connectTimeoutMs: number;
  /** Time for the TLS handshake + the answer once connected. */
  responseTimeoutMs: number;
  signal?: AbortSignal;
  userAgent?: string;
}

/** Connection-oriented probe: one connection per target. */
export interface StreamProbe {
  readonly transport: 'tcp' | 'tls';
  probe(target: ProbeTarget, opts: StreamProbeOptions): Promise<StreamOutcome>;
}
