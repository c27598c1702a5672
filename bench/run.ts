// `npm run bench [-- NAME...]`: runs the listed benchmark modules in order. Each
// module prints its table and writes bench/results/<name>.md (overwritten each run).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './types.js';

/** One line per benchmark module (bench/<name>.ts exporting `bench: BenchModule`). */
const MODULES = ['discovery', 'fingerprint', 'report'];

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = MODULES.filter((m) => only.length === 0 || only.includes(m));
  mkdirSync(join(here, 'results'), { recursive: true });
  let failed = false;
  for (const name of names) {
    if (!existsSync(join(here, `${name}.ts`))) continue;
    const mod = (await import(`./${name}.js`)) as { bench?: BenchModule; run?: () => Promise<string> };
    // A module exports `bench` (BenchModule), or just `run()` returning its markdown.
    // A run()-only module returns its table without printing it: print it here.
    const runOnly = async (): Promise<{ markdown: string; targetsMet: boolean }> => {
      const markdown = await (mod.run as () => Promise<string>)();
      process.stdout.write(`${markdown}\n`);
      return { markdown, targetsMet: true };
    };
    const b: BenchModule | null = mod.bench ?? (mod.run ? { title: name, run: runOnly } : null);
    if (!b) continue;
    const why = b.unavailable?.() ?? null;
    if (why) {
      process.stdout.write(`\n## ${b.title}: skipped (${why})\n`);
      continue;
    }
    process.stdout.write(`\n## ${b.title}\n`);
    const out = await b.run();
    writeFileSync(join(here, 'results', `${name}.md`), out.markdown);
    process.stdout.write(`\n(written to bench/results/${name}.md; targets ${out.targetsMet ? 'met' : 'NOT all met'})\n`);
    failed ||= !out.targetsMet;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
