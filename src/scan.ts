// PLACEHOLDER (replaced by the discovery stage): the scan pipeline.
import type { CallContext } from './api/contract.js';
import type { ScanParams, ScanResult } from './api/result.js';
import { EngineError } from './api/errors.js';

export async function runScan(_params: ScanParams, _ctx: Required<CallContext>): Promise<ScanResult> {
  throw new EngineError('E_UNSUPPORTED', 'scan is not built yet');
}
