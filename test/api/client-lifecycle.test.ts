// The client side of the transport over its whole life: abort listeners go away
// when a call settles (a long-lived signal must not cancel finished calls), a peer
// that dies fails every pending and later call (no hang), and a host whose port
// closed does not turn a result into an unhandled rejection.
import { describe, expect, it } from 'vitest';
import { connectClient, serveApi, type Wire } from '../../src/api/transport.js';
import { createLocalApi } from '../../src/api/local.js';
import { EngineError } from '../../src/api/errors.js';
import { fakeHandlers } from './fake-handlers.js';

const handlers = fakeHandlers;

/** Two in-memory wire ends; `sent` records what the client end sent. */
function pair(): { client: Wire; server: Wire; sent: unknown[] } {
  const a: Array<(m: unknown) => void> = [];
  const b: Array<(m: unknown) => void> = [];
  const sent: unknown[] = [];
  const end = (mine: typeof a, theirs: typeof a, log?: unknown[]): Wire => ({
    send: (m) => { log?.push(m); const copy = structuredClone(m); queueMicrotask(() => theirs.forEach((f) => f(copy))); },
    onMessage: (cb) => { mine.push(cb); return () => mine.splice(mine.indexOf(cb), 1); },
  });
  return { client: end(a, b, sent), server: end(b, a), sent };
}

describe('transport client lifecycle', () => {
  it('removes its abort listener once a call settles: a later abort sends no cancel', async () => {
    const { client, server, sent } = pair();
    serveApi(createLocalApi(handlers), server);
    const { api } = connectClient(client);
    const ac = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const add = ac.signal.addEventListener.bind(ac.signal);
    const remove = ac.signal.removeEventListener.bind(ac.signal);
    ac.signal.addEventListener = ((t: string, l: EventListener, o?: AddEventListenerOptions) => { added.push(l); add(t, l, o); }) as typeof add;
    ac.signal.removeEventListener = ((t: string, l: EventListener, o?: EventListenerOptions) => { removed.push(l); remove(t, l, o); }) as typeof remove;
    for (let i = 0; i < 3; i++) await api.version({}, { signal: ac.signal });
    expect(added).toHaveLength(3);
    expect(removed).toEqual(added);
    ac.abort();
    expect(sent.filter((m) => (m as { t: string }).t === 'cancel')).toEqual([]);
  });

  it('fail() rejects pending calls and every later call with the given error', async () => {
    const { client } = pair(); // nobody serves: the call would hang forever
    const c = connectClient(client);
    const pending = c.api.version({});
    c.fail(new EngineError('E_INTERNAL', 'the engine process stopped'));
    await expect(pending).rejects.toMatchObject({ code: 'E_INTERNAL', message: 'the engine process stopped' });
    await expect(c.api.version({})).rejects.toMatchObject({ code: 'E_INTERNAL' });
  });

  it('a host whose port throws on send does not reject unhandled', async () => {
    const { client, server } = pair();
    const broken: Wire = { send: () => { throw new Error('port closed'); }, onMessage: server.onMessage };
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => { unhandled.push(e); };
    process.on('unhandledRejection', onUnhandled);
    try {
      serveApi(createLocalApi(handlers), broken);
      client.send({ t: 'call', id: 1, method: 'version', input: {} });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
