import { describe, expect, it } from 'vitest';
import { SipEvidenceSchema } from '../../src/api/result.js';
import { callIdOf, cseqOf, parseSipMessage, toEvidence, topViaBranch } from '../../src/discover/sip/parse.js';
import type { SipMessage } from '../../src/discover/sip/parse.js';
import { splitList } from '../../src/discover/sip/headers.js';
import { SAMPLES, SIPP, YEALINK } from './sip-samples.js';

function parsed(text: string | Buffer): SipMessage {
  const r = parseSipMessage(typeof text === 'string' ? Buffer.from(text) : text);
  if (!r.ok) throw new Error(`expected a parse, got: ${r.error}`);
  return r.msg;
}

function parseError(text: string | Buffer, limits?: Parameters<typeof parseSipMessage>[1]): string {
  const r = parseSipMessage(typeof text === 'string' ? Buffer.from(text) : text, limits);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parseSipMessage: real device responses', () => {
  for (const s of SAMPLES) {
    it(`${s.name}: status, headers and evidence`, () => {
      const m = parsed(s.text);
      expect(m.kind).toBe('response');
      expect(m.status).toBe(s.status);
      expect(m.reason).toBe(s.reason);
      expect(m.method).toBeNull();
      const ev = toEvidence(m, 'udp', 5060, 12.5);
      expect(SipEvidenceSchema.parse(ev)).toEqual(ev);
      expect(ev).toMatchObject({ status: s.status, reason: s.reason, userAgent: s.userAgent, server: s.server, allow: s.allow, supported: s.supported, rttMs: 12.5 });
      expect(callIdOf(m)).toMatch(/-call-1$/);
      expect(topViaBranch(m)).toMatch(/^z9hG4bK/);
      expect(cseqOf(m)?.seq).toBe(1);
    });
  }

  it('sipp: the SDP body is cut at Content-Length and kept as bytes', () => {
    const m = parsed(SIPP);
    expect(m.body.toString()).toMatch(/^v=0\r\n/);
    expect(m.body.toString()).toMatch(/a=rtpmap:0 PCMU\/8000\r\n$/);
    expect(cseqOf(m)).toEqual({ seq: 1, method: 'INVITE' });
    expect(toEvidence(m, 'udp', 15060, null).contact).toBe('<sip:127.0.0.1:15060;transport=UDP>');
  });

  it('parses requests (method, URI)', () => {
    const m = parsed('OPTIONS sip:100@10.0.0.9:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx\r\nCall-ID: r1\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n');
    expect(m).toMatchObject({ kind: 'request', method: 'OPTIONS', uri: 'sip:100@10.0.0.9:5060', status: null, reason: null });
    expect(cseqOf(m)).toEqual({ seq: 7, method: 'OPTIONS' });
    expect(() => toEvidence(m, 'udp', 5060, null)).toThrow(TypeError);
  });
});

describe('parseSipMessage: RFC 3261 syntax', () => {
  it('maps compact header names and is case-insensitive', () => {
    const m = parsed([
      'SIP/2.0 200 OK', 'v: SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bKc1', 'f: <sip:a@b>;tag=1', 't: <sip:c@d>;tag=2',
      'i: compact-1', 'cseq: 3 OPTIONS', 'm: <sip:c@10.0.0.3>', 'k: timer, 100rel', 'USER-agent: Snom D785 10.1.54.13', 'l: 0', '', '',
    ].join('\r\n'));
    expect(m.headers.get('Call-ID')).toBe('compact-1');
    expect(m.headers.get('CALL-ID')).toBe('compact-1');
    expect(m.headers.get('i')).toBe('compact-1');
    expect(m.headers.get('Via')).toBe('SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bKc1');
    expect(m.headers.getAll('supported')).toEqual(['timer', '100rel']);
    expect(m.headers.get('user-agent')).toBe('Snom D785 10.1.54.13');
    expect(m.headers.get('contact')).toBe('<sip:c@10.0.0.3>');
    expect(m.headers.names()).toEqual(['via', 'from', 'to', 'call-id', 'cseq', 'contact', 'supported', 'user-agent', 'content-length']);
    expect(topViaBranch(m)).toBe('z9hG4bKc1');
  });

  it('keeps multiple Via in order, on separate lines and comma-joined', () => {
    const m = parsed([
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKtop;rport=5060, SIP/2.0/UDP 10.0.0.7;branch=z9hG4bKmid',
      'v: SIP/2.0/UDP 10.0.0.8:5070;branch=z9hG4bKlast',
      'Call-ID: v1', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', '',
    ].join('\r\n'));
    expect(m.headers.getAll('via')).toEqual([
      'SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKtop;rport=5060', 'SIP/2.0/UDP 10.0.0.7;branch=z9hG4bKmid', 'SIP/2.0/UDP 10.0.0.8:5070;branch=z9hG4bKlast',
    ]);
    expect(topViaBranch(m)).toBe('z9hG4bKtop');
  });

  it('unfolds continuation lines (LWS)', () => {
    const m = parsed('SIP/2.0 200 OK\r\nAllow: INVITE, ACK,\r\n  OPTIONS,\r\n\tBYE\r\nSubject: I know you are there,\r\n     pick up the phone\r\nCall-ID: f1\r\nContent-Length: 0\r\n\r\n');
    expect(m.headers.getAll('allow')).toEqual(['INVITE', 'ACK', 'OPTIONS', 'BYE']);
    expect(m.headers.get('subject')).toBe('I know you are there, pick up the phone');
  });

  it('tolerates LF-only line ends, leading blank lines and a missing body/blank line', () => {
    expect(parsed('\r\n\r\nSIP/2.0 486 Busy Here\nCall-ID: lf1\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n').status).toBe(486);
    const noBlank = parsed('SIP/2.0 200 OK\r\nCall-ID: nb1\r\nCSeq: 1 OPTIONS');
    expect(callIdOf(noBlank)).toBe('nb1');
    expect(noBlank.body.length).toBe(0);
    const noCl = parsed('SIP/2.0 200 OK\r\nCall-ID: nc\r\n\r\nhello');
    expect(noCl.body.toString()).toBe('hello');
  });

  it('splits Contact lists outside quotes and angle brackets, never WWW-Authenticate', () => {
    expect(splitList('"Doe, John" <sip:j@x;a=1,2>, sip:k@y;expires=60')).toEqual(['"Doe, John" <sip:j@x;a=1,2>', 'sip:k@y;expires=60']);
    expect(splitList('"quote \\" , inside" <sip:q@x>')).toEqual(['"quote \\" , inside" <sip:q@x>']);
    const m = parsed('SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm="x", nonce="n", algorithm=MD5\r\nContact: "A, B" <sip:a@1.2.3.4>, <sip:b@1.2.3.5>\r\nContent-Length: 0\r\n\r\n');
    expect(m.headers.getAll('www-authenticate')).toEqual(['Digest realm="x", nonce="n", algorithm=MD5']);
    expect(m.headers.getAll('contact')).toEqual(['"A, B" <sip:a@1.2.3.4>', '<sip:b@1.2.3.5>']);
    expect(toEvidence(m, 'udp', 5060, null).contact).toBe('"A, B" <sip:a@1.2.3.4>, <sip:b@1.2.3.5>');
  });

  it('accepts an empty reason phrase and lower-case sip/2.0', () => {
    expect(parsed('SIP/2.0 200\r\nContent-Length: 0\r\n\r\n').reason).toBe('');
    expect(parsed('sip/2.0 503 Service Unavailable\r\n\r\n').status).toBe(503);
  });
});

describe('parseSipMessage: hostile input', () => {
  it('rejects a truncated body (Content-Length beyond the datagram)', () => {
    expect(parseError('SIP/2.0 200 OK\r\nContent-Length: 50\r\n\r\nshort')).toMatch(/truncated/);
    expect(parseError(YEALINK.replace('Content-Length: 0', 'Content-Length: 1'))).toMatch(/truncated/);
  });

  it('rejects wrong, negative, huge or conflicting Content-Length', () => {
    for (const cl of ['-1', 'abc', '1e3', '99999999999999999999', '0x10', '']) {
      expect(parseError(`SIP/2.0 200 OK\r\nContent-Length: ${cl}\r\n\r\n`)).toMatch(/Content-Length/);
    }
    expect(parseError('SIP/2.0 200 OK\r\nContent-Length: 0\r\nl: 4\r\n\r\nbody')).toMatch(/Content-Length/);
    expect(parseError('SIP/2.0 200 OK\r\nContent-Length: 4000000000\r\n\r\n')).toMatch(/truncated/);
  });

  it('cuts a body longer than Content-Length', () => {
    expect(parsed('SIP/2.0 200 OK\r\nContent-Length: 3\r\n\r\nabcdef').body.toString()).toBe('abc');
  });

  it('rejects missing start lines and bad status codes', () => {
    expect(parseError('')).toMatch(/empty/);
    expect(parseError('\r\n\r\n')).toMatch(/empty/);
    expect(parseError('Via: SIP/2.0/UDP x\r\nCall-ID: y\r\n\r\n')).toMatch(/start line/);
    expect(parseError('HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\n')).toMatch(/start line/);
    for (const line of ['SIP/2.0 099 Low', 'SIP/2.0 700 High', 'SIP/2.0 2000 OK', 'SIP/2.0 OK', 'SIP/3.0 200 OK', 'SIP/2.0 -20 x']) {
      expect(parseError(`${line}\r\nContent-Length: 0\r\n\r\n`)).toMatch(/bad status/);
    }
  });

  it('rejects binary junk in the start line, neutralises NUL in header values, keeps a binary body', () => {
    expect(parseError(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00]))).toMatch(/binary/);
    expect(parseError(Buffer.from([0x16, 0x03, 0x01, 0x02, 0xa5, 0x01, 0x03, 0x04]))).toMatch(/binary|start line/);
    expect(parseError('SIP/2.0 200 \x1b[2JOK\r\n\r\n')).toMatch(/binary/);
    expect(parseError('SIP/2.0 200 \0OK\r\n\r\n')).toMatch(/binary/);
    // A NUL inside a header value must not hide a phone that answered: it becomes U+FFFD.
    expect(toEvidence(parsed('SIP/2.0 200 OK\r\nUser-Agent: a\0b\r\n\r\n'), 'udp', 5060, null).userAgent).toBe('a\uFFFDb');
    const bin = Buffer.concat([Buffer.from('SIP/2.0 200 OK\r\nContent-Length: 4\r\n\r\n'), Buffer.from([0, 1, 2, 0xff])]);
    expect([...parsed(bin).body]).toEqual([0, 1, 2, 0xff]);
  });

  it('has no Call-ID/branch/CSeq when they are missing or malformed', () => {
    const m = parsed('SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nCSeq: one OPTIONS\r\n\r\n');
    expect(callIdOf(m)).toBeUndefined();
    expect(topViaBranch(m)).toBeUndefined();
    expect(cseqOf(m)).toBeUndefined();
    const ev = toEvidence(m, 'tcp', 5062, null);
    expect(ev).toMatchObject({ userAgent: null, server: null, allow: [], supported: [], contact: null });
  });

  it('skips lines that are not headers without losing the message', () => {
    const m = parsed('SIP/2.0 200 OK\r\nthis is not a header\r\n: empty name\r\nCall-ID: keep\r\n\r\n');
    expect(callIdOf(m)).toBe('keep');
  });

  it('enforces the size limits: oversized datagram, 10k headers, a giant header line', () => {
    expect(parseError(Buffer.alloc(70_000, 0x41))).toMatch(/too large/);
    const many = `SIP/2.0 200 OK\r\n${'X: b\r\n'.repeat(10_000)}\r\n`;
    expect(parseError(many)).toMatch(/too many headers/);
    // A giant header line is cut to the line limit, not fatal (the answer still counts).
    const giant = parsed(`SIP/2.0 200 OK\r\nUser-Agent: ${'x'.repeat(9000)}\r\nCall-ID: still-here\r\n\r\n`);
    expect(giant.headers.get('user-agent')?.length).toBe(8192);
    expect(callIdOf(giant)).toBe('still-here');
    const folded = parsed(`SIP/2.0 200 OK\r\nUser-Agent: a\r\n${' x\r\n'.repeat(5000)}Call-ID: kept\r\n\r\n`);
    expect(Buffer.byteLength(folded.headers.get('user-agent') ?? '')).toBeLessThanOrEqual(8192);
    expect(callIdOf(folded)).toBe('kept');
    expect(parseSipMessage(Buffer.from(many), { maxHeaders: 20_000, maxBytes: 200_000 }).ok).toBe(true);
  });

  it('keeps ANSI escapes and markup in User-Agent verbatim, as data', () => {
    const ua = '\x1b[31mEvil\x1b[0m <script>alert(1)</script> \x1b]0;pwned\x07';
    const m = parsed(`SIP/2.0 200 OK\r\nUser-Agent: ${ua}\r\nServer: <b>x</b>\r\nContent-Length: 0\r\n\r\n`);
    const ev = toEvidence(m, 'udp', 5060, null);
    expect(ev.userAgent).toBe(ua);
    expect(ev.server).toBe('<b>x</b>');
  });
});
