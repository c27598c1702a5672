// `ghostcall report SCAN.json --out FILE.pdf`: the PDF report of a saved scan,
// through the engine's `report` method. The same options serve
// `ghostcall scan ... --report FILE.pdf` (REPORT_AFTER_SCAN, for scan-options.ts).
import { Option, type Command } from 'commander';
import type { Api } from '../../api/contract.js';
import { EngineError } from '../../api/errors.js';
import { SCHEMA_VERSION, type ScanResult } from '../../api/result.js';
import { loadEngine } from '../engine.js';
import { readJsonFile } from '../files.js';
import { cliContext, cliT, type CliContext } from '../context.js';
import { parseList } from '../options.js';
import { createProgress } from '../progress.js';
import { onInterrupt } from '../signals.js';
import type { AfterScanStep } from './scan-options.js';

export interface ReportCliOptions {
  org?: string;
  site?: string;
  logo?: string;
  providerServers?: string[];
}

/** The options both commands share (texts in the report namespace). */
export function reportOptions(): Option[] {
  const t = cliT('report');
  return [
    new Option('--org <name>', t('cli.org')),
    new Option('--site <name>', t('cli.site')),
    new Option('--logo <file>', t('cli.logo')),
    new Option('--provider-servers <list>', t('cli.providerServers')).argParser(parseList),
  ];
}

export async function readScanFile(file: string): Promise<ScanResult> {
  const json = await readJsonFile(file);
  // A quick look only: the engine validates the whole scan against the schema (E_BAD_INPUT names the field).
  const head = json as { schemaVersion?: unknown; tool?: { name?: unknown } } | null;
  if (typeof head !== 'object' || head === null || head.tool?.name !== 'ghostcall' || head.schemaVersion !== SCHEMA_VERSION) {
    throw new EngineError('E_PARSE', `not a ghostcall scan: ${file}`, { file, detail: `not a ghostcall scan result (schemaVersion ${SCHEMA_VERSION})` });
  }
  return json as ScanResult;
}

/** Render through the engine with progress on stderr and Ctrl-C as cancel; prints one line when done. */
export async function writeReport(engine: Api, scan: ScanResult, outFile: string, o: ReportCliOptions, ctx: CliContext): Promise<void> {
  const t = cliT('report');
  const ac = new AbortController();
  const progress = createProgress({ stream: ctx.stderr, quiet: ctx.quiet, t: ctx.t, tc: ctx.tc });
  const off = onInterrupt(ac, () => progress.stop());
  let out: { outFile: string; pages: number; bytes: number };
  try {
    out = await engine.report({
      scan, outFile, lang: ctx.lang,
      org: o.org ?? null, siteName: o.site ?? null, logoFile: o.logo ?? null,
      providerServers: o.providerServers ?? [],
    }, { signal: ac.signal, onProgress: progress.onProgress });
  } finally {
    progress.stop();
    off();
  }
  if (!ctx.quiet) ctx.stderr.write(`${t('cli.written', { file: out.outFile, pages: out.pages, kb: Math.ceil(out.bytes / 1024) })}\n`);
}

export function register(program: Command): void {
  const t = cliT('report');
  const cmd = program.command('report')
    .description(t('cli.description'))
    .argument('<scan>', t('cli.scanArg'))
    .requiredOption('-o, --out <file>', t('cli.out'));
  for (const o of reportOptions()) cmd.addOption(o);
  cmd.action(async (scanFile: string, opts: ReportCliOptions & { out: string }, command: Command) => {
    const ctx = cliContext(command);
    const scan = await readScanFile(scanFile);
    await writeReport(await loadEngine(), scan, opts.out, opts, ctx);
  });
}

/** `ghostcall scan ... --report FILE.pdf [--org] [--site] [--logo] [--provider-servers]`: add to AFTER_SCAN. */
export const REPORT_AFTER_SCAN: AfterScanStep = {
  options: () => [new Option('--report <file>', cliT('report')('cli.report')), ...reportOptions()],
  run: async (result, opts, ctx) => {
    if (typeof opts.report !== 'string') return;
    await writeReport(ctx.engine, result, opts.report, opts as ReportCliOptions, ctx);
  },
};
