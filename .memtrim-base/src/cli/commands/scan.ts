// `ghostcall scan [TARGET...]`: discover (and, as later stages land, fingerprint,
// read configs, check) the SIP devices of a LAN, in-process through the contract.
import { Option, type Command } from 'commander';
import type { Api } from '../../api/contract.js';
import { EngineError } from '../../api/errors.js';
import { ScanParamsSchema, ScanResultSchema, SeveritySchema, type ScanParamsInput, type ScanResult, type Severity } from '../../api/result.js';
import { cliContext, cliT, type CliContext } from '../context.js';
import { loadEngine } from '../engine.js';
import { EXIT } from '../exit-codes.js';
import { issueText, oneOf, onlyLoopback, showDefault } from '../options.js';
import { writeJson } from '../output.js';
import { createProgress } from '../progress.js';
import { onInterrupt } from '../signals.js';
import { renderScan } from '../table.js';
import { SCAN_OPTIONS, AFTER_SCAN } from './scan-options.js';

const SCAN_DEFAULTS = ScanParamsSchema.parse({});

export function register(program: Command): void {
  const t = cliT();
  const cmd = program.command('scan')
    .description(t('scan.description'))
    .argument('[targets...]', t('scan.targets'));
  for (const row of SCAN_OPTIONS) {
    const opt = new Option(row.flags, t(row.help));
    if (row.parse) opt.argParser(row.parse);
    const def = opt.negate ? undefined : showDefault(SCAN_DEFAULTS[row.param]);
    if (def !== undefined) opt.description += ` ${t('help.default', { value: def })}`;
    cmd.addOption(opt);
  }
  cmd.addOption(new Option('--json <file>', t('scan.opt.json')));
  cmd.addOption(new Option('--fail-on <severity>', t('scan.opt.failOn', { list: SeveritySchema.options.join(', ') })).argParser(oneOf(SeveritySchema.options)));
  for (const step of AFTER_SCAN) for (const o of step.options()) cmd.addOption(o);
  cmd.addHelpText('after', `\n${t('scan.helpNotes')}`);
  cmd.action(async (targets: string[], _opts: unknown, command: Command) => {
    await runScanCommand(targets, command);
  });
}

/** ScanParams from the command line: only options the user gave; the schema fills the rest. */
export function scanParamsFrom(targets: string[], cmd: Command, lang: ScanParamsInput['lang']): ScanParamsInput {
  const opts = cmd.opts<Record<string, unknown>>();
  const input: Record<string, unknown> = { targets, lang };
  for (const row of SCAN_OPTIONS) {
    const key = new Option(row.flags).attributeName();
    const source = cmd.getOptionValueSource(key);
    if (source !== undefined && source !== 'default') input[row.param] = opts[key];
  }
  return input as ScanParamsInput;
}

function optionForPath(path: PropertyKey[]): string {
  const param = path[0];
  if (param === 'targets') return 'TARGET';
  const row = SCAN_OPTIONS.find((r) => r.param === param);
  return row ? (new Option(row.flags).long ?? String(param)) : String(param);
}

const RANK = Object.fromEntries(SeveritySchema.options.map((s, i) => [s, i])) as Record<Severity, number>;

/** Exit code 1 when open findings reach `--fail-on`. */
function failsOn(result: ScanResult, threshold: Severity | undefined): boolean {
  if (!threshold || !result.findings) return false;
  return result.findings.some((f) => f.exception === null && RANK[f.severity] <= RANK[threshold]);
}

async function runScanCommand(targets: string[], cmd: Command): Promise<void> {
  const ctx = cliContext(cmd);
  const opts = cmd.opts<{ json?: string; failOn?: Severity }>();
  const input = scanParamsFrom(targets, cmd, ctx.lang);
  // The engine browses mDNS only on a LAN that holds a target, so a loopback-only
  // scan never browses; saying so here keeps the result's params honest (mdns: false).
  if (onlyLoopback(targets) && input.mdns !== false) input.mdns = false;
  const parsed = ScanParamsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => issueText(i, optionForPath));
    throw new EngineError('E_BAD_INPUT', lines.join('; '), { detail: lines.join('; ') });
  }

  const engine = await loadEngine();
  const ac = new AbortController();
  const progress = createProgress({ stream: ctx.stderr, quiet: ctx.quiet, t: ctx.t, tc: ctx.tc });
  const offInterrupt = onInterrupt(ac, () => {
    progress.stop();
    ctx.stderr.write(`\n${ctx.t('scan.cancelling')}\n`);
  });
  let result: ScanResult;
  try {
    result = await engine.scan(parsed.data, { signal: ac.signal, onProgress: progress.onProgress });
  } finally {
    progress.stop();
    offInterrupt();
  }
  await output(result, opts, ctx, cmd, engine);
  if (ac.signal.aborted || result.stats.cancelled) process.exitCode = EXIT.cancelled;
  else if (failsOn(result, opts.failOn)) process.exitCode = EXIT.findings;
}

async function output(result: ScanResult, opts: { json?: string }, ctx: CliContext, cmd: Command, engine: Api): Promise<void> {
  // The JSON must validate against the published schema; a result that does not is
  // still written (a scan is never lost) but the run ends as an internal error.
  const valid = ScanResultSchema.safeParse(result);
  if (opts.json !== undefined) writeJson(valid.success ? valid.data : result, opts.json, ctx.stdout);
  if (!valid.success) {
    throw new EngineError('E_INTERNAL', 'the engine returned a result that does not match ScanResultSchema', {
      detail: valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  if (opts.json !== '-') ctx.stdout.write(renderScan(valid.data, ctx));
  for (const step of AFTER_SCAN) await step.run(valid.data, cmd.opts(), { ...ctx, engine, cmd });
}
