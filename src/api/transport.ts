// The contract over a message port (worker_threads MessagePort, Electron
// utilityProcess/MessagePortMain, or ipcRenderer): one generic call/cancel/
// progress/result protocol, derived from the contract's method names. Errors
// cross as an envelope, never as thrown objects.
import { z } from 'zod';
import { contract, METHOD_NAMES, type Api, type CallContext, type MethodName } from './contract.js';
import { toErrorData, EngineError, EngineErrorSchema, type Envelope } from './errors.js';
import { ProgressSchema } from './progress.js';

/** The minimal duplex a transport needs; adapters wrap the concrete port types. */
export interface Wire {
  send(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): () => void;
}

const MethodSchema = z.enum(METHOD_NAMES as [MethodName, ...MethodName[]]);
const ToEngine = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int(), method: MethodSchema, input: z.unknown() }),
  z.object({ t: z.literal('cancel'), id: z.number().int() }),
]);
const FromEngine = z.discriminatedUnion('t', [
  z.object({ t: z.literal('progress'), id: z.number().int(), progress: ProgressSchema }),
  z.object({ t: z.literal('result'), id: z.number().int(), envelope: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: EngineErrorSchema }),
  ]) }),
]);

/** Serve an Api on a wire. Returns a function that stops serving and cancels running calls. */
export function serveApi(api: Api, wire: Wire): () => void {
  const running = new Map<number, AbortController>();
  const off = wire.onMessage(async (raw) => {
    const msg = ToEngine.safeParse(raw);
    if (!msg.success) return; // not ours: ignore rather than crash the host
    if (msg.data.t === 'cancel') {
      running.get(msg.data.id)?.abort();
      return;
    }
    const { id, method, input } = msg.data;
    const ac = new AbortController();
    running.set(id, ac);
    const fn = api[method] as (i: unknown, c: CallContext) => Promise<unknown>;
    let envelope: Envelope<unknown>;
    try {
      const value = await fn(input, { signal: ac.signal, onProgress: (progress) => wire.send({ t: 'progress', id, progress }) });
      envelope = { ok: true, value };
    } catch (err) {
      envelope = { ok: false, error: toErrorData(err) };
    } finally {
      running.delete(id);
    }
    wire.send({ t: 'result', id, envelope });
  });
  return () => {
    off();
    for (const ac of running.values()) ac.abort();
  };
}

/** A client Api over a wire. Outputs are validated against the contract on arrival. */
export function connectApi(wire: Wire): Api {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; method: MethodName; ctx: CallContext }>();
  wire.onMessage((raw) => {
    const msg = FromEngine.safeParse(raw);
    if (!msg.success) return;
    const call = pending.get(msg.data.id);
    if (!call) return;
    if (msg.data.t === 'progress') {
      call.ctx.onProgress?.(msg.data.progress);
      return;
    }
    pending.delete(msg.data.id);
    const env = msg.data.envelope;
    if (!env.ok) {
      call.reject(new EngineError(env.error.code, env.error.message, env.error.params));
      return;
    }
    const out = contract[call.method].output.safeParse(env.value);
    if (out.success) call.resolve(out.data);
    else call.reject(new EngineError('E_INTERNAL', `engine returned an invalid ${call.method} result`));
  });
  const api = {} as Record<MethodName, (input: unknown, ctx?: CallContext) => Promise<unknown>>;
  for (const method of METHOD_NAMES) {
    api[method] = (input: unknown, ctx: CallContext = {}) => new Promise((resolve, reject) => {
      const id = nextId++;
      if (ctx.signal?.aborted) return reject(new EngineError('E_CANCELLED', 'cancelled'));
      pending.set(id, { resolve, reject, method, ctx });
      ctx.signal?.addEventListener('abort', () => wire.send({ t: 'cancel', id }), { once: true });
      wire.send({ t: 'call', id, method, input });
    });
  }
  return api as unknown as Api;
}
