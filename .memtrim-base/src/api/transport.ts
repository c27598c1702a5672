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
  // A port that closed under us must not become an unhandled rejection in the host.
  const send = (msg: unknown): void => {
    try { wire.send(msg); } catch { /* peer gone: nothing to tell */ }
  };
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
      const value = await fn(input, { signal: ac.signal, onProgress: (progress) => send({ t: 'progress', id, progress }) });
      envelope = { ok: true, value };
    } catch (err) {
      envelope = { ok: false, error: toErrorData(err) };
    } finally {
      running.delete(id);
    }
    send({ t: 'result', id, envelope });
  });
  return () => {
    off();
    for (const ac of running.values()) ac.abort();
  };
}

/** A client of the contract over a wire, and a way to fail it when the peer is gone. */
export interface ApiClient {
  api: Api;
  /** The peer died: every pending call rejects with `err`, and so does every later call. */
  fail(err: EngineError): void;
}

/** A client Api over a wire. Outputs are validated against the contract on arrival. */
export function connectClient(wire: Wire): ApiClient {
  let nextId = 1;
  let dead: EngineError | null = null;
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
      if (dead) return reject(dead);
      if (ctx.signal?.aborted) return reject(new EngineError('E_CANCELLED', 'cancelled'));
      const id = nextId++;
      const onAbort = (): void => wire.send({ t: 'cancel', id });
      // Settling removes the call and its abort listener: a long-lived signal must not
      // collect one listener per call, nor send cancels for calls long finished.
      const settle = (f: (v: unknown) => void) => (v: unknown): void => {
        pending.delete(id);
        ctx.signal?.removeEventListener('abort', onAbort);
        f(v);
      };
      const call = { resolve: settle(resolve), reject: settle(reject), method, ctx };
      pending.set(id, call);
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        wire.send({ t: 'call', id, method, input });
      } catch (err) {
        call.reject(new EngineError('E_INTERNAL', `engine unreachable: ${err instanceof Error ? err.message : String(err)}`));
      }
    });
  }
  return {
    api: api as unknown as Api,
    fail(err) {
      dead = err;
      for (const call of [...pending.values()]) call.reject(err);
    },
  };
}

/** A client Api over a wire (see connectClient for one that can be failed when the peer dies). */
export function connectApi(wire: Wire): Api {
  return connectClient(wire).api;
}
