// `ghostcall checks SCAN.json [--exceptions FILE.json] [--json FILE|-]`: re-evaluate
// the risk checks on a saved scan through the engine's `checks` method, in the
// chosen language (global --lang), with accepted exceptions; print the findings
// (device strings inert) or the re-evaluated scan as JSON. Exit 4 for a file that
// cannot be read or is not a scan / exceptions list.
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { contract, ExceptionSchema, type AcceptedException } from '../../api/contract.js';
import { EngineError } from '../../api/errors.js';
import { ScanResultSchema, type Finding, type ScanResult } from '../../api/result.js';
import { applyChecks } from '../../checks/evaluate.js';
import { translator, type Lang } from '../../i18n/index.js';
import { inert } from '../../util/inert.js';
import { VENDOR_LABELS } from '../../checks/vendors.js';
import { deviceVendorKey } from '../../checks/evidence.js';
import { cliContext, cliT, type CliContext } from '../context.js';
import { writeJson } from '../output.js';
import { readJsonFile } from '../files.js';

export function register(program: Command): void {
  const t = cliT('checks');
  program
    .command('checks')
    .description(t('cli.description'))
    .argument('<scan>', 'SCAN.json')
    .addOption(new Option('--exceptions <file>', t('cli.optExceptions')))
    .addOption(new Option('--json <file>', t('cli.optJson')))
    .action(async (file: string, opts: { exceptions?: string; json?: string }, cmd: Command) => {
      await runChecksCommand(file, opts, cliContext(cmd));
    });
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const detail = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new EngineError('E_PARSE', `${file}: ${detail}`, { file, detail });
}

export async function runChecksCommand(file: string, opts: { exceptions?: string; json?: string }, ctx: CliContext): Promise<void> {
  const scan = parseOrThrow(ScanResultSchema, await readJsonFile(file), file);
  const exceptions: AcceptedException[] = opts.exceptions
    ? parseOrThrow(z.array(ExceptionSchema), await readJsonFile(opts.exceptions), opts.exceptions)
    : [];
  // The contract's `checks` method (input and output schemas, the engine's handler is
  // applyChecks), without loading the whole engine (sweep, PDF…): faster to start.
  const input = contract.checks.input.parse({ scan, lang: ctx.lang, exceptions });
  const result = contract.checks.output.parse(applyChecks(input.scan, { lang: input.lang, exceptions: input.exceptions }));
  if (opts.json !== undefined) writeJson(result, opts.json, ctx.stdout);
  if (opts.json !== '-') ctx.stdout.write(renderFindings(result, ctx.lang));
}

/** The vendor labels of the devices a finding names (the terminal shows only their steps; JSON keeps all). */
function vendorsOf(f: Finding, scan: ScanResult): Set<string> {
  const named = new Set(f.devices);
  const out = new Set<string>();
  for (const d of scan.devices) {
    if (!named.has(d.ip)) continue;
    const k = deviceVendorKey(d); // as the checks ordered the finding's vendors
    if (k) out.add(VENDOR_LABELS[k]);
  }
  return out;
}

function renderFinding(f: Finding, t: ReturnType<typeof translator>, scan: ScanResult): string {
  const lines = [`[${t(`severity.${f.severity}`).toUpperCase()}] ${f.id}  ${inert(f.title, 200)}`];
  if (f.devices.length > 0) lines.push(`  ${t('cli.devices')}: ${f.devices.map((d) => inert(d, 60)).join(', ')}`);
  for (const e of f.evidence.slice(0, 8)) {
    lines.push(`  ${t('cli.evidence')}: ${[e.device, e.probe, e.item].filter(Boolean).map((x) => inert(x, 80)).join(' ')} = ${inert(e.value, 160)}`);
  }
  if (f.evidence.length > 8) lines.push(`  … +${f.evidence.length - 8}`);
  lines.push(`  ${t('cli.fix')}: ${inert(f.remediation.generic, 400)}`);
  const mine = vendorsOf(f, scan);
  const shown = f.remediation.vendors.filter((v) => mine.size === 0 || mine.has(v.vendor));
  for (const v of shown) lines.push(`    ${inert(v.vendor, 40)}: ${v.steps.map((s) => inert(s, 300)).join(' ')}`);
  if (f.exception) lines.push(`  ${t('cli.exception', { reason: inert(f.exception.reason, 200), by: inert(f.exception.by ?? '-', 60), at: inert(f.exception.at ?? '-', 40) })}`);
  return lines.join('\n');
}

export function renderFindings(scan: ScanResult, lang: Lang): string {
  const t = translator(lang, 'checks');
  const findings = scan.findings ?? [];
  const out: string[] = [];
  if (scan.site) out.push(`${t('verdict.question')} ${inert(scan.site.verdictText, 400)}`, '');
  out.push(findings.length > 0 ? t('cli.header', { count: findings.length }) : t('cli.none'));
  for (const f of findings) out.push('', renderFinding(f, t, scan));
  if (scan.site) {
    out.push('', t('cli.score', { score: scan.site.score, worst: scan.site.worstSeverity ? t(`severity.${scan.site.worstSeverity}`) : '-' }));
    for (const [ip, score] of Object.entries(scan.site.deviceScores)) if (score > 0) out.push(`  ${t('cli.deviceScore', { ip: inert(ip, 60), score })}`);
  }
  if (scan.checksNotRun && scan.checksNotRun.length > 0) out.push('', t('cli.notChecked', { ids: scan.checksNotRun.join(', ') }));
  return `${out.join('\n')}\n`;
}
