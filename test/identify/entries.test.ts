// The data tests itself: every fingerprint entry's examples must come out of
// the whole ordered table (not just the entry) exactly as the entry says.
import { describe, expect, it } from 'vitest';
import { FINGERPRINTS } from '../../src/identify/fingerprints/index.js';
import { matchValue } from '../../src/identify/match.js';

describe('fingerprint entries', () => {
  it('have unique ids, an anchored pattern, a source and at least one example', () => {
    const ids = new Set<string>();
    for (const e of FINGERPRINTS) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(e.pattern.source.startsWith('^'), e.id).toBe(true);
      expect(e.source.length, e.id).toBeGreaterThan(5);
      expect(e.examples.length, e.id).toBeGreaterThan(0);
    }
  });

  it('have no nested quantifiers (ReDoS guard)', () => {
    // A quantified group whose body is itself quantified: (x+)+, (a|b*)*, (?:\d+){2,}.
    // Allowed: bounded bodies whose repeats are separated by a literal ("(?:\.\d+){1,3}").
    const nested = /\((?:\?:|\?<[a-z]+>)?[^()]*[+*][^()]*\)[+*]/;
    for (const e of FINGERPRINTS) expect(nested.test(e.pattern.source), `${e.id}: ${e.pattern.source}`).toBe(false);
  });

  for (const e of FINGERPRINTS) {
    for (const ex of e.examples) {
      it(`${e.id}: ${JSON.stringify(ex.value)}`, () => {
        const hit = matchValue(ex.value);
        expect(hit?.entry.id, 'matched entry').toBe(e.id);
        expect({ vendor: hit?.vendor, model: hit?.model, firmware: hit?.firmware, type: hit?.type }).toEqual(ex.expect);
      });
    }
  }
});
