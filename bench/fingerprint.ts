// Fingerprint figures: accuracy on the held-back corpus (test/identify/corpus.tsv)
// and throughput, including 100 kB hostile values. `run()` returns a printable
// table (bench/run.ts collects it); `tsx bench/fingerprint.ts` prints it alone.
import { performance } from 'node:perf_hooks';
import { fingerprintValues } from '../src/identify/fingerprint.js';
import { FINGERPRINTS } from '../src/identify/fingerprints/index.js';
import { readCorpus, score } from '../test/identify/corpus.js';

function timeIt(fn: () => void, minMs = 300): { perCallUs: number; calls: number } {
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) { fn(); calls++; }
  return { perCallUs: ((performance.now() - t0) * 1000) / calls, calls };
}

export async function run(): Promise<string> {
  const rows = readCorpus();
  const s = score(rows);
  const values = rows.map((r) => r.value);
  const corpusRun = timeIt(() => fingerprintValues(values));
  const hostile = ['a', '1.', ' ', 'A1'].map((u) => `Yealink SIP-${u.repeat(50_000)}`);
  const hostileRun = timeIt(() => fingerprintValues(hostile), 200);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const lines: [string, string][] = [
    ['fingerprint entries', String(FINGERPRINTS.length)],
    ['corpus', `${s.vendorStrings} strings, ${s.vendors} vendors, + ${s.noVendorStrings} naming none`],
    ['vendor accuracy', pct(s.vendor)],
    [`model accuracy (of ${s.modelTotal})`, pct(s.model)],
    [`firmware accuracy (of ${s.firmwareTotal})`, pct(s.firmware)],
    ['type accuracy', pct(s.type)],
    ['vendors guessed for no-vendor strings', String(s.falseVendors.length)],
    ['throughput (corpus values/s)', Math.round(values.length / (corpusRun.perCallUs / 1e6)).toLocaleString('en')],
    ['100 kB hostile value, mean', `${(hostileRun.perCallUs / hostile.length / 1000).toFixed(3)} ms`],
  ];
  const w = Math.max(...lines.map(([k]) => k.length));
  return ['Fingerprinting', ...lines.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((t) => console.log(t)).catch((e: unknown) => { console.error(e); process.exitCode = 1; });
}
