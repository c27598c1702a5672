// The API contract across a thread boundary: the real engine served in a
// worker_threads Worker over a MessagePort (as Electron's utilityProcess will
// serve it), a client connected with connectApi. Network: loopback only; the
// worker loads test/api/net-guard.ts first, which refuses and records any other
// destination.
import { Worker } from 'node:worker_threads';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../../src/api/transport.js';
import { messagePortWire } from '../../src/api/wires.js';
import { EngineError } from '../../src/api/errors.js';
import { ProgressSchema, type Progress } from '../../src/api/progress.js';
import { ScanResultSchema, SCHEMA_VERSION } from '../../src/api/result.js';
import { VERSION } from '../../src/version.js';
import type { Api } from '../../src/api/contract.js';
import type { GuardAttempt } from './net-guard.js';
import { startSipResponder, type SipResponder } from '../cli/sip-responder.js';

const ENTRY = pathToFileURL(fileURLToPath(new URL('./engine-worker.ts', import.meta.url))).href;
// `execArgv: ['--import', 'tsx']` races the loader's registration against the
// worker's .ts entry on Node 20 (ERR_UNKNOWN_FILE_EXTENSION): register tsx first, then import.
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); });`;

interface Served { worker: Worker; api: Api; guard: () => Promise<GuardAttempt[]> }

function serve(mode: 'real' | 'fake'): Served {
  const worker = new Worker(BOOT, { eval: true, workerData: { mode } });
  // A worker that fails to load or dies fails every call instead of hanging it (as EngineClient does on a utilityProcess exit).
  const client = connectClient(messagePortWire(worker));
  worker.once('error', (err) => client.fail(new EngineError('E_INTERNAL', `engine worker failed: ${err.message}`)));
  worker.once('exit', (code) => client.fail(new EngineError('E_INTERNAL', `engine worker exited with code ${code}`)));
  const api = client.api;
  const guard = () => new Promise<GuardAttempt[]>((resolve) => {
    const on = (m: { t?: string; attempts?: GuardAttempt[] }) => {
      if (m?.t !== 'guard') return;
      worker.off('message', on);
      resolve(m.attempts ?? []);
    };
    worker.on('message', on);
    worker.postMessage({ t: 'guard?' });
  });
  return { worker, api, guard };
}

async function rejection(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (err) {
    return err as EngineError;
  }
  throw new Error('expected a rejection');
}

/** Loopback-only scan parameters: no mDNS (it would multicast on the LAN), no web probe. */
const LOOPBACK = { mdns: false, http: false, config: false, checks: false, transports: ['udp' as const] };

describe('engine served in a worker thread', () => {
  let real: Served;
  let sip: SipResponder;

  beforeAll(async () => {
    real = serve('real');
    sip = await startSipResponder();
  });
  afterAll(async () => {
    await real?.worker.terminate();
    await sip?.close();
  });

  it('version() round-trips with the package version', async () => {
    await expect(real.api.version({})).resolves.toEqual({ name: 'ghostcall', version: VERSION, schemaVersion: SCHEMA_VERSION });
  });

  it('bad input is refused as an EngineError E_BAD_INPUT (not a crash, not a string)', async () => {
    const e = await rejection(real.api.scan({ ports: ['5060'] } as never));
    expect(e).toBeInstanceOf(EngineError);
    expect(e.code).toBe('E_BAD_INPUT');
    const f = await rejection(real.api.fingerprint({ values: 'not an array' } as never));
    expect(f.code).toBe('E_BAD_INPUT');
    // the worker still serves after refusing
    await expect(real.api.version({})).resolves.toMatchObject({ name: 'ghostcall' });
  });

  it('a public target is refused with E_PUBLIC_TARGET before any packet is sent', async () => {
    const seen: Progress[] = [];
    const e = await rejection(real.api.scan({ ...LOOPBACK, targets: ['8.8.8.8'] }, { onProgress: (p) => seen.push(p) }));
    expect(e.code).toBe('E_PUBLIC_TARGET');
    expect(await real.guard()).toEqual([]);
    expect(seen.filter((p) => p.phase !== 'targets')).toEqual([]);
  });

  it('a loopback scan reports progress across the boundary and finds the responder', async () => {
    const seen: Progress[] = [];
    const result = await real.api.scan({ ...LOOPBACK, targets: ['127.0.0.1'], ports: [sip.port], timeoutMs: 500, retries: 1 }, { onProgress: (p) => seen.push(p) });
    expect(ScanResultSchema.safeParse(result).success).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) expect(ProgressSchema.safeParse(p).success).toBe(true);
    const dev = result.devices.find((d) => d.ip === '127.0.0.1');
    expect(dev?.sipAnswered).toBe(true);
    expect(dev?.sip.some((s) => s.port === sip.port && s.status === 200)).toBe(true);
    expect(await real.guard()).toEqual([]);
  });

  it('aborting a long loopback scan cancels it in the worker', async () => {
    // 2000 closed loopback ports at 20 packets/s with long waits: minutes unless cancelled.
    const ports = Array.from({ length: 2000 }, (_, i) => 40000 + i);
    const ac = new AbortController();
    const started = Date.now();
    const call = real.api.scan({ ...LOOPBACK, targets: ['127.0.0.1'], ports, rate: 20, timeoutMs: 10_000, retries: 5 }, {
      signal: ac.signal,
      onProgress: () => { if (Date.now() - started > 300) ac.abort(); },
    });
    setTimeout(() => ac.abort(), 1000);
    const outcome = await call.then((r) => ({ ok: true as const, r }), (e: EngineError) => ({ ok: false as const, e }));
    if (outcome.ok) expect(outcome.r.stats.cancelled).toBe(true); // a partial result, marked cancelled
    else expect(outcome.e.code).toBe('E_CANCELLED');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await real.guard()).toEqual([]);
  });
});

describe('transport mechanics in a worker thread (slow test double of scan)', () => {
  let fake: Served;
  beforeAll(() => {
    fake = serve('fake');
  });
  afterAll(async () => {
    await fake?.worker.terminate();
  });

  it('streams progress events and propagates cancellation to the worker', async () => {
    const ac = new AbortController();
    const seen: Progress[] = [];
    const aborted = new Promise<number>((resolve) => {
      fake.worker.on('message', (m: { t?: string; done?: number }) => { if (m?.t === 'fake-aborted') resolve(m.done ?? -1); });
    });
    const call = fake.api.scan({ targets: ['127.0.0.1'] }, {
      signal: ac.signal,
      onProgress: (p) => { seen.push(p); if (seen.length === 5) ac.abort(); },
    });
    const e = await rejection(call);
    expect(e.code).toBe('E_CANCELLED');
    expect(await aborted).toBeGreaterThanOrEqual(5); // the handler in the worker saw the abort
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const p of seen) expect(ProgressSchema.parse(p).message).toBe('127.0.0.1'); // input crossed intact
  });

  it('an already-aborted signal never starts the call', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await rejection(fake.api.version({}, { signal: ac.signal }))).code).toBe('E_CANCELLED');
  });
});
