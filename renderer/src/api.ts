// The renderer's only door to the engine: the contract's Api, built from the
// preload's bridge (window.ghostcall). Tests inject a bridge the same way.
import { apiFromBridge, type Bridge } from '../../src/api/bridge.js';
import type { Api } from '../../src/api/contract.js';

declare global {
  interface Window { ghostcall?: Bridge }
}

export function getApi(): Api | null {
  return window.ghostcall ? apiFromBridge(window.ghostcall) : null;
}
