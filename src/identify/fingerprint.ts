// PLACEHOLDER (replaced by the identify stage): keeps the pipeline compiling while it is built.
import type { FingerprintRowSchema } from '../api/contract.js';
import type { Device, Fingerprint } from '../api/result.js';
import type { z } from 'zod';
import { EngineError } from '../api/errors.js';

export function fingerprintValues(_values: string[]): z.infer<typeof FingerprintRowSchema>[] {
  throw new EngineError('E_UNSUPPORTED', 'fingerprinting is not built yet');
}
export function fingerprintDevice(_d: Device): Fingerprint | null {
  return null;
}
