// PDF report figures (issue 6): the whole `ghostcall report` process for a scan
// of 250 devices with the real checks' findings and an external test: wall time,
// CPU time and peak RSS under /usr/bin/time, median of 3 runs. Targets: < 1.5 s
// and < 200 MB. `run()` returns the printable table; `tsx bench/report.ts` prints it.
// Needs `npm run build` (bench/run.ts does it). If the CLI cannot run, it measures
// a small node script calling the built renderReport() and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeScan } from '../test/report/fixtures.js';
import type { BenchModule } from './types.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'ghostcall.js');
const TIME = '/usr/bin/time';
const DEVICES = 250;
const RUNS = 3;
const TARGET_S = 1.5;
const TARGET_MB = 200;

interface Sample { wallS: number; cpuS: number; rssMb: number; code: number | null; stderr: string }

function timed(args: string[]): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'gc-bench-report-'));
  const out = join(dir, 'time');
  try {
    const r = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const [wall = NaN, user = NaN, sys = NaN, rssKb = NaN] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wallS: wall, cpuS: user + sys, rssMb: rssKb / 1024, code: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function run(): Promise<string> {
  if (!existsSync(TIME)) return `PDF report: skipped (${TIME} missing: apt-get install -y time)`;
  const dir = mkdtempSync(join(tmpdir(), 'gc-bench-report-'));
  try {
    const scanFile = join(dir, 'scan.json');
    const pdf = join(dir, 'report.pdf');
    const scan = makeScan({ devices: DEVICES, reach: true });
    writeFileSync(scanFile, JSON.stringify(scan));
    const findings = scan.findings?.length ?? 0;
    let how = `node bin/ghostcall.js report scan.json --out report.pdf --quiet`;
    let args = [BIN, 'report', scanFile, '--out', pdf, '--quiet', '--lang', 'en', '--org', 'Bench MSP', '--site', 'Bench site'];
    const probe = timed(args);
    if (probe.code !== 0) {
      // The CLI is not usable (yet): measure the built stage directly.
      const script = join(dir, 'direct.mjs');
      writeFileSync(script, [
        `import { readFileSync } from 'node:fs';`,
        `const { renderReport } = await import(${JSON.stringify(join(ROOT, 'dist/src/report/pdf.js'))});`,
        `const { contract } = await import(${JSON.stringify(join(ROOT, 'dist/src/api/contract.js'))});`,
        `const input = contract.report.input.parse({ scan: JSON.parse(readFileSync(process.argv[2], 'utf8')), outFile: process.argv[3] });`,
        `await renderReport(input, { signal: new AbortController().signal, onProgress: () => {} });`,
      ].join('\n'));
      how = `node direct.mjs (renderReport from dist/; the CLI failed: ${probe.stderr.trim().slice(0, 120)})`;
      args = [script, scanFile, pdf];
    }
    const samples = Array.from({ length: RUNS }, () => timed(args));
    const failed = samples.find((s) => s.code !== 0);
    if (failed) return `PDF report: FAILED (${failed.stderr.trim().slice(0, 300)})`;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? NaN);
    const wall = median(samples.map((s) => s.wallS));
    const cpu = median(samples.map((s) => s.cpuS));
    const rss = Math.max(...samples.map((s) => s.rssMb));
    const load = loadavg()[0] ?? 0;
    const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    const lines: [string, string][] = [
      ['input', `${DEVICES} devices, ${findings} findings (real checks), external test`],
      ['measured', how],
      ['output', `${pages} pages, ${Math.round(statSync(pdf).size / 1024)} kB`],
      [`wall time (median of ${RUNS})`, `${wall.toFixed(2)} s   target < ${TARGET_S} s: ${met(wall < TARGET_S)}`],
      ['CPU time user+sys (median)', `${cpu.toFixed(2)} s   (load average ${load.toFixed(1)} on ${availableParallelism()} CPUs during the runs)`],
      [`peak RSS (max of ${RUNS})`, `${rss.toFixed(0)} MB   target < ${TARGET_MB} MB: ${met(rss < TARGET_MB)}`],
    ];
    const w = Math.max(...lines.map(([k]) => k.length));
    return ['PDF report', ...lines.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** For bench/run.ts: the same table, as markdown, and whether both targets were met. */
export const bench: BenchModule = {
  title: 'PDF report (250 devices)',
  unavailable: () => (existsSync(TIME) ? null : `${TIME} missing`),
  run: async () => {
    const table = await run();
    process.stdout.write(`${table}\n`);
    return { markdown: `\`\`\`\n${table}\n\`\`\`\n`, targetsMet: !table.includes('NOT met') && !table.includes('FAILED') && !table.includes('skipped') };
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((t) => console.log(t)).catch((e: unknown) => { console.error(e); process.exitCode = 1; });
}
