// Teardown guarantees: every live lab of this process is destroyed on exit,
// SIGINT and SIGTERM (synchronously, best effort), even when a test crashes.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destroyNamespacesSync, LAB_NS_PATTERN, listNamespacesSync, sleep } from './netns.js';

export interface Owned { namespaces: string[]; pids: number[]; dir: string | null }

const live = new Map<string, Owned>();
let hooked = false;

export function destroyOwnedSync(o: Owned): void {
  destroyNamespacesSync(o.namespaces, o.pids);
  if (o.dir) {
    try { rmSync(o.dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

function cleanupAllSync(): void {
  for (const [id, o] of live) {
    live.delete(id);
    destroyOwnedSync(o);
  }
}

function onSignal(sig: NodeJS.Signals): void {
  cleanupAllSync();
  // Keep the default behaviour (terminate) unless someone else handles the signal.
  if (process.listenerCount(sig) === 1) {
    process.removeAllListeners(sig);
    process.kill(process.pid, sig);
  }
}

export function track(id: string, o: Owned): void {
  live.set(id, o);
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanupAllSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export function untrack(id: string): void {
  live.delete(id);
}

/** A lab's `down()`: its processes asked to stop, then everything it owns removed. Idempotent. */
export function labDown(id: string, owned: Owned, children: readonly ChildProcess[]): () => Promise<void> {
  let isDown = false;
  return async () => {
    if (isDown) return;
    isDown = true;
    for (const c of children) c.kill('SIGTERM');
    await sleep(children.length ? 100 : 0);
    untrack(id);
    destroyOwnedSync(owned);
  };
}

/** A lab build that failed halfway: whatever it started goes, at once. */
export function abandonLab(id: string, owned: Owned, children: readonly ChildProcess[]): void {
  untrack(id);
  for (const c of children) c.kill('SIGKILL');
  destroyOwnedSync(owned);
}

/** Marker in a lab's temp dir: the pid that owns it, or 'keep' for `lab up`. */
export const OWNER_FILE = 'owner';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * Remove labs whose owning process died without cleaning up (e.g. a test
 * worker killed with SIGKILL on timeout). Labs kept by `lab up`, labs without
 * an owner marker and labs of live processes are left alone.
 */
export function sweepOrphanLabsSync(): string[] {
  const swept: string[] = [];
  const byId = new Map<string, string[]>();
  for (const ns of listNamespacesSync()) {
    const m = LAB_NS_PATTERN.exec(ns) ? /^gc([0-9a-z]+)-/.exec(ns) : null;
    if (m) byId.set(m[1]!, [...(byId.get(m[1]!) ?? []), ns]);
  }
  if (byId.size === 0) return swept;
  const dirs = readdirSync(tmpdir());
  for (const [id, namespaces] of byId) {
    const dir = dirs.find((d) => d.startsWith(`gc${id}-`));
    if (!dir) continue;
    let owner = '';
    try { owner = readFileSync(join(tmpdir(), dir, OWNER_FILE), 'utf8').trim(); } catch { continue; }
    if (!/^\d+$/.test(owner) || alive(Number(owner))) continue;
    destroyOwnedSync({ namespaces, pids: [], dir: join(tmpdir(), dir) });
    swept.push(id);
  }
  return swept;
}
