// The renderer's only door to the engine: the contract's Api, built from the
// preload's bridge (window.ghostcall), plus the bridge's one extra method, the
// save dialog. Tests inject a bridge the same way.
import { apiFromBridge, saverFromBridge, type Bridge, type SaveRequest, type SavedFile } from '../../src/api/bridge.js';
import type { Api } from '../../src/api/contract.js';

declare global {
  interface Window { ghostcall?: Bridge }
}

export interface Backend {
  api: Api;
  save: (req: SaveRequest) => Promise<SavedFile | null>;
}

export function getBackend(): Backend | null {
  const bridge = window.ghostcall;
  return bridge ? { api: apiFromBridge(bridge), save: saverFromBridge(bridge) } : null;
}
