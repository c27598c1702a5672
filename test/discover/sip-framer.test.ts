import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SipStreamFramer, callIdOf, parseSipMessage } from '../../src/discover/sip/parse.js';
import type { SipMessage } from '../../src/discover/sip/parse.js';
import { SAMPLES } from './sip-samples.js';

/** What identifies a message for the comparison: start line, Call-ID, all headers, body. */
function summary(m: SipMessage): string {
  const headers = m.headers.names().map((n) => `${n}=${m.headers.getAll(n).join('|')}`);
  return JSON.stringify([m.kind, m.status, m.reason, m.method, m.uri, callIdOf(m), headers, m.body.toString('base64')]);
}

function feed(framer: SipStreamFramer, data: Buffer, cuts: number[]): SipMessage[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const out: SipMessage[] = [];
  let prev = 0;
  for (const p of [...points, data.length]) {
    out.push(...framer.push(data.subarray(prev, p)));
    prev = p;
  }
  return out;
}

describe('SipStreamFramer', () => {
  it('frames every sample in one chunk, skipping CRLF keep-alives between messages', () => {
    const framer = new SipStreamFramer();
    const data = Buffer.from(`\r\n\r\n${SAMPLES.map((s) => s.text).join('\r\n\r\n')}\r\n`);
    const msgs = framer.push(data);
    expect(msgs.map((m) => m.status)).toEqual(SAMPLES.map((s) => s.status));
    expect(framer.error).toBeNull();
    expect(framer.pending).toBe(0);
  });

  it('any split of N concatenated messages yields the same N messages (property)', () => {
    const expected = SAMPLES.map((s) => {
      const r = parseSipMessage(Buffer.from(s.text));
      if (!r.ok) throw new Error(r.error);
      return summary(r.msg);
    });
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: SAMPLES.length - 1 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 40 }),
      fc.array(fc.constantFrom('', '\r\n', '\r\n\r\n'), { maxLength: 8 }),
      (order, cuts, keepalives) => {
        const data = Buffer.from(order.map((i, k) => (keepalives[k] ?? '') + (SAMPLES[i]?.text ?? '')).join(''));
        const framer = new SipStreamFramer();
        const msgs = feed(framer, data, cuts);
        expect(framer.error).toBeNull();
        expect(msgs.map(summary)).toEqual(order.map((i) => expected[i]));
      },
    ), { numRuns: 300 });
  });

  it('survives byte-by-byte delivery', () => {
    const framer = new SipStreamFramer();
    const data = Buffer.from(SAMPLES[4]?.text ?? '');
    const msgs: SipMessage[] = [];
    for (let i = 0; i < data.length; i++) msgs.push(...framer.push(data.subarray(i, i + 1)));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]?.body.toString()).toMatch(/^v=0/);
  });

  it('fails (and then stays silent) when Content-Length is missing on a stream', () => {
    const framer = new SipStreamFramer();
    expect(framer.push(Buffer.from('SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n'))).toEqual([]);
    expect(framer.error).toMatch(/missing Content-Length/);
    expect(framer.push(Buffer.from(SAMPLES[0]?.text ?? ''))).toEqual([]);
  });

  it('fails on invalid or oversize Content-Length', () => {
    for (const cl of ['-5', 'ten', '99999999999']) {
      const f = new SipStreamFramer();
      f.push(Buffer.from(`SIP/2.0 200 OK\r\nContent-Length: ${cl}\r\n\r\n`));
      expect(f.error).toMatch(/Content-Length/);
    }
    const big = new SipStreamFramer();
    big.push(Buffer.from('SIP/2.0 200 OK\r\nContent-Length: 70000\r\n\r\n'));
    expect(big.error).toMatch(/too large/);
  });

  it('fails on a header section that never ends, once it exceeds maxBytes, without unbounded memory', () => {
    const f = new SipStreamFramer({ maxBytes: 4096 });
    for (let i = 0; i < 100 && f.error === null; i++) f.push(Buffer.from('X-Junk: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'));
    expect(f.error).toMatch(/too large/);
    expect(f.pending).toBe(0);
  });

  it('fails on garbage (not SIP) once framed', () => {
    const f = new SipStreamFramer();
    f.push(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'));
    expect(f.error).toMatch(/start line/);
  });

  it('waits for a body that is still coming', () => {
    const f = new SipStreamFramer();
    expect(f.push(Buffer.from('SIP/2.0 200 OK\r\nContent-Length: 5\r\n\r\nab'))).toEqual([]);
    expect(f.error).toBeNull();
    const [m] = f.push(Buffer.from('cdeSIP/2.0 1'));
    expect(m?.body.toString()).toBe('abcde');
    expect(f.pending).toBe(Buffer.byteLength('SIP/2.0 1'));
  });
});

describe('never throws on arbitrary bytes (property)', () => {
  it('parseSipMessage', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      const r = parseSipMessage(Buffer.from(bytes));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 1000 });
  });

  it('parseSipMessage on mutated real messages', () => {
    const base = SAMPLES.map((s) => Buffer.from(s.text));
    fc.assert(fc.property(
      fc.integer({ min: 0, max: base.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      fc.nat(),
      (i, flips, cut) => {
        const b = Buffer.from(base[i] ?? Buffer.alloc(0));
        for (const [pos, val] of flips) if (b.length > 0) b[pos % b.length] = val;
        const r = parseSipMessage(b.subarray(0, cut % (b.length + 1)));
        if (r.ok) expect(['request', 'response']).toContain(r.msg.kind);
      },
    ), { numRuns: 1000 });
  });

  it('SipStreamFramer', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 512 }), { maxLength: 10 }), (chunks) => {
      const f = new SipStreamFramer();
      for (const c of chunks) expect(Array.isArray(f.push(Buffer.from(c)))).toBe(true);
    }), { numRuns: 500 });
  });
});
