// Entry points of the identify stage (see ARCHITECTURE.md): header values →
// rows for `ghostcall fingerprint`, and a device's evidence → its fingerprint.
import type { z } from 'zod';
import type { FingerprintRowSchema } from '../api/contract.js';
import { matchValue } from './match.js';

export { fingerprintDevice } from './device.js';

export type FingerprintRow = z.infer<typeof FingerprintRowSchema>;

/** One row per value, nulls where unknown (never a guess). */
export function fingerprintValues(values: string[]): FingerprintRow[] {
  return values.map((input) => {
    const hit = matchValue(input);
    return {
      input,
      vendor: hit?.vendor ?? null,
      model: hit?.model ?? null,
      firmware: hit?.firmware ?? null,
      type: hit?.type ?? null,
    };
  });
}
