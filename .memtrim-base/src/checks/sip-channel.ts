// One SIP conversation with one device for the ghost-call test: a connected UDP
// socket, or a TCP/TLS stream framed by Content-Length. Node's own dgram/net/tls
// because the discovery sweep's sockets are built for thousands of targets at once.
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { isIP } from 'node:net';
import { parseSipMessage, SipStreamFramer, type SipMessage } from '../discover/sip/parse.js';

export interface SipChannel {
  transport: 'udp' | 'tcp' | 'tls';
  localIp: string;
  localPort: number;
  /** Reliable transports need no retransmission (RFC 3261 17.1.1.2). */
  reliable: boolean;
  send(buf: Buffer): void;
  onMessage(cb: (m: SipMessage) => void): void;
  close(): void;
}

export async function openChannel(transport: 'udp' | 'tcp' | 'tls', ip: string, port: number, timeoutMs: number): Promise<SipChannel> {
  if (!isIP(ip)) throw new Error(`not an IP address: ${ip}`);
  return transport === 'udp' ? openUdp(ip, port) : openStream(transport, ip, port, timeoutMs);
}

async function openUdp(ip: string, port: number): Promise<SipChannel> {
  const sock = dgram.createSocket(isIP(ip) === 6 ? 'udp6' : 'udp4');
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.connect(port, ip, () => { sock.off('error', reject); resolve(); });
  });
  sock.on('error', () => { /* ICMP unreachable etc.: the caller's timeout handles silence */ });
  const addr = sock.address();
  let handler: ((m: SipMessage) => void) | null = null;
  sock.on('message', (buf) => {
    const r = parseSipMessage(buf);
    if (r.ok && handler) handler(r.msg);
  });
  return {
    transport: 'udp', localIp: addr.address, localPort: addr.port, reliable: false,
    send: (b) => sock.send(b),
    onMessage: (cb) => { handler = cb; },
    close: () => { try { sock.close(); } catch { /* closed */ } },
  };
}

async function openStream(transport: 'tcp' | 'tls', ip: string, port: number, timeoutMs: number): Promise<SipChannel> {
  // Phones use self-signed certificates: the test is about ringing, not about trust.
  const sock = await new Promise<net.Socket>((resolve, reject) => {
    const s: net.Socket = transport === 'tls'
      ? tls.connect({ host: ip, port, rejectUnauthorized: false }, () => { clear(); resolve(s); })
      : net.connect({ host: ip, port }, () => { clear(); resolve(s); });
    const timer = setTimeout(() => { s.destroy(); reject(new Error(`connect timeout ${ip}:${port}/${transport}`)); }, timeoutMs);
    const clear = (): void => { clearTimeout(timer); s.off('error', reject); };
    s.once('error', reject);
  });
  sock.on('error', () => { /* reset by peer: silence from here on */ });
  const framer = new SipStreamFramer();
  let handler: ((m: SipMessage) => void) | null = null;
  sock.on('data', (chunk: Buffer) => {
    for (const m of framer.push(chunk)) handler?.(m);
    if (framer.error) sock.destroy();
  });
  return {
    transport, localIp: sock.localAddress ?? '0.0.0.0', localPort: sock.localPort ?? 5060, reliable: true,
    send: (b) => { if (!sock.destroyed) sock.write(b); },
    onMessage: (cb) => { handler = cb; },
    close: () => sock.destroy(),
  };
}
