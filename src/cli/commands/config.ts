// `ghostcall config FILE... [--vendor V] [--json]`: read exported or provisioning
// config files offline (vendor from the content, or forced), print each file's
// normalised PhoneConfig (secrets redacted at read time, provenance per field).
// Every file is processed; exit code 4 when any could not be read or understood.
import { Option, type Command } from 'commander';
import { contract } from '../../api/contract.js';
import { VENDOR_IDS } from '../../config/types.js';
import type { ConfigFileResult } from '../../config/offline.js';
import { cliContext, cliT, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { oneOf } from '../options.js';
import { errorLine, jsonText } from '../output.js';
import { inert } from '../../util/inert.js';

export function register(program: Command): void {
  const t = cliT();
  program
    .command('config')
    .description(t('config.description'))
    .argument('<files...>', t('config.files'))
    .addOption(new Option('--vendor <vendor>', t('config.opt.vendor', { list: VENDOR_IDS.join(', ') })).argParser(oneOf(VENDOR_IDS)))
    .option('--json', t('config.opt.json'))
    .action(async (files: string[], opts: { vendor?: string; json?: boolean }, cmd: Command) => {
      await runConfigCommand(files, opts, cliContext(cmd));
    });
}

export async function runConfigCommand(paths: string[], opts: { vendor?: string; json?: boolean }, ctx: CliContext): Promise<void> {
  // Loaded when run (all vendor readers and the checks): `--help` and other commands start lighter.
  const [{ loadConfigFile }, { readConfigFiles }] = await Promise.all([import('../../config/read-files.js'), import('../../config/offline.js')]);
  const loaded = paths.map(loadConfigFile);
  const readable = loaded.filter((f) => f.content !== undefined).map((f) => ({ name: f.name, content: f.content! }));
  // Through the contract's input schema, but without loading the whole engine
  // (scan, PDF…): reading files offline needs none of it and starts faster.
  const input = contract.readConfigFiles.input.parse({ files: readable, vendor: opts.vendor, lang: ctx.lang });
  const parsed = readable.length ? readConfigFiles(input) : [];
  const byName = new Map(parsed.map((r) => [r.name, r] as const));
  const results: ConfigFileResult[] = loaded.map((f) =>
    f.error ? { name: f.name, ok: false, vendor: null, format: null, config: null, findings: [], error: f.error } : byName.get(f.name)!,
  );

  if (opts.json) ctx.stdout.write(jsonText(results));
  else for (const r of results) ctx.stdout.write(renderResult(r, ctx));
  if (results.some((r) => !r.ok)) process.exitCode = EXIT.file;
}

function renderResult(r: ConfigFileResult, ctx: CliContext): string {
  const name = inert(r.name, 200);
  if (!r.ok || !r.config) return `${name}: ${r.error ? errorLine(r.error, ctx.lang) : ''}\n\n`;
  const head = ctx.t('config.header', { file: name, vendor: r.vendor ?? '?', format: r.format ?? '?' });
  // JSON escaping makes device strings safe for the terminal; finding texts are ours, shown inert anyway.
  const findings = r.findings.map((f) => `  - [${f.severity}] ${f.id}: ${inert(f.title, 300)}`);
  const tail = findings.length ? `${ctx.t('config.findings', { count: findings.length })}\n${findings.join('\n')}\n` : `${ctx.t('config.noFindings')}\n`;
  return `${head}\n${jsonText(r.config)}${tail}\n`;
}
