// The echo server's SIP side: UDP and TCP listeners on the SIP port (reflector for the
// ALG test, NAT-test registrations on UDP), the "other port" socket and, with an
// alternate IP, the "other IP" socket of the NAT test. Every answer goes back to the
// packet's own source only, rate-limited per source IP; hostile input is dropped.
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { findHeaderEnd, leadingNewlines, parseSipMessage } from '../discover/sip/parse.js';
import { natDatagram, parseNatDatagram, MAX_REFLECT_BYTES, MAX_UDP_AMPLIFICATION } from './protocol.js';
import { reflectResponse } from './reflect.js';
import { ConcurrencyLimiter, type RateLimiter } from './limits.js';
import type { NatRegistry } from './nat.js';
import { plainIp } from './address.js';

export interface SipListenerOptions {
  bind: string;
  sipPort: number;
  altPort: number;
  altIp: string | null;
  serverName: string;
  limiter: RateLimiter;
  nat: NatRegistry;
  log: (event: string, fields: Record<string, string | number>) => void;
}

export interface SipListeners {
  sipPort: number;
  altPort: number;
  udp: Socket;
  alt: Socket;
  altIpSock: Socket | null;
  close(): Promise<void>;
}

const TCP_IDLE_MS = 10_000;
const TCP_MAX_MESSAGES = 8;
/** Bytes one connection may send in all (a drip of keep-alives must not keep it open forever). */
const TCP_MAX_BYTES = 64 * 1024;

function bindUdp(address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket({ type: address.includes(':') ? 'udp6' : 'udp4' });
    s.once('error', reject);
    s.bind({ address, port, exclusive: true }, () => {
      s.removeListener('error', reject);
      s.on('error', () => { /* ICMP errors of a send: nothing to do */ });
      resolve(s);
    });
  });
}

/**
 * The exact bytes of the next message on a stream (the reflector must echo what
 * arrived, not a re-serialisation): framed by Content-Length (RFC 3261 18.3).
 * null = need more data; 'error' = unframeable or too big (the caller closes).
 */
export function nextFrame(buf: Buffer): Buffer | null | 'error' {
  const skip = leadingNewlines(buf);
  if (skip > 0 && skip === buf.length) return null;
  const he = findHeaderEnd(buf, skip);
  if (!he) return buf.length > MAX_REFLECT_BYTES ? 'error' : null;
  const m = /\r?\n(?:content-length|l)[ \t]*:[ \t]*(\d{1,6})[ \t]*\r?(?=\n|$)/i.exec(buf.toString('latin1', 0, he.end + 1));
  if (!m) return 'error';
  const total = he.bodyStart + Number(m[1]);
  if (total > MAX_REFLECT_BYTES + skip) return 'error';
  return buf.length < total ? null : buf.subarray(0, total);
}

export async function startSipListeners(o: SipListenerOptions): Promise<SipListeners> {
  const udp = await bindUdp(o.bind, o.sipPort);
  const sipPort = udp.address().port;
  const alt = await bindUdp(o.bind, o.altPort);
  const altPort = alt.address().port;
  // other IP AND other port (RFC 5780 test II); an ephemeral port never clashes with a wildcard bind
  const altIpSock = o.altIp ? await bindUdp(o.altIp, 0) : null;

  const onDatagram = (buf: Buffer, r: RemoteInfo): void => {
    const ip = plainIp(r.address);
    if (buf.length > MAX_REFLECT_BYTES || !o.limiter.take(ip)) return;
    const nat = parseNatDatagram(buf);
    if (nat) {
      if (nat.kind !== 'REG') return;
      o.nat.register(nat.token, ip, r.port);
      o.log('nat-register', { ip, port: r.port });
      udp.send(natDatagram('CONTROL', nat.token), r.port, r.address);
      return;
    }
    const parsed = parseSipMessage(buf);
    if (!parsed.ok) return;
    const answer = reflectResponse(parsed.msg, buf, { ip, port: r.port }, 'udp', o.serverName);
    // a spoofed source gets no more bytes than a small multiple of what was sent
    if (!answer || answer.length > MAX_UDP_AMPLIFICATION * buf.length) return;
    o.log('reflect', { transport: 'udp', ip, port: r.port, bytes: buf.length });
    udp.send(answer, r.port, r.address);
  };
  udp.on('message', onDatagram);

  const conns = new ConcurrencyLimiter(4, 256);
  const sockets = new Set<TcpSocket>();
  const tcp: Server = createServer((sock) => {
    const ip = plainIp(sock.remoteAddress ?? '');
    const release = conns.acquire(ip);
    if (!release) { sock.destroy(); return; }
    sockets.add(sock);
    sock.on('close', () => { release(); sockets.delete(sock); });
    sock.on('error', () => sock.destroy());
    sock.setTimeout(TCP_IDLE_MS, () => sock.destroy());
    let buf = Buffer.alloc(0);
    let count = 0;
    let total = 0;
    sock.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > TCP_MAX_BYTES) { sock.destroy(); return; }
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        buf = buf.subarray(leadingNewlines(buf)); // keep-alive CRLFs (RFC 5626) never pile up
        const f = nextFrame(buf);
        if (f === 'error') { sock.destroy(); return; }
        if (f === null) break;
        buf = buf.subarray(f.length);
        if (++count > TCP_MAX_MESSAGES || !o.limiter.take(ip)) { sock.destroy(); return; }
        const parsed = parseSipMessage(f);
        if (!parsed.ok) { sock.destroy(); return; }
        const answer = reflectResponse(parsed.msg, f, { ip, port: sock.remotePort ?? 0 }, 'tcp', o.serverName);
        if (answer) { o.log('reflect', { transport: 'tcp', ip, port: sock.remotePort ?? 0, bytes: f.length }); sock.write(answer); }
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen({ host: o.bind, port: sipPort, exclusive: true }, () => { tcp.removeListener('error', reject); resolve(); });
  });

  return {
    sipPort, altPort, udp, alt, altIpSock,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => tcp.close(() => r()));
      for (const s of [udp, alt, altIpSock]) if (s) try { s.close(); } catch { /* closed */ }
    },
  };
}
