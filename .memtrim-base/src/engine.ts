// The engine: the contract's handlers, wired to the pipeline stages. Pure Node;
// runs in the CLI's process, in a worker, or in Electron's utilityProcess.
import { createLocalApi } from './api/local.js';
import type { Api, Handlers } from './api/contract.js';
import { SCHEMA_VERSION } from './api/result.js';
import { VERSION } from './version.js';
import { runScan } from './scan.js';
import { fingerprintValues } from './identify/fingerprint.js';
import { readConfigFiles } from './config/offline.js';
import { applyChecks } from './checks/evaluate.js';
import { renderReport } from './report/pdf.js';
import { runReach } from './reach/client.js';

export const handlers: Handlers = {
  version: async () => ({ name: 'ghostcall', version: VERSION, schemaVersion: SCHEMA_VERSION }),
  scan: (params, ctx) => runScan(params, ctx),
  fingerprint: async ({ values }) => fingerprintValues(values),
  readConfigFiles: async (input) => readConfigFiles(input),
  checks: async ({ scan, lang, exceptions }) => applyChecks(scan, { lang, exceptions }),
  report: (input, ctx) => renderReport(input, ctx),
  reach: (input, ctx) => runReach(input, ctx),
};

export function createEngine(): Api {
  return createLocalApi(handlers);
}
