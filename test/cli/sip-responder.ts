// A tiny SIP UDP responder on 127.0.0.1 (loopback only) for CLI and transport
// tests: answers any request with 200 OK and a hostile User-Agent, as a
// malicious or broken device could.
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

export const HOSTILE_UA = 'Evil\x1b[31mRED\x1b[0m <script>alert(1)</script> \x1b]0;pwned\x07 \u202eevil\u202c \x07bell';

const COPY = /^(via|v|from|f|to|t|call-id|i|cseq):/i;

export interface SipResponder { port: number; requests: number; close: () => Promise<void> }

export async function startSipResponder(userAgent = HOSTILE_UA): Promise<SipResponder> {
  const sock = dgram.createSocket('udp4');
  const state = { requests: 0 };
  sock.on('message', (buf, rinfo) => {
    const text = buf.toString('latin1');
    const [first = '', ...lines] = text.split('\r\n');
    if (!/^[A-Z]+ \S+ SIP\/2\.0$/.test(first) || first.startsWith('ACK ')) return;
    state.requests++;
    const copied = lines.filter((l) => COPY.test(l)).map((l) => (/^(to|t):/i.test(l) && !/;tag=/i.test(l) ? `${l};tag=gc-test` : l));
    const resp = ['SIP/2.0 200 OK', ...copied, `User-Agent: ${userAgent}`, 'Allow: INVITE, ACK, CANCEL, OPTIONS, BYE', 'Content-Length: 0', '', ''].join('\r\n');
    sock.send(Buffer.from(resp, 'utf8'), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  const port = (sock.address() as AddressInfo).port;
  return {
    port,
    get requests() { return state.requests; },
    close: () => new Promise((resolve) => sock.close(() => resolve())),
  };
}
