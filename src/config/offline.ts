// PLACEHOLDER (replaced by the config stage).
import type { z } from 'zod';
import type { ConfigFileResultSchema, MethodParsedInput } from '../api/contract.js';
import { EngineError } from '../api/errors.js';

export function readConfigFiles(_input: MethodParsedInput<'readConfigFiles'>): z.infer<typeof ConfigFileResultSchema>[] {
  throw new EngineError('E_UNSUPPORTED', 'config reading is not built yet');
}
