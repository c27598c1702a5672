import { describe, expect, it } from 'vitest';
import { RttEstimator } from '../../src/discover/rtt.js';

describe('RttEstimator', () => {
  it('uses the initial timeout until a sample arrives', () => {
    const r = new RttEstimator({ initialMs: 100, minMs: 20, maxMs: 2000 });
    expect(r.timeoutMs()).toBe(100);
    expect(r.samples).toBe(0);
  });

  it('converges to srtt + 4·rttvar and is clamped to the floor on a fast LAN', () => {
    const r = new RttEstimator({ initialMs: 100, minMs: 20, maxMs: 2000 });
    for (let i = 0; i < 50; i++) r.sample(1);
    expect(r.smoothedMs).toBeCloseTo(1, 3);
    expect(r.timeoutMs()).toBe(20);
  });

  it('grows with slow, jittery answers and stays within the maximum', () => {
    const r = new RttEstimator({ initialMs: 100, minMs: 20, maxMs: 500 });
    for (let i = 0; i < 20; i++) r.sample(i % 2 ? 150 : 50);
    const t = r.timeoutMs();
    expect(t).toBeGreaterThan(150);
    expect(t).toBeLessThanOrEqual(500);
    for (let i = 0; i < 20; i++) r.sample(5000);
    expect(r.timeoutMs()).toBe(500);
    expect(r.maxSampleMs).toBe(5000);
  });

  it('ignores nonsense samples', () => {
    const r = new RttEstimator({ initialMs: 100, minMs: 20, maxMs: 2000 });
    r.sample(-1);
    r.sample(Number.NaN);
    r.sample(Number.POSITIVE_INFINITY);
    expect(r.samples).toBe(0);
  });
});
