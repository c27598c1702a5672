// Hostile input: arbitrary strings never throw and never guess wildly; every
// pattern stays linear on 100 kB pathological inputs (ReDoS). The timeouts are
// hang guards, not benchmarks (figures: bench/fingerprint.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FingerprintRowSchema } from '../../src/api/contract.js';
import { fingerprintValues } from '../../src/identify/fingerprint.js';
import { FINGERPRINTS } from '../../src/identify/fingerprints/index.js';
import { matchValue, sanitizeValue, MAX_VALUE_CHARS } from '../../src/identify/match.js';

const KB100 = 100 * 1024;

/** Inputs that make backtracking regexes explode: long runs of what patterns repeat. */
function pathological(prefix: string): string[] {
  const fill = (unit: string): string => prefix + unit.repeat(Math.ceil((KB100 - prefix.length) / unit.length));
  return [fill('a'), fill('1.'), fill(' '), fill('1'), fill('A1'), fill('_'), fill(' (x'), fill('-1'), fill('\u0000'), `${fill('9.')}!`];
}

describe('hostile values', () => {
  it('arbitrary strings never throw and always give a valid row', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => {
      const [row] = fingerprintValues([s]);
      expect(FingerprintRowSchema.parse(row)).toEqual(row);
      expect(row!.input).toBe(s);
    }), { numRuns: 2000 });
  });

  it('full-Unicode and control-character strings never throw', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), { maxLength: 20 }), (values) => {
      expect(fingerprintValues(values)).toHaveLength(values.length);
    }), { numRuns: 300 });
  });

  it('a known banner wrapped in junk after it still matches, junk before it never invents a vendor', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => {
      expect(matchValue(`Yealink SIP-T46S 66.86.0.15 ${junk}`)?.vendor).toBe('Yealink');
      const hit = matchValue(`\u0001${junk}`);
      // Only a vendor whose name is in the junk itself may come out.
      if (hit) expect(sanitizeValue(junk).toLowerCase()).toContain(hit.vendor.toLowerCase().slice(0, 3));
    }), { numRuns: 500 });
  });

  it('sanitising cuts, strips control characters and trims', () => {
    expect(sanitizeValue('\u001b[31mYealink\u202e SIP-T46S\u0000 ')).toBe('[31mYealink  SIP-T46S');
    expect(sanitizeValue('x'.repeat(KB100))).toHaveLength(MAX_VALUE_CHARS);
  });

  it('100 kB pathological values through the whole table stay fast', () => {
    const values = FINGERPRINTS.flatMap((e) => pathological(e.examples[0]!.value.slice(0, 12)));
    const t0 = performance.now();
    const rows = fingerprintValues(values);
    expect(rows).toHaveLength(values.length);
    expect(performance.now() - t0).toBeLessThan(20_000); // hang guard: a ReDoS takes minutes
  }, 60_000);

  it('every raw pattern (without the length cap) is linear on 100 kB pathological input', () => {
    for (const e of FINGERPRINTS) {
      const t0 = performance.now();
      for (const v of pathological(e.examples[0]!.value.slice(0, 12))) e.pattern.exec(v);
      const ms = performance.now() - t0;
      expect(ms, `${e.id} took ${ms.toFixed(0)} ms`).toBeLessThan(2_000);
    }
  }, 120_000);

  it('unknown strings get nulls, never a guess', () => {
    const rows = fingerprintValues(['SIP UA', 'Linux', '1.0', 'MyPhone', 'asdf qwer zxcv', '', '   ', 'Phone 1.2.3.4', 'SIP-T46S']);
    for (const r of rows) expect([r.vendor, r.model, r.firmware, r.type]).toEqual([null, null, null, null]);
  });
});
