// The SIP reflector of the ALG test: any SIP request is answered with 200 OK whose
// body carries the request's bytes exactly as they arrived (base64: an ALG rewrites
// addresses in SIP text and SDP, never inside base64) and the source address seen.
// The client compares them with what it sent: a changed Via/Contact = a SIP ALG.
import type { SipMessage } from '../discover/sip/parse.js';
import { MAX_REFLECT_BYTES, REFLECT_CONTENT_TYPE, type ReflectBody } from './protocol.js';

const CRLF = '\r\n';
/** Header values copied into the response must not break it (a request is hostile input). */
const SAFE = /^[^\r\n\0]{1,1024}$/;

/** The answer to one request; null = ignore it (not a request, too big, or missing the headers a response needs). */
export function reflectResponse(msg: SipMessage, raw: Buffer, source: { ip: string; port: number }, transport: 'udp' | 'tcp', serverName: string): Buffer | null {
  if (msg.kind !== 'request' || raw.length > MAX_REFLECT_BYTES) return null;
  const vias = msg.headers.getRaw('via');
  const copy = ['from', 'to', 'call-id', 'cseq'].map((n) => msg.headers.getRaw(n)[0]);
  if (vias.length === 0 || vias.length > 8 || copy.some((v) => v === undefined || !SAFE.test(v)) || !vias.every((v) => SAFE.test(v))) return null;
  if (msg.method === 'ACK') return null; // never answered (RFC 3261)
  const [from, to, callId, cseq] = copy as [string, string, string, string];
  const body: ReflectBody = { received: raw.toString('base64'), source: `${source.ip}:${source.port}`, transport };
  const bodyBuf = Buffer.from(JSON.stringify(body), 'utf8');
  const lines = [
    'SIP/2.0 200 OK',
    ...vias.map((v) => `Via: ${v}`),
    `From: ${from}`,
    `To: ${/;\s*tag=/i.test(to) ? to : `${to};tag=gcecho`}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    `Server: ${serverName}`,
    `Content-Type: ${REFLECT_CONTENT_TYPE}`,
    `Content-Length: ${bodyBuf.length}`,
    '', '',
  ];
  return Buffer.concat([Buffer.from(lines.join(CRLF), 'utf8'), bodyBuf]);
}
