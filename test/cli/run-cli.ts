// Runs the built CLI (`node bin/ghostcall.js`) as a child process, with the
// network guard (test/api/net-guard.ts) loaded first: any attempt to reach a
// non-loopback address is refused and logged, and returned as `guard`.
// `npm test` builds first (`npm run build`); ensureBuilt() rebuilds dist/ when
// it is missing or older than src/ (type errors elsewhere are the typecheck's job).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuardAttempt } from '../api/net-guard.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/ghostcall.js');
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const GUARD = join(ROOT, 'test/api/net-guard.ts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch { /* tsc still emits on type errors; those fail `npm run typecheck`, not these tests */ }
  if (!existsSync(MAIN)) throw new Error('dist/src/cli/main.js was not built');
}

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; guard: GuardAttempt[] }

export interface CliOptions {
  env?: Record<string, string>;
  /** Called with each stderr chunk and the child (e.g. to send SIGINT once progress shows). */
  onStderr?: (chunk: string, child: ChildProcess) => void;
  timeoutMs?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-cli-'));
  const log = join(dir, 'guard.log');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LANG: 'C.UTF-8', NO_COLOR: '1', GHOSTCALL_NET_GUARD_LOG: log, ...opts.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  if (opts.env?.LC_ALL) env.LC_ALL = opts.env.LC_ALL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', GUARD, BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; opts.onStderr?.(c, child); });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const guard = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GuardAttempt) : [];
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, guard });
    });
  });
}
