// Thin wrappers around `ip netns` and friends. Everything the lab creates lives
// inside namespaces named `gc<id>-<role>`; nothing is ever created in the root
// namespace, so deleting the namespaces is a complete cleanup.
import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface ExecOptions { timeoutMs?: number; input?: string; env?: Record<string, string> }
export interface ExecResult { stdout: string; stderr: string; code: number | null }

/** Namespaces made by any lab (stale ones are removed by `lab down --all`). */
export const LAB_NS_PATTERN = /^gc[0-9a-z]{3,10}-[a-z0-9]+$/;

/** Short id, unique across concurrently running test files: pid + randomness. */
export function newLabId(): string {
  return (process.pid % 46656).toString(36).padStart(3, '0') + randomBytes(2).toString('hex');
}

export function nsName(id: string, role: string): string {
  return `gc${id}-${role}`;
}

/** Run a command and collect its output; never rejects (code null = killed/timeout). */
export function run(cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const [file, ...args] = cmd;
  if (!file) return Promise.resolve({ stdout: '', stderr: 'empty command', code: 127 });
  return new Promise((resolve) => {
    const child = execFile(file, args, {
      timeout: opts.timeoutMs ?? 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      killSignal: 'SIGKILL',
    }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      let code: number | null = 0;
      if (e) code = typeof e.code === 'number' ? e.code : e.code === 'ENOENT' ? 127 : null;
      resolve({ stdout: String(stdout), stderr: String(stderr) + (e && typeof e.code !== 'number' && !stderr ? e.message : ''), code });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/** Like run() but throws with the command's stderr when it fails. */
export async function mustRun(cmd: string[], opts: ExecOptions = {}): Promise<string> {
  const r = await run(cmd, opts);
  if (r.code !== 0) throw new Error(`lab: \`${cmd.join(' ')}\` failed (${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

export function execIn(ns: string, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return run(['ip', 'netns', 'exec', ns, ...cmd], opts);
}

export function spawnIn(ns: string, cmd: string[], opts: SpawnOptions = {}): ChildProcess {
  // `ip netns exec` execs the command, so the child's pid is the program itself.
  return spawn('ip', ['netns', 'exec', ns, ...cmd], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Feed many `ip` commands through one process (`ip -batch -`): 200 macvlans in well under a second. */
export async function ipBatch(lines: string[], ns?: string): Promise<void> {
  if (lines.length === 0) return;
  const cmd = ns ? ['ip', '-n', ns, '-batch', '-'] : ['ip', '-batch', '-'];
  await mustRun(cmd, { input: lines.join('\n') + '\n', timeoutMs: 120_000 });
}

export async function listNamespaces(): Promise<string[]> {
  const out = await run(['ip', 'netns', 'list']);
  return out.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

export function listNamespacesSync(): string[] {
  try {
    return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter(Boolean);
  } catch {
    return [];
  }
}

/** Pids of every process living in a namespace (catches daemons such as `sipp -bg`). */
export function nsPidsSync(ns: string): number[] {
  try {
    return execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 1);
  } catch {
    return [];
  }
}

export function killPidSync(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try { process.kill(pid, signal); } catch { /* already gone */ }
}

/**
 * Synchronous, best-effort removal of namespaces and everything running in
 * them; safe from an `exit` handler. Deleting a namespace deletes its links,
 * so veths and macvlans go with it.
 */
export function destroyNamespacesSync(names: string[], extraPids: number[] = []): void {
  const existing = new Set(listNamespacesSync());
  for (const pid of extraPids) killPidSync(pid);
  for (const ns of names) if (existing.has(ns)) for (const pid of nsPidsSync(ns)) killPidSync(pid);
  for (const ns of names) {
    if (!existing.has(ns)) continue;
    try { execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' }); } catch { /* retried below */ }
  }
  // A namespace held by a dying process can refuse deletion for a moment: retry once.
  const left = listNamespacesSync().filter((n) => names.includes(n));
  for (const ns of left) {
    for (const pid of nsPidsSync(ns)) killPidSync(pid);
    try { execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' }); } catch { /* give up */ }
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
