// PLACEHOLDER (replaced by the report stage).
import type { CallContext, MethodParsedInput } from '../api/contract.js';
import { EngineError } from '../api/errors.js';

export async function renderReport(_input: MethodParsedInput<'report'>, _ctx: Required<CallContext>): Promise<{ outFile: string; pages: number; bytes: number }> {
  throw new EngineError('E_UNSUPPORTED', 'the PDF report is not built yet');
}
