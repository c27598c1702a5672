// The farm's own tiny SIP codec. Deliberately independent of src/discover/sip
// (the code under test): the lab must not share bugs with what it checks.
import { createHash } from 'node:crypto';

export interface SipRequest {
  method: string;
  uri: string;
  /** header lines as received (name as sent), in order */
  headers: { name: string; value: string }[];
  body: string;
}

const COMPACT: Record<string, string> = {
  v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', k: 'supported', c: 'content-type',
};

export function canonical(name: string): string {
  const n = name.trim().toLowerCase();
  return COMPACT[n] ?? n;
}

/** Parse one complete request; null for responses and garbage (ignored silently, like a phone). */
export function parseRequest(text: string): SipRequest | null {
  const headEnd = text.indexOf('\r\n\r\n');
  const head = headEnd >= 0 ? text.slice(0, headEnd) : text;
  const body = headEnd >= 0 ? text.slice(headEnd + 4) : '';
  const lines = head.replace(/^(\r\n)+/, '').split('\r\n');
  const start = /^([A-Z]{2,20}) (\S+) SIP\/2\.0$/.exec(lines[0] ?? '');
  if (!start) return null;
  const headers: { name: string; value: string }[] = [];
  for (const line of lines.slice(1)) {
    if (/^[ \t]/.test(line) && headers.length > 0) { // folded line
      headers[headers.length - 1]!.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  const req: SipRequest = { method: start[1]!, uri: start[2]!, headers, body };
  for (const need of ['via', 'from', 'to', 'call-id', 'cseq']) if (!header(req, need)) return null;
  return req;
}

export function header(req: SipRequest, name: string): string | undefined {
  const want = canonical(name);
  return req.headers.find((h) => canonical(h.name) === want)?.value;
}

/** All Via values in order (a Via header may carry several comma-separated hops). */
export function vias(req: SipRequest): string[] {
  return req.headers.filter((h) => canonical(h.name) === 'via')
    .flatMap((h) => h.value.split(/,(?=\s*SIP\/)/i).map((v) => v.trim()));
}

export function tagFor(callId: string): string {
  return createHash('sha1').update(callId).digest('hex').slice(0, 10);
}

export interface ResponseCtx {
  userAgent: string | null;
  server: string | null;
  allow: string;
  supported: string;
  contact: string;
  /** where the request came from, for Via received/rport (RFC 3261 18.2.1, RFC 3581) */
  source?: { address: string; port: number };
}

export function buildResponse(req: SipRequest, status: number, reason: string, ctx: ResponseCtx, extra: string[] = []): string {
  const out = [`SIP/2.0 ${status} ${reason}`];
  vias(req).forEach((v, i) => {
    if (i === 0 && ctx.source) v = stampVia(v, ctx.source);
    out.push(`Via: ${v}`);
  });
  out.push(`From: ${header(req, 'from')}`);
  const to = header(req, 'to') ?? '';
  out.push(`To: ${/;\s*tag=/i.test(to) || status === 100 ? to : `${to};tag=${tagFor(header(req, 'call-id') ?? '')}`}`);
  out.push(`Call-ID: ${header(req, 'call-id')}`);
  out.push(`CSeq: ${header(req, 'cseq')}`);
  if (status !== 100) out.push(`Contact: ${ctx.contact}`);
  if (ctx.userAgent !== null) out.push(`User-Agent: ${ctx.userAgent}`);
  if (ctx.server !== null) out.push(`Server: ${ctx.server}`);
  if (status !== 100) out.push(`Allow: ${ctx.allow}`, `Supported: ${ctx.supported}`);
  out.push(...extra, 'Content-Length: 0', '', '');
  return out.join('\r\n');
}

function stampVia(via: string, src: { address: string; port: number }): string {
  let v = via;
  const sentBy = /^SIP\/2\.0\/\S+\s+([^;:\s]+)/i.exec(v)?.[1];
  if (sentBy && sentBy !== src.address && !/;\s*received=/i.test(v)) v += `;received=${src.address}`;
  v = v.replace(/;\s*rport(?=;|$)/i, `;rport=${src.port}`);
  return v;
}

/**
 * Stream framer for TCP/TLS (RFC 3261 18.3): splits on Content-Length.
 * Garbage without a header end within 64 KiB is discarded so a hostile
 * client cannot grow the buffer without bound.
 */
export class StreamFramer {
  private buf = '';
  push(chunk: string): string[] {
    this.buf += chunk;
    const out: string[] = [];
    for (;;) {
      this.buf = this.buf.replace(/^(\r\n)+/, ''); // keep-alive CRLFs
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buf.length > 65536) this.buf = '';
        return out;
      }
      const head = this.buf.slice(0, end);
      const m = /(?:^|\r\n)(?:content-length|l)[ \t]*:[ \t]*(\d+)/i.exec(head);
      const len = m ? Math.min(Number(m[1]), 1 << 20) : 0;
      if (this.buf.length < end + 4 + len) return out;
      out.push(this.buf.slice(0, end + 4 + len));
      this.buf = this.buf.slice(end + 4 + len);
    }
  }
}
