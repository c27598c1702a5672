import { describe, expect, it } from 'vitest';
import { TokenBucket, sleep } from '../../src/discover/rate.js';

describe('TokenBucket', () => {
  it('allows the burst at once, then paces to the rate (virtual clock)', () => {
    let now = 0;
    const b = new TokenBucket(1000, 5, () => now);
    let taken = 0;
    while (b.tryTake()) taken++;
    expect(taken).toBe(5);
    expect(b.waitMs()).toBeCloseTo(1, 5);
    now += 10; // 10 ms at 1000 pps = 10 tokens, capped at the burst of 5
    taken = 0;
    while (b.tryTake()) taken++;
    expect(taken).toBe(5);
    now += 2.5;
    expect(b.tryTake()).toBe(true);
    expect(b.tryTake()).toBe(true);
    expect(b.tryTake()).toBe(false);
  });

  it('never exceeds the rate over a long run (virtual clock)', () => {
    let now = 0;
    const b = new TokenBucket(2000, undefined, () => now);
    let sent = 0;
    for (let step = 0; step < 10_000; step++) { // 1 s in 0.1 ms steps
      now += 0.1;
      while (b.tryTake()) sent++;
    }
    expect(sent).toBeLessThanOrEqual(2000 + 20);
    expect(sent).toBeGreaterThanOrEqual(1990);
  });

  it('take() paces real time and honours an abort', async () => {
    const b = new TokenBucket(200, 1);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await b.take();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15); // 4 waits of 5 ms
    const ac = new AbortController();
    const slow = new TokenBucket(1, 1);
    await slow.take();
    const p = slow.take(ac.signal);
    ac.abort();
    await expect(p).rejects.toThrow();
  });

  it('rejects a nonsensical rate', () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
  });

  it('sleep() resolves early on abort', async () => {
    const ac = new AbortController();
    const t0 = performance.now();
    setTimeout(() => ac.abort(), 10);
    await sleep(5000, ac.signal);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
