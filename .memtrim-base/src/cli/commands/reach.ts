// `ghostcall reach --endpoint URL [--ports LIST] [--transports LIST] [--timeout MS] [--json FILE|-]`:
// the external reachability test through the engine's `reach` method. The echo
// endpoint is always user-given: no service is contacted without --endpoint.
// Exit 3 when the echo server could not be used at all (nothing was tested).
import { Option, type Command } from 'commander';
import type { TFunction } from 'i18next';
import { contract } from '../../api/contract.js';
import { EngineError } from '../../api/errors.js';
import type { Reach } from '../../api/result.js';
import { inert } from '../../util/inert.js';
import { cliContext, cliT } from '../context.js';
import { loadEngine } from '../engine.js';
import { EXIT } from '../exit-codes.js';
import { issueText, parseInteger, parsePorts, parseTransports } from '../options.js';
import { writeJson } from '../output.js';
import { createProgress } from '../progress.js';
import { onInterrupt } from '../signals.js';

interface ReachCliOptions { endpoint: string; ports?: number[]; transports?: string[]; timeout?: number; json?: string }

const FLAG: Record<string, string> = { endpoint: '--endpoint', ports: '--ports', transports: '--transports', timeoutMs: '--timeout' };

export function register(program: Command): void {
  const t = cliT();
  program.command('reach')
    .description(t('reach.description'))
    .addOption(new Option('--endpoint <url>', t('reach.opt.endpoint')).makeOptionMandatory())
    .addOption(new Option('-p, --ports <list>', `${t('reach.opt.ports')} ${t('help.default', { value: '5060' })}`).argParser(parsePorts))
    .addOption(new Option('-t, --transports <list>', `${t('reach.opt.transports')} ${t('help.default', { value: 'udp,tcp' })}`).argParser(parseTransports))
    .addOption(new Option('--timeout <ms>', `${t('reach.opt.timeout')} ${t('help.default', { value: '5000' })}`).argParser(parseInteger))
    .addOption(new Option('--json <file>', t('reach.opt.json')))
    .addHelpText('after', `\n${t('reach.helpNotes')}`)
    .action(async (opts: ReachCliOptions, cmd: Command) => { await runReachCommand(opts, cmd); });
}

/** The human summary of a reach result (device strings inert). */
export function renderReach(r: Reach, t: TFunction): string {
  const yn = (v: boolean | null): string => (v === null ? t('reach.unknown') : t(v ? 'reach.yes' : 'reach.no'));
  const lines = [t('reach.publicIp', { ip: inert(r.publicIp ?? t('reach.unknown'), 60) })];
  for (const p of r.probes) {
    lines.push(`  ${p.transport}/${p.port}: ${p.reachable ? t('reach.reachable', { by: inert(p.answeredBy ?? '?', 120) }) : t('reach.notReachable')}`);
  }
  lines.push(t('reach.sipAlg', { value: yn(r.sipAlg) }), t('reach.nat', { value: r.natFiltering ?? t('reach.unknown') }));
  const open = r.probes.filter((p) => p.reachable);
  if (r.probes.length > 0) lines.push('', open.length > 0 ? t('reach.exposed') : t('reach.notExposed'));
  if (r.error) lines.push('', t('reach.error', { error: inert(r.error, 400) }));
  return `${lines.join('\n')}\n`;
}

async function runReachCommand(opts: ReachCliOptions, cmd: Command): Promise<void> {
  const ctx = cliContext(cmd);
  const parsed = contract.reach.input.safeParse({ endpoint: opts.endpoint, ports: opts.ports, transports: opts.transports, timeoutMs: opts.timeout });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => issueText(i, (path) => FLAG[String(path[0])] ?? String(path[0])));
    throw new EngineError('E_BAD_INPUT', lines.join('; '), { detail: lines.join('; ') });
  }
  const engine = await loadEngine();
  const ac = new AbortController();
  const progress = createProgress({ stream: ctx.stderr, quiet: ctx.quiet, t: ctx.t, tc: ctx.tc });
  const off = onInterrupt(ac, () => { progress.stop(); ctx.stderr.write(`\n${ctx.t('scan.cancelling')}\n`); });
  let r: Reach;
  try {
    r = await engine.reach(parsed.data, { signal: ac.signal, onProgress: progress.onProgress });
  } finally {
    progress.stop();
    off();
  }
  if (opts.json !== undefined) writeJson(r, opts.json, ctx.stdout);
  if (opts.json !== '-') ctx.stdout.write(renderReach(r, ctx.t));
  if (ac.signal.aborted) process.exitCode = EXIT.cancelled;
  else if (r.probes.length === 0 && r.error) process.exitCode = EXIT.network;
}
