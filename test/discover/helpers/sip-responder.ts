// Tiny SIP responders on loopback (127.0.0.0/8 only) for the sweep's unit tests:
// UDP, TCP and TLS, with hostile modes (garbage, huge, slow, never-closing, wrong tag,
// dropping the first N requests). Answers OPTIONS the way phones do: Via/From/To/
// Call-ID/CSeq copied, a User-Agent, Allow.
import { createSocket } from 'node:dgram';
import type { Socket as DgramSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Mode = 'normal' | 'garbage' | 'huge' | 'slow' | 'hold' | 'wrong-tag' | 'split' | 'provisional';

export interface ResponderOptions {
  ip: string;
  port?: number;
  userAgent?: string;
  mode?: Mode;
  /** Ignore the first N requests (simulated loss). */
  dropFirst?: number;
}

export interface Responder {
  ip: string;
  port: number;
  /** Requests received so far. */
  received: number;
  close(): Promise<void>;
}

function header(req: string, name: string): string {
  const re = new RegExp(`^${name}:\\s*(.*)$`, 'im');
  return re.exec(req)?.[1]?.trim() ?? '';
}

export function answer(req: string, ua: string, status = '200 OK', mangleCallId = false): string {
  const callId = mangleCallId ? `gc${'0'.repeat(24)}-5060` : header(req, 'Call-ID');
  return [
    `SIP/2.0 ${status}`,
    `Via: ${header(req, 'Via')}`,
    `From: ${header(req, 'From')}`,
    `To: ${header(req, 'To')};tag=abc`,
    `Call-ID: ${callId}`,
    `CSeq: ${header(req, 'CSeq')}`,
    `User-Agent: ${ua}`,
    'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS',
    'Content-Length: 0',
    '', '',
  ].join('\r\n');
}

export async function udpResponder(o: ResponderOptions): Promise<Responder> {
  const s: DgramSocket = createSocket('udp4');
  const r: Responder = { ip: o.ip, port: 0, received: 0, close: () => new Promise((res) => s.close(() => res())) };
  s.on('message', (buf, rinfo) => {
    r.received++;
    if (r.received <= (o.dropFirst ?? 0)) return;
    const req = buf.toString('latin1');
    const ua = o.userAgent ?? 'Yealink SIP-T46S 66.86.0.15';
    let out: Buffer;
    switch (o.mode ?? 'normal') {
      case 'garbage': out = Buffer.from('\x00\x01\x02garbage\r\n\r\n'); break;
      case 'huge': out = Buffer.alloc(60_000, 0x41); break;
      case 'wrong-tag': out = Buffer.from(answer(req, ua, '200 OK', true)); break;
      case 'hold': return;
      default: out = Buffer.from(answer(req, ua));
    }
    s.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((res) => s.bind(o.port ?? 0, o.ip, () => res()));
  r.port = s.address().port;
  return r;
}

let certCache: { cert: Buffer; key: Buffer } | null = null;
export function selfSigned(): { cert: Buffer; key: Buffer } {
  if (certCache) return certCache;
  const dir = mkdtempSync(join(tmpdir(), 'gc-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '1', '-subj', '/CN=phone', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
  certCache = { cert: readFileSync(join(dir, 'c.pem')), key: readFileSync(join(dir, 'k.pem')) };
  return certCache;
}

export async function streamResponder(o: ResponderOptions & { tls?: boolean }): Promise<Responder> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const r: Responder = { ip: o.ip, port: 0, received: 0, close: async () => {} };
  const onConn = (c: Socket): void => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
    c.on('error', () => {});
    let buf = '';
    c.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (!buf.includes('\r\n\r\n')) return;
      const req = buf;
      buf = '';
      r.received++;
      const ua = o.userAgent ?? 'Grandstream GXP2170 1.0.11.23';
      const mode = o.mode ?? 'normal';
      if (mode === 'hold') return; // never answer, never close
      if (mode === 'garbage') return void c.write(Buffer.from('\x16\x03\x01garbage-not-sip\r\n\r\n'));
      if (mode === 'huge') {
        // endless header bytes, never a blank line
        const t = setInterval(() => { if (!c.destroyed) c.write(Buffer.alloc(16_384, 0x41)); }, 1);
        timers.add(t);
        c.on('close', () => clearInterval(t));
        return;
      }
      if (mode === 'slow') {
        const text = answer(req, ua);
        let i = 0;
        const t = setInterval(() => { if (!c.destroyed && i < text.length) c.write(text[i++] as string); }, 200);
        timers.add(t);
        c.on('close', () => clearInterval(t));
        return;
      }
      const text = (mode === 'provisional' ? answer(req, ua, '100 Trying') : '') + answer(req, ua);
      if (mode === 'split' || mode === 'provisional') {
        // a response cut in three writes, the blank line straddling two of them
        const cut1 = text.indexOf('Call-ID') + 3;
        const cut2 = text.length - 3;
        c.write(text.slice(0, cut1));
        setTimeout(() => c.write(text.slice(cut1, cut2)), 20);
        setTimeout(() => c.write(text.slice(cut2)), 40);
        return;
      }
      c.write(text);
    });
  };
  const server: Server = o.tls ? createTlsServer({ ...selfSigned() }, onConn) : createServer(onConn);
  server.on('tlsClientError', () => {});
  await new Promise<void>((res) => server.listen(o.port ?? 0, o.ip, () => res()));
  r.port = (server.address() as { port: number }).port;
  r.close = () => new Promise((res) => {
    timers.forEach((t) => clearInterval(t));
    sockets.forEach((s) => s.destroy());
    server.close(() => res());
  });
  return r;
}
