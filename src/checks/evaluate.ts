// PLACEHOLDER (replaced by the checks stage).
import type { AcceptedException } from '../api/contract.js';
import type { ScanResult } from '../api/result.js';

export function applyChecks(scan: ScanResult, _opts: { lang: 'en' | 'nl'; exceptions: AcceptedException[] }): ScanResult {
  return scan;
}
