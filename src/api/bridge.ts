// The shape the Electron preload exposes to the renderer (window.ghostcall), and
// the adapter that turns it back into the contract's Api. Functions and
// AbortSignals can't cross contextBridge as-is, so a call carries a callId and
// cancellation is a separate message. No Node imports: the renderer uses this.
import { z } from 'zod';
import { METHOD_NAMES, type Api, type CallContext, type MethodName } from './contract.js';
import type { Envelope } from './errors.js';
import { EngineError } from './errors.js';
import type { Progress } from './progress.js';
import { ScanResultSchema } from './result.js';

/**
 * The one bridge method beside the contract's: the renderer can't pick file paths,
 * so the main process asks the user (a save dialog). A JSON save is written by the
 * main process (the scan is validated first); a PDF save returns a single-use token
 * that the renderer passes as the `report` call's `outFile` (main swaps in the path).
 */
export const SaveRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf'), suggestedName: z.string().max(200) }),
  z.object({ kind: z.literal('json'), suggestedName: z.string().max(200), scan: ScanResultSchema }),
]);
export type SaveRequest = z.input<typeof SaveRequestSchema>;
/** The user's choice: the file's base name (to show) and, for a PDF, the token for `report`'s outFile. */
export interface SavedFile { name: string; token: string | null }

export interface Bridge {
  /** Names of the contract's methods, as the main process knows them. */
  readonly methods: readonly string[];
  call(method: MethodName, input: unknown, callId: string, onProgress?: (p: Progress) => void): Promise<Envelope<unknown>>;
  cancel(callId: string): void;
  /** Save dialog in the main process; null = the user cancelled. */
  saveFile(req: SaveRequest): Promise<Envelope<SavedFile | null>>;
}

/** The bridge's saveFile as a plain async function (errors thrown as EngineError, like the Api's). */
export function saverFromBridge(bridge: Bridge): (req: SaveRequest) => Promise<SavedFile | null> {
  return async (req) => {
    const env = await bridge.saveFile(req);
    if (!env.ok) throw new EngineError(env.error.code, env.error.message, env.error.params);
    return env.value;
  };
}

let seq = 0;
const nextCallId = (): string => `c${Date.now().toString(36)}-${(++seq).toString(36)}`;

export function apiFromBridge(bridge: Bridge): Api {
  const api = {} as Record<MethodName, (input: unknown, ctx?: CallContext) => Promise<unknown>>;
  for (const method of METHOD_NAMES) {
    api[method] = async (input: unknown, ctx: CallContext = {}) => {
      const callId = nextCallId();
      if (ctx.signal?.aborted) throw new EngineError('E_CANCELLED', 'cancelled');
      const onAbort = (): void => bridge.cancel(callId);
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const env = await bridge.call(method, input, callId, ctx.onProgress);
        if (!env.ok) throw new EngineError(env.error.code, env.error.message, env.error.params);
        return env.value;
      } finally {
        ctx.signal?.removeEventListener('abort', onAbort);
      }
    };
  }
  return api as unknown as Api;
}
