// RFC 3261 message parser for what devices send back. Devices are hostile: this
// never throws, bounds every size, and keeps header values verbatim (rendering them
// inert is the CLI's/UI's job). Datagrams: parseSipMessage; TCP/TLS: SipStreamFramer.
import type { SipEvidence } from '../../api/result.js';
import { HeaderList, splitList } from './headers.js';
import type { SipHeaders } from './headers.js';

export type { SipHeaders } from './headers.js';

export interface SipMessage {
  kind: 'request' | 'response';
  /** Requests only. */
  method: string | null;
  uri: string | null;
  /** Responses only. */
  status: number | null;
  reason: string | null;
  headers: SipHeaders;
  body: Buffer;
}

export type ParseResult = { ok: true; msg: SipMessage } | { ok: false; error: string };

export interface ParseLimits {
  maxBytes: number;
  maxHeaders: number;
  maxHeaderLineBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = { maxBytes: 65535, maxHeaders: 100, maxHeaderLineBytes: 8192 };

export function withDefaults(limits?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Where the header section ends: index of the blank line and the index where the body starts. */
export function findHeaderEnd(buf: Buffer, from = 0): { end: number; bodyStart: number } | null {
  // Accept CRLFCRLF and, tolerantly, LFLF (and the mixed CRLF LF / LF CRLF).
  for (let i = Math.max(from, 0); i < buf.length; i++) {
    if (buf[i] !== 0x0a) continue;
    if (buf[i + 1] === 0x0a) return { end: i, bodyStart: i + 2 };
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return { end: i, bodyStart: i + 3 };
  }
  return null;
}

/** Number of leading CR/LF bytes (keep-alives, RFC 5626 "\r\n\r\n" pings, and stray blank lines). */
export function leadingNewlines(buf: Buffer): number {
  let i = 0;
  while (i < buf.length && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
  return i;
}

/** C0 controls except HT, and DEL (built from char codes: no control characters in a regex literal). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

// Start lines. SIP-Version is case-insensitive (RFC 3261 7.1); the reason phrase may be empty.
const STATUS_LINE = /^SIP\/2\.0 +(\d{3})(?: (.*))?$/i;
const STATUS_LIKE = /^SIP\//i;
const REQUEST_LINE = /^([A-Za-z][A-Za-z0-9\-.!%*_+`'~]*) +(\S+) +SIP\/2\.0$/i;
const HEADER_NAME = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const CONTENT_LENGTH = /^\d{1,10}$/;

export interface HeaderSection {
  startLine: string;
  entries: Array<[string, string]>;
}

/** Parse the text of a header section (without the blank line). */
export function parseHeaderSection(text: string, limits: ParseLimits): { ok: true; value: HeaderSection } | { ok: false; error: string } {
  const lines = text.split(/\r?\n/);
  const startLine = (lines[0] ?? '').replace(/\r$/, '');
  if (startLine.trim() === '') return { ok: false, error: 'missing start line' };
  if (Buffer.byteLength(startLine) > limits.maxHeaderLineBytes) return { ok: false, error: 'start line too long' };
  if (hasControl(startLine)) return { ok: false, error: 'binary data in start line' };
  const entries: Array<[string, string]> = [];
  let lineBytes = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const folded = /^[ \t]/.test(line);
    lineBytes = folded ? lineBytes + Buffer.byteLength(line) : Buffer.byteLength(line);
    // An over-long header is cut, not fatal: a 60 kB User-Agent must not hide a phone that answered.
    const over = lineBytes > limits.maxHeaderLineBytes;
    if (folded) {
      // LWS continuation (folded line): joins the previous header with one space.
      const last = entries[entries.length - 1];
      if (last && !over) last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    // A line that is not "name: value" is skipped, not fatal: one sloppy header must not hide a phone.
    if (!HEADER_NAME.test(name)) continue;
    if (entries.length >= limits.maxHeaders) return { ok: false, error: 'too many headers' };
    // NUL never occurs in SIP text: binary junk fails the start-line check above; a NUL inside
    // a header value (a C-string attack) becomes U+FFFD so the answer still counts.
    const value = line.slice(colon + 1).trim().replaceAll('\0', '\uFFFD');
    entries.push([name, over ? value.slice(0, limits.maxHeaderLineBytes) : value]);
  }
  return { ok: true, value: { startLine, entries } };
}

export function parseContentLength(headers: SipHeaders): { ok: true; value: number | null } | { ok: false; error: string } {
  const all = headers.getRaw('content-length');
  if (all.length === 0) return { ok: true, value: null };
  const values = new Set(all.map((v) => v.trim()));
  const [first] = values;
  if (values.size > 1 || first === undefined || !CONTENT_LENGTH.test(first)) return { ok: false, error: 'bad Content-Length' };
  return { ok: true, value: Number(first) };
}

function startLineOf(line: string): Omit<SipMessage, 'headers' | 'body'> | string {
  const status = STATUS_LINE.exec(line);
  if (status) {
    const code = Number(status[1]);
    if (code < 100 || code > 699) return 'bad status';
    return { kind: 'response', method: null, uri: null, status: code, reason: (status[2] ?? '').trim() };
  }
  if (STATUS_LIKE.test(line)) return 'bad status';
  const req = REQUEST_LINE.exec(line);
  if (req) return { kind: 'request', method: (req[1] as string).toUpperCase(), uri: req[2] as string, status: null, reason: null };
  return 'missing start line';
}

/**
 * Parse one datagram. Tolerates LF-only line ends, folded lines, leading blank lines and a
 * missing body; a Content-Length larger than the data is an error (truncated), a smaller
 * one cuts the body to it.
 */
export function parseSipMessage(buf: Buffer, limits?: Partial<ParseLimits>): ParseResult {
  try {
    const lim = withDefaults(limits);
    if (buf.length > lim.maxBytes) return { ok: false, error: 'message too large' };
    const start = leadingNewlines(buf);
    if (start === buf.length) return { ok: false, error: 'empty message' };
    const he = findHeaderEnd(buf, start);
    const headEnd = he ? he.end : buf.length;
    const bodyStart = he ? he.bodyStart : buf.length;
    const section = parseHeaderSection(buf.toString('utf8', start, headEnd), lim);
    if (!section.ok) return section;
    const first = startLineOf(section.value.startLine);
    if (typeof first === 'string') return { ok: false, error: first };
    const headers = new HeaderList(section.value.entries);
    const cl = parseContentLength(headers);
    if (!cl.ok) return cl;
    let body = buf.subarray(bodyStart);
    if (cl.value !== null) {
      if (cl.value > body.length) return { ok: false, error: 'truncated: Content-Length exceeds the data' };
      body = body.subarray(0, cl.value);
    }
    return { ok: true, msg: { ...first, headers, body: Buffer.from(body) } };
  } catch (err) {
    // Defensive: nothing above should throw, but a parser of hostile input must never crash the sweep.
    return { ok: false, error: `parse failure: ${err instanceof Error ? err.message : String(err)}` };
  }
}

// SIP over TCP/TLS: messages are framed by Content-Length, which is mandatory on
// streams (RFC 3261 18.3). Leading CRLFs are keep-alives (RFC 5626) and skipped.
// Once the stream is unframeable the framer stops and says why: the caller closes.
export class SipStreamFramer {
  private readonly limits: ParseLimits;
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes of `buf` already searched for the end of headers (resume there on the next chunk). */
  private scanned = 0;
  private err: string | null = null;

  constructor(limits?: Partial<ParseLimits>) {
    this.limits = withDefaults(limits);
  }

  /** Set once the stream is unframeable (no/invalid Content-Length, oversize, garbage). */
  get error(): string | null {
    return this.err;
  }

  /** Bytes held waiting for the rest of a message. */
  get pending(): number {
    return this.buf.length;
  }

  push(chunk: Buffer): SipMessage[] {
    if (this.err !== null) return [];
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    const out: SipMessage[] = [];
    for (;;) {
      const skip = leadingNewlines(this.buf);
      if (skip > 0) {
        this.buf = this.buf.subarray(skip);
        this.scanned = Math.max(0, this.scanned - skip);
      }
      if (this.buf.length === 0) break;
      // Resume the search a few bytes back: the blank line may straddle two chunks.
      const he = findHeaderEnd(this.buf, this.scanned - 3);
      if (!he) {
        this.scanned = this.buf.length;
        if (this.buf.length > this.limits.maxBytes) this.fail('message too large');
        break;
      }
      const section = parseHeaderSection(this.buf.toString('utf8', 0, he.end), this.limits);
      if (!section.ok) {
        this.fail(section.error);
        break;
      }
      const first = startLineOf(section.value.startLine);
      if (typeof first === 'string') {
        this.fail(first);
        break;
      }
      const headers = new HeaderList(section.value.entries);
      const cl = parseContentLength(headers);
      if (!cl.ok) {
        this.fail(cl.error);
        break;
      }
      if (cl.value === null) {
        this.fail('missing Content-Length on a stream');
        break;
      }
      const total = he.bodyStart + cl.value;
      if (total > this.limits.maxBytes) {
        this.fail('message too large');
        break;
      }
      if (this.buf.length < total) break; // wait for the body
      // The header section is parsed once: the message is built from it, not parsed again.
      out.push({ ...first, headers, body: Buffer.from(this.buf.subarray(he.bodyStart, total)) });
      this.buf = this.buf.subarray(total);
      this.scanned = 0;
    }
    return out;
  }

  private fail(error: string): void {
    this.err = error;
    this.buf = Buffer.alloc(0);
  }
}

export function callIdOf(m: SipMessage): string | undefined {
  const v = m.headers.get('call-id')?.trim();
  return v ? v : undefined;
}

/** Parameters of a header value after the first ';' (outside quotes), names lower-cased. */
export function headerParams(value: string): Map<string, string> {
  const out = new Map<string, string>();
  const semi = value.indexOf(';');
  if (semi < 0) return out;
  for (const part of value.slice(semi + 1).split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name) out.set(name, eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  return out;
}

export function topViaBranch(m: SipMessage): string | undefined {
  const via = m.headers.get('via');
  const branch = via === undefined ? undefined : headerParams(via).get('branch');
  return branch ? branch : undefined;
}

export function cseqOf(m: SipMessage): { seq: number; method: string } | undefined {
  const match = /^(\d{1,10})\s+([A-Za-z][A-Za-z0-9\-.!%*_+`'~]*)$/.exec(m.headers.get('cseq')?.trim() ?? '');
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq <= 0xffffffff ? { seq, method: (match[2] as string).toUpperCase() } : undefined;
}

export const EVIDENCE_VALUE_CAP = 1024;

function cap(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t.slice(0, EVIDENCE_VALUE_CAP) : null;
}

/** The evidence a response gives about a device. Values verbatim (trimmed, capped), never interpreted. */
export function toEvidence(m: SipMessage, transport: 'udp' | 'tcp' | 'tls', port: number, rttMs: number | null): SipEvidence {
  if (m.kind !== 'response' || m.status === null) throw new TypeError('toEvidence needs a SIP response');
  const list = (name: string): string[] =>
    m.headers.getRaw(name).flatMap(splitList).map((v) => v.slice(0, EVIDENCE_VALUE_CAP)).slice(0, 64);
  return {
    transport,
    port,
    status: m.status,
    reason: (m.reason ?? '').slice(0, EVIDENCE_VALUE_CAP),
    userAgent: cap(m.headers.get('user-agent')),
    server: cap(m.headers.get('server')),
    allow: list('allow'),
    supported: list('supported'),
    contact: cap(m.headers.getRaw('contact')[0]),
    rttMs,
  };
}
