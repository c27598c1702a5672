// The engine: the contract's handlers, wired to the pipeline stages. Pure Node;
// runs in the CLI's process, in a worker, or in Electron's utilityProcess.
import { createLocalApi } from './api/local.js';
import type { Api, Handlers } from './api/contract.js';
import { SCHEMA_VERSION } from './api/result.js';
import { VERSION } from './version.js';

// Each stage is imported by the first call that needs it: `ghostcall fingerprint`
// does not load the sweep, config readers or PDF report, and startup stays light.
export const handlers: Handlers = {
  version: async () => ({ name: 'ghostcall', version: VERSION, schemaVersion: SCHEMA_VERSION }),
  scan: async (params, ctx) => (await import('./scan.js')).runScan(params, ctx),
  fingerprint: async ({ values }) => (await import('./identify/fingerprint.js')).fingerprintValues(values),
  readConfigFiles: async (input) => (await import('./config/offline.js')).readConfigFiles(input),
  checks: async ({ scan, lang, exceptions }) => (await import('./checks/evaluate.js')).applyChecks(scan, { lang, exceptions }),
  report: async (input, ctx) => (await import('./report/pdf.js')).renderReport(input, ctx),
  reach: async (input, ctx) => (await import('./reach/client.js')).runReach(input, ctx),
};

export function createEngine(): Api {
  return createLocalApi(handlers);
}
