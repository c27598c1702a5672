// Teardown guarantees: every live lab of this process is destroyed on exit,
// SIGINT and SIGTERM (synchronously, best effort), even when a test crashes.
import { rmSync } from 'node:fs';
import { destroyNamespacesSync } from './netns.js';

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
