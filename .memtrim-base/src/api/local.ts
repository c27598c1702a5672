// In-process client of the contract: validates input with the contract's schema,
// fills defaults, and hands the engine a context with a signal and a progress sink.
import { contract, type Api, type Handlers, type MethodName, type CallContext } from './contract.js';
import { EngineError } from './errors.js';

const noop = (): void => {};

export function createLocalApi(handlers: Handlers): Api {
  const api = {} as Record<MethodName, (input: unknown, ctx?: CallContext) => Promise<unknown>>;
  for (const name of Object.keys(contract) as MethodName[]) {
    api[name] = async (input: unknown, ctx: CallContext = {}) => {
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        throw new EngineError('E_BAD_INPUT', `invalid input for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { method: name });
      }
      const signal = ctx.signal ?? new AbortController().signal;
      if (signal.aborted) throw new EngineError('E_CANCELLED', 'cancelled');
      const handler = handlers[name] as (i: unknown, c: Required<CallContext>) => Promise<unknown>;
      return handler(parsed.data, { signal, onProgress: ctx.onProgress ?? noop });
    };
  }
  return api as unknown as Api;
}
