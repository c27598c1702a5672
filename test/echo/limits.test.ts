// The echo server's abuse limits and NAT token table, on a fake clock.
import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter, RateLimiter } from '../../src/echo/limits.js';
import { NatRegistry } from '../../src/echo/nat.js';
import { natDatagram, parseNatDatagram } from '../../src/echo/protocol.js';
import { nextFrame } from '../../src/echo/sip-listener.js';

describe('echo limits', () => {
  it('rate limiter: N per window per key, a new window resets, Retry-After counts down, the table stays bounded', () => {
    let now = 0;
    const rl = new RateLimiter(3, 60_000, 2, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.take('b')).toBe(true);
    now = 45_000;
    expect(rl.retryAfterS('a')).toBe(15);
    now = 60_000;
    expect(rl.take('a')).toBe(true);
    rl.take('c'); // a third key drops the oldest
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBe(2);
  });

  it('concurrency limiter: per key and global; release is idempotent', () => {
    const c = new ConcurrencyLimiter(1, 2);
    const a = c.acquire('a');
    expect(a).not.toBeNull();
    expect(c.acquire('a')).toBeNull();
    const b = c.acquire('b');
    expect(c.acquire('c')).toBeNull(); // global full
    a!();
    a!();
    expect(c.acquire('c')).not.toBeNull();
    expect(c.acquire('a')).toBeNull(); // global full again (b + c)
    b!();
    expect(c.acquire('a')).not.toBeNull();
  });

  it('NAT tokens: only the registering IP may use one, once, while fresh', () => {
    let now = 0;
    const nat = new NatRegistry(60_000, 100, () => now);
    const tok = 'ab'.repeat(16);
    nat.register(tok, '203.0.113.2', 40000);
    expect(nat.take(tok, '198.51.100.99')).toBeNull();
    expect(nat.take(tok, '203.0.113.2')).toEqual({ ip: '203.0.113.2', port: 40000, at: 0 });
    expect(nat.take(tok, '203.0.113.2')).toBeNull();
    nat.register(tok, '203.0.113.2', 40000);
    now = 61_000;
    expect(nat.take(tok, '203.0.113.2')).toBeNull();
  });

  it('NAT datagrams: exact format only', () => {
    const tok = '0123456789abcdef'.repeat(2);
    expect(parseNatDatagram(natDatagram('REG', tok))).toEqual({ kind: 'REG', token: tok });
    for (const bad of [`GCNAT1 REG ${tok}x`, `GCNAT1 FOO ${tok}`, `gcnat1 REG ${tok}`, `GCNAT1 REG ${tok.toUpperCase()}`, '']) {
      expect(parseNatDatagram(Buffer.from(bad))).toBeNull();
    }
  });

  it('stream framing for the TCP reflector: exact bytes, waits for the body, refuses unframeable or huge', () => {
    const msg = Buffer.from('OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/TCP 1.2.3.4:5\r\nl: 3\r\n\r\nabc');
    expect(nextFrame(Buffer.concat([msg, Buffer.from('NEXT')]))?.toString()).toBe(msg.toString());
    expect(nextFrame(msg.subarray(0, msg.length - 1))).toBeNull();
    expect(nextFrame(Buffer.from('OPTIONS sip:x SIP/2.0\r\nVia: x\r\n\r\n'))).toBe('error');
    expect(nextFrame(Buffer.from('OPTIONS sip:x SIP/2.0\r\nContent-Length: 999999\r\n\r\n'))).toBe('error');
    expect(nextFrame(Buffer.alloc(5000, 0x41))).toBe('error');
    expect(nextFrame(Buffer.from('\r\n\r\n'))).toBeNull();
  });
});
