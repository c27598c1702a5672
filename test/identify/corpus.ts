// Reads the held-back corpus (corpus.tsv) and scores the fingerprint table on it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fingerprintValues } from '../../src/identify/fingerprint.js';

export interface CorpusRow { value: string; vendor: string | null; model: string | null; firmware: string | null; type: string | null }

export function readCorpus(file = 'corpus.tsv'): CorpusRow[] {
  const text = readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), 'utf8');
  return text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#')).map((line) => {
    const [value = '', vendor = '', model = '', firmware = '', type = ''] = line.split('\t');
    const n = (s: string): string | null => (s === '' ? null : s);
    return { value, vendor: n(vendor), model: n(model), firmware: n(firmware), type: n(type) };
  });
}

export interface Score {
  vendorStrings: number; vendors: number; noVendorStrings: number;
  vendor: number; model: number; firmware: number; type: number;
  modelTotal: number; firmwareTotal: number; falseVendors: string[]; misses: string[];
}

export function score(rows: CorpusRow[]): Score {
  const out = fingerprintValues(rows.map((r) => r.value));
  const named = rows.filter((r) => r.vendor !== null);
  let vendor = 0; let model = 0; let firmware = 0; let type = 0; let modelTotal = 0; let firmwareTotal = 0;
  const falseVendors: string[] = []; const misses: string[] = [];
  rows.forEach((r, i) => {
    const got = out[i]!;
    if (r.vendor === null) {
      if (got.vendor !== null) falseVendors.push(`${r.value} → ${got.vendor}`);
      return;
    }
    const ok = { v: got.vendor === r.vendor, m: got.model === r.model, f: got.firmware === r.firmware, t: got.type === r.type };
    if (ok.v) vendor++;
    if (r.model !== null) { modelTotal++; if (ok.m) model++; }
    if (r.firmware !== null) { firmwareTotal++; if (ok.f) firmware++; }
    if (ok.t) type++;
    if (!ok.v || !ok.m || !ok.f || !ok.t) misses.push(`${r.value} → ${JSON.stringify([got.vendor, got.model, got.firmware, got.type])} want ${JSON.stringify([r.vendor, r.model, r.firmware, r.type])}`);
  });
  return {
    vendorStrings: named.length, vendors: new Set(named.map((r) => r.vendor)).size, noVendorStrings: rows.length - named.length,
    vendor: vendor / named.length, model: model / modelTotal, firmware: firmware / firmwareTotal, type: type / named.length,
    modelTotal, firmwareTotal, falseVendors, misses,
  };
}
