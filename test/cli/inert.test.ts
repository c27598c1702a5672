// src/util/inert.ts: device strings made safe for a terminal (properties with fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inert, displayWidth, ELLIPSIS } from '../../src/util/inert.js';

/** Characters that act on a terminal or hide/reorder text. */
// eslint-disable-next-line no-control-regex -- control characters are what this test is about
const DANGEROUS = /[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029\u3164\ud800-\udfff]/u;

/** Undo inert() on an untruncated result: proves nothing is lost and the escapes are unambiguous. */
function decode(s: string): string {
  return s.replace(/\\\\|\\x([0-9a-f]{2})|\\u\{([0-9a-f]+)\}/g, (m, x?: string, u?: string) =>
    m === '\\\\' ? '\\' : String.fromCodePoint(parseInt((x ?? u) as string, 16)));
}

const hostileChar = fc.constantFrom(
  '\x1b', '\x1b[31m', '\x1b]0;title\x07', '\x9b', '\x07', '\r', '\n', '\t', '\x00', '\x7f', '\x85',
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200d', '\ufeff', '\u2028', '\u3164', '\u0301', '\u0336',
  '\ud800', '\udfff', '\\', '<script>', '漢', '😀', 'a', ' ',
);
const hostile = fc.array(hostileChar, { maxLength: 40 }).map((a) => a.join(''));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), hostile);

describe('inert()', () => {
  it('never lets a control, bidi, invisible or lone-surrogate character through', () => {
    fc.assert(fc.property(anyString, fc.integer({ min: 1, max: 120 }), (s, w) => {
      expect(inert(s)).not.toMatch(DANGEROUS);
      expect(inert(s, w)).not.toMatch(DANGEROUS);
    }), { numRuns: 2000 });
  });

  it('fits the width it is given, with an ellipsis when cut', () => {
    fc.assert(fc.property(anyString, fc.integer({ min: 1, max: 60 }), (s, w) => {
      const full = inert(s);
      const cut = inert(s, w);
      expect(displayWidth(cut)).toBeLessThanOrEqual(w);
      if (displayWidth(full) <= w) expect(cut).toBe(full);
      else expect(cut.endsWith(ELLIPSIS)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('loses nothing when not cut: the escapes decode back to the input', () => {
    fc.assert(fc.property(anyString, (s) => {
      expect(decode(inert(s))).toBe(s);
    }), { numRuns: 2000 });
  });

  it('leaves ordinary header values alone', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what this test is about
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).filter((s) => !/[\\\x00-\x1f\x7f]/.test(s)), (s) => {
      expect(inert(s)).toBe(s);
    }));
    expect(inert('Yealink SIP-T54W 96.86.0.70')).toBe('Yealink SIP-T54W 96.86.0.70');
    expect(inert('Gigaset N670 IP PRO/83.V2.23.0+build.ead3d6e;IM')).toBe('Gigaset N670 IP PRO/83.V2.23.0+build.ead3d6e;IM');
    expect(inert('Grandstream ñ 漢字')).toBe('Grandstream ñ 漢字');
  });

  it('shows escapes visibly', () => {
    expect(inert('a\x1b[31mred')).toBe('a\\x1b[31mred');
    expect(inert('x\u202eevil')).toBe('x\\u{202e}evil');
    expect(inert('line1\r\nline2')).toBe('line1\\x0d\\x0aline2');
    expect(inert('C:\\x1b')).toBe('C:\\\\x1b'); // a literal backslash cannot pose as an escape
    expect(inert(null)).toBe('');
    expect(inert('e\u0301\u0301\u0301\u0301')).toBe('e\u0301\u0301\\u{301}\\u{301}'); // "Zalgo" cannot stack at width 0
    expect(inert('abcdefghij', 5)).toBe(`abcd${ELLIPSIS}`);
    expect(inert('漢字漢字', 5)).toBe(`漢字${ELLIPSIS}`);
  });

  it('handles long hostile input', () => {
    const s = '\x1b[31m\u202e漢'.repeat(20_000);
    expect(inert(s, 40).length).toBeLessThan(60);
    expect(decode(inert(s))).toBe(s);
  });
});
