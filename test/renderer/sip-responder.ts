// A loopback SIP phone for the UI tests: answers every request (OPTIONS, INVITE,
// BYE…) with 200 OK and the given User-Agent. Loopback only (127.0.0.0/8: Linux
// answers the whole block on lo, so several phones can share a port number).
import { createSocket } from 'node:dgram';

export interface Responder { port: number; requests: string[]; close(): Promise<void> }

export async function sipResponder(userAgent: string, ip = '127.0.0.1', port = 0): Promise<Responder> {
  if (!ip.startsWith('127.')) throw new Error('loopback only');
  const sock = createSocket('udp4');
  const requests: string[] = [];
  sock.on('message', (msg, rinfo) => {
    const text = msg.toString('latin1');
    const method = text.slice(0, text.indexOf(' '));
    requests.push(method);
    if (method === 'ACK') return;
    const h = (n: string): string => (text.match(new RegExp(`^${n}:.*$`, 'mi')) ?? [''])[0];
    const resp = ['SIP/2.0 200 OK', h('Via'), h('From'), `${h('To')};tag=x1`, h('Call-ID'), h('CSeq'), `User-Agent: ${userAgent}`, 'Allow: INVITE, ACK, BYE, CANCEL, OPTIONS', 'Content-Length: 0', '', ''].join('\r\n');
    sock.send(Buffer.from(resp, 'utf8'), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => { sock.once('error', reject); sock.bind(port, ip, () => resolve()); });
  return { port: sock.address().port, requests, close: () => new Promise<void>((r) => sock.close(() => r())) };
}
