// A loopback SIP phone for the UI tests: answers every request (OPTIONS, INVITE,
// BYE…) with 200 OK and the given User-Agent. 127.0.0.1 only.
import { createSocket } from 'node:dgram';

export interface Responder { port: number; requests: string[]; close(): Promise<void> }

export async function sipResponder(userAgent: string): Promise<Responder> {
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
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
  return { port: sock.address().port, requests, close: () => new Promise<void>((r) => sock.close(() => r())) };
}
