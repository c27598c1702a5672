// SIP ALG detection: send a SIP OPTIONS through the NAT to the echo server's SIP port,
// with our real local address:port in Via and Contact (what an ALG looks for), and
// compare with the bytes the server received (echoed back base64, which no ALG
// touches). Changed Via/Contact = a SIP ALG rewrote them. No answer = unknown (null).
import { randomBytes } from 'node:crypto';
import { buildOptions, BRANCH_COOKIE } from '../discover/sip/message.js';
import { callIdOf, parseSipMessage, type SipMessage } from '../discover/sip/parse.js';
import { routeSource } from '../discover/local-ip.js';
import { REFLECT_CONTENT_TYPE, ReflectBodySchema } from '../echo/protocol.js';
import { openTestSocket } from './udp.js';

export interface AlgOptions { host: string; port: number; timeoutMs: number; localAddress?: string; signal?: AbortSignal }

export interface AlgResult {
  sipAlg: boolean | null;
  /** What we sent and what arrived (top Via sent-by, Contact), for the evidence. */
  sent: { via: string; contact: string } | null;
  received: { via: string; contact: string; source: string } | null;
  error: string | null;
}

/** The address part of the top Via (sent-by) and of the first Contact URI. */
export function addressesOf(m: SipMessage): { via: string; contact: string } {
  const via = /^SIP\/2\.0\/[A-Z]+\s+([^;\s]+)/i.exec(m.headers.get('via') ?? '')?.[1] ?? '';
  const contact = /sips?:(?:[^@>;]*@)?([^>;\s]+)/i.exec(m.headers.getRaw('contact')[0] ?? '')?.[1] ?? '';
  return { via, contact };
}

/** Compare the request as sent with the copy the server received. */
export function compareReflection(sent: Buffer, received: Buffer): { changed: boolean; sent: { via: string; contact: string }; received: { via: string; contact: string } } | null {
  const a = parseSipMessage(sent);
  const b = parseSipMessage(received);
  if (!a.ok || !b.ok) return null;
  const sa = addressesOf(a.msg);
  const sb = addressesOf(b.msg);
  // any rewrite counts: an ALG that touched other text still rewrote SIP in flight
  return { changed: !sent.equals(received), sent: sa, received: sb };
}

export async function algTest(o: AlgOptions): Promise<AlgResult> {
  const s = await openTestSocket(o.localAddress);
  try {
    const localIp = o.localAddress ?? (await routeSource(o.host));
    if (!localIp) return { sipAlg: null, sent: null, received: null, error: `no route to ${o.host}` };
    const tag = randomBytes(8).toString('hex');
    const callId = `gcalg${tag}`;
    const req = buildOptions({
      transport: 'udp', targetIp: o.host, targetPort: o.port, localIp, localPort: s.sock.address().port,
      callId, branch: `${BRANCH_COOKIE}${tag}`, fromTag: tag.slice(0, 10),
    });
    const attempts = 3;
    for (let a = 0; a < attempts && !o.signal?.aborted; a++) {
      await s.send(req, o.port, o.host);
      const got = await s.next((buf) => {
        const p = parseSipMessage(buf);
        if (!p.ok || p.msg.kind !== 'response' || callIdOf(p.msg) !== callId) return null;
        if (!(p.msg.headers.get('content-type') ?? '').toLowerCase().startsWith(REFLECT_CONTENT_TYPE)) return null;
        try { return ReflectBodySchema.parse(JSON.parse(p.msg.body.toString('utf8'))); } catch { return null; }
      }, o.timeoutMs / attempts, o.signal);
      if (!got) continue;
      const cmp = compareReflection(req, Buffer.from(got.received, 'base64'));
      if (!cmp) return { sipAlg: null, sent: null, received: null, error: 'the echo server returned an unparseable copy' };
      return { sipAlg: cmp.changed, sent: cmp.sent, received: { ...cmp.received, source: got.source }, error: null };
    }
    return { sipAlg: null, sent: null, received: null, error: `no SIP answer from ${o.host}:${o.port}/udp` };
  } finally {
    s.close();
  }
}
