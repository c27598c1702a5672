// Worker entry for the transport tests: serves the engine over the worker's port
// with the network guard loaded first. workerData.mode 'fake' serves a slow
// test double instead, to exercise progress and cancellation of the transport
// itself whatever stage of the engine is built.
import { guardAttempts } from './net-guard.js';
import { parentPort, workerData } from 'node:worker_threads';
import { serveApi } from '../../src/api/transport.js';
import { messagePortWire } from '../../src/api/wires.js';
import { createLocalApi } from '../../src/api/local.js';
import { EngineError } from '../../src/api/errors.js';
import type { Api, Handlers } from '../../src/api/contract.js';

if (!parentPort) throw new Error('engine-worker must run in a worker thread');
const port = parentPort;

const unsupported = async (): Promise<never> => {
  throw new EngineError('E_UNSUPPORTED', 'not in the test double');
};
/** A test double (the real engine is imported only in 'real' mode): `scan` ticks progress every 20 ms until aborted. */
const slow: Handlers = {
  version: async () => ({ name: 'ghostcall', version: 'test-double', schemaVersion: 1 }),
  fingerprint: unsupported,
  readConfigFiles: unsupported,
  checks: unsupported,
  report: unsupported,
  reach: unsupported,
  scan: (params, ctx) => new Promise((_resolve, reject) => {
    const started = Date.now();
    let done = 0;
    const timer = setInterval(() => {
      done++;
      ctx.onProgress({ phase: 'sweep', done, total: 1_000_000, found: 0, elapsedMs: Date.now() - started, message: params.targets.join(',') });
    }, 20);
    ctx.signal.addEventListener('abort', () => {
      clearInterval(timer);
      port.postMessage({ t: 'fake-aborted', done });
      reject(new EngineError('E_CANCELLED', 'cancelled'));
    }, { once: true });
  }),
};

const mode = (workerData as { mode?: string } | undefined)?.mode;
const api: Api = mode === 'fake' ? createLocalApi(slow) : (await import('../../src/engine.js')).createEngine();
serveApi(api, messagePortWire(port));
port.on('message', (m: unknown) => {
  if ((m as { t?: string } | null)?.t === 'guard?') port.postMessage({ t: 'guard', attempts: guardAttempts() });
});
