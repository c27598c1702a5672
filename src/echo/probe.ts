// The echo server's outside probe: SIP OPTIONS to the REQUESTER's own address on the
// asked ports (never any other address: the caller passes the HTTP peer address,
// the request body cannot name a target). Reuses the discovery probes: one UDP
// socket with keyed Call-IDs (replies from any other address are ignored) and a
// bounded TCP/TLS connection per port.
import type { Transport } from '../api/result.js';
import { ProbeTagger } from '../discover/probes/tag.js';
import { UdpProbe } from '../discover/probes/udp.js';
import { TcpProbe } from '../discover/probes/tcp.js';
import { TlsProbe } from '../discover/probes/tls.js';
import { routeSource } from '../discover/local-ip.js';
import { sleep } from '../discover/rate.js';
import type { ProbeReply, StreamOutcome } from '../discover/probes/types.js';
import type { SipMessage } from '../discover/sip/parse.js';
import type { ProbeAnswer } from './protocol.js';

export interface ProbeOptions {
  /** The requester's IP (the HTTP peer): the only address this ever sends to. */
  requesterIp: string;
  ports: number[];
  transports: Transport[];
  timeoutMs: number;
  /** Local address for the probes (the server's bind address), if any. */
  localAddress?: string;
  userAgent: string;
  signal?: AbortSignal;
}

const UDP_ATTEMPTS = 3;

function header(msg: SipMessage, name: string): string | null {
  const v = msg.headers.get(name)?.trim();
  return v ? v.slice(0, 1024) : null;
}

function answered(transport: Transport, port: number, msg: SipMessage): ProbeAnswer {
  return { transport, port, reachable: true, status: msg.status, userAgent: header(msg, 'user-agent'), server: header(msg, 'server'), outcome: 'answer' };
}

function silent(transport: Transport, port: number, outcome: string): ProbeAnswer {
  return { transport, port, reachable: false, status: null, userAgent: null, server: null, outcome };
}

async function probeUdp(o: ProbeOptions, tagger: ProbeTagger, ports: number[]): Promise<ProbeAnswer[]> {
  if (ports.length === 0) return [];
  const got = new Map<number, ProbeReply>();
  // Via sent-by: our real address towards the requester (phones answer to it or to rport)
  const local = o.localAddress ?? (await routeSource(o.requesterIp)) ?? '0.0.0.0';
  const udp = new UdpProbe({
    tagger,
    localIpFor: () => local,
    bindAddress: o.localAddress,
    userAgent: o.userAgent,
    // the tagger verifies the source address: only the requester's own answers count
    onReply: (r) => { if (r.ip === o.requesterIp && !got.has(r.port)) got.set(r.port, r); },
  });
  await udp.open();
  const unreachable = new Set<number>();
  try {
    // RFC 3261 Timer A style: attempts at 0, T, 3T within the deadline
    const step = o.timeoutMs / (2 ** UDP_ATTEMPTS - 1);
    for (let a = 0; a < UDP_ATTEMPTS && !o.signal?.aborted; a++) {
      for (const port of ports) {
        if (got.has(port)) continue;
        const r = await udp.send({ ip: o.requesterIp, port }, a);
        if (!r.ok) unreachable.add(port);
      }
      if (ports.every((p) => got.has(p))) break;
      await sleep(step * 2 ** a, o.signal);
    }
  } finally {
    udp.close();
  }
  return ports.map((port) => {
    const r = got.get(port);
    return r ? answered('udp', port, r.msg) : silent('udp', port, unreachable.has(port) ? 'unreachable' : 'timeout');
  });
}

function streamAnswer(transport: Transport, port: number, out: StreamOutcome): ProbeAnswer {
  return out.kind === 'answer' ? answered(transport, port, out.reply.msg) : silent(transport, port, out.kind);
}

export async function probeRequester(o: ProbeOptions): Promise<ProbeAnswer[]> {
  const tagger = new ProbeTagger();
  const ports = [...new Set(o.ports)];
  const tcp = new TcpProbe(tagger, o.localAddress);
  const tls = new TlsProbe(tagger, o.localAddress);
  const streamOpts = { connectTimeoutMs: o.timeoutMs, responseTimeoutMs: o.timeoutMs, signal: o.signal, userAgent: o.userAgent };
  const jobs: Array<Promise<ProbeAnswer[]>> = [];
  if (o.transports.includes('udp')) jobs.push(probeUdp(o, tagger, ports));
  for (const port of ports) {
    if (o.transports.includes('tcp')) jobs.push(tcp.probe({ ip: o.requesterIp, port }, streamOpts).then((r) => [streamAnswer('tcp', port, r)]));
    if (o.transports.includes('tls')) jobs.push(tls.probe({ ip: o.requesterIp, port }, streamOpts).then((r) => [streamAnswer('tls', port, r)]));
  }
  const all = (await Promise.all(jobs)).flat();
  const order = (a: ProbeAnswer): number => ['udp', 'tcp', 'tls'].indexOf(a.transport) * 65536 + a.port;
  return all.sort((a, b) => order(a) - order(b));
}
