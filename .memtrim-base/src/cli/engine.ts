// The engine for a command, loaded on first use: `ghostcall --help`, usage errors
// and offline commands start without loading the discovery/report stages (and a
// stage that fails to load breaks only the commands that need it).
import type { Api } from '../api/contract.js';

let engine: Promise<Api> | undefined;

export function loadEngine(): Promise<Api> {
  engine ??= import('../engine.js').then((m) => m.createEngine());
  return engine;
}
