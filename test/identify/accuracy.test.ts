// Accuracy on the held-back corpus: real User-Agent/Server strings gathered from
// public sources (CORPUS-SOURCES.md), none of them an entry's own example.
import { describe, expect, it } from 'vitest';
import { FINGERPRINTS } from '../../src/identify/fingerprints/index.js';
import { readCorpus, score } from './corpus.js';

const rows = readCorpus();

describe('held-back corpus', () => {
  it('is big and wide enough, and held back from the entries\' examples', () => {
    const s = score(rows);
    expect(s.vendorStrings).toBeGreaterThanOrEqual(250);
    expect(s.vendors).toBeGreaterThanOrEqual(40);
    expect(s.noVendorStrings).toBeGreaterThanOrEqual(30);
    const examples = new Set(FINGERPRINTS.flatMap((e) => e.examples.map((x) => x.value)));
    expect(rows.filter((r) => examples.has(r.value)).map((r) => r.value)).toEqual([]);
    expect(new Set(rows.map((r) => r.value)).size).toBe(rows.length);
  });

  it('meets the accuracy targets (vendor ≥ 97 %, model and firmware ≥ 90 %, no vendor guessed)', () => {
    const s = score(rows);
    const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
    console.log([
      `corpus: ${s.vendorStrings} strings from ${s.vendors} vendors + ${s.noVendorStrings} naming no vendor`,
      `vendor ${pct(s.vendor)} · model ${pct(s.model)} (of ${s.modelTotal}) · firmware ${pct(s.firmware)} (of ${s.firmwareTotal}) · type ${pct(s.type)}`,
      `vendors guessed for no-vendor strings: ${s.falseVendors.length}`,
      ...s.misses.map((m) => `  miss: ${m}`),
    ].join('\n'));
    expect(s.falseVendors).toEqual([]);
    expect(s.vendor).toBeGreaterThanOrEqual(0.97);
    expect(s.model).toBeGreaterThanOrEqual(0.9);
    expect(s.firmware).toBeGreaterThanOrEqual(0.9);
  });
});

describe('blind set (gathered after the table was frozen)', () => {
  it('scores like the corpus', () => {
    const blind = readCorpus('blind.tsv');
    const s = score(blind);
    console.log(`blind set: ${s.vendorStrings} strings · vendor ${(s.vendor * 100).toFixed(1)} % · model ${(s.model * 100).toFixed(1)} % · firmware ${(s.firmware * 100).toFixed(1)} %`);
    const corpusValues = new Set(rows.map((r) => r.value));
    expect(blind.filter((r) => corpusValues.has(r.value)).map((r) => r.value)).toEqual([]);
    expect(s.vendor).toBeGreaterThanOrEqual(0.97);
    expect(s.model).toBeGreaterThanOrEqual(0.9);
    expect(s.firmware).toBeGreaterThanOrEqual(0.9);
  });
});
