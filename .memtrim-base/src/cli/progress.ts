// Progress on stderr: a bar on a terminal (cli-progress), throttled plain lines
// otherwise (logs, CI), nothing with --quiet. stdout stays clean for the table/JSON.
import cliProgress from 'cli-progress';
import type { TFunction } from 'i18next';
import type { Progress } from '../api/progress.js';
import { inert } from '../util/inert.js';

export interface ProgressReporter {
  onProgress: (p: Progress) => void;
  stop: () => void;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  quiet: boolean;
  t: TFunction; // cli namespace
  tc: TFunction; // common namespace
  /** Minimum time between plain lines (ms). */
  plainEveryMs?: number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function createProgress(opts: ProgressOptions): ProgressReporter {
  if (opts.quiet) return { onProgress: () => {}, stop: () => {} };
  const startedAt = Date.now();
  return opts.stream.isTTY ? barReporter(opts, startedAt) : plainReporter(opts, startedAt);
}

/** Elapsed time is the command's own clock: stages each report theirs from their own start. */
function payload(p: Progress, { t, tc }: ProgressOptions, startedAt: number): Record<string, string | number> {
  return {
    phase: String(tc(`phase.${p.phase}`)).padEnd(14),
    foundLabel: String(t('progress.found')),
    found: p.found,
    elapsed: seconds(Date.now() - startedAt),
    message: p.message ? ` ${inert(p.message, 40)}` : '',
  };
}

function barReporter(opts: ProgressOptions, startedAt: number): ProgressReporter {
  const bar = new cliProgress.SingleBar({
    stream: opts.stream,
    format: ' {phase} {bar} {value}/{total} | {foundLabel}: {found} | {elapsed}{message}',
    barsize: 24,
    hideCursor: false, // a second Ctrl-C exits at once: never leave the cursor hidden
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 10,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  let stopped = false; // after stop (e.g. Ctrl-C), late events must not redraw the bar
  return {
    onProgress: (p) => {
      if (stopped) return;
      const total = Math.max(p.total, p.done, 1);
      if (!started) {
        bar.start(total, p.done, payload(p, opts, startedAt));
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(p.done, payload(p, opts, startedAt));
    },
    stop: () => {
      if (started) bar.stop();
      stopped = true;
    },
  };
}

function plainReporter(opts: ProgressOptions, startedAt: number): ProgressReporter {
  const every = opts.plainEveryMs ?? 2000;
  let lastAt = 0;
  let lastPhase = '';
  let stopped = false;
  return {
    onProgress: (p) => {
      if (stopped) return;
      const now = Date.now();
      if (p.phase === lastPhase && now - lastAt < every) return;
      lastAt = now;
      lastPhase = p.phase;
      const pl = payload(p, opts, startedAt);
      opts.stream.write(`[${String(opts.tc(`phase.${p.phase}`))}] ${p.done}/${p.total} | ${pl.foundLabel}: ${p.found} | ${pl.elapsed}${pl.message}\n`);
    },
    stop: () => {
      stopped = true;
    },
  };
}
