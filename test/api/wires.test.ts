// Wire adapters: the contract over a Node MessageChannel, and over an
// Electron-shaped port (listeners get `{ data }` events, as MessagePortMain and a
// utilityProcess's parentPort deliver them).
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { connectApi, serveApi } from '../../src/api/transport.js';
import { electronPortWire, messagePortWire, type ElectronPortLike } from '../../src/api/wires.js';
import { createLocalApi } from '../../src/api/local.js';
import { fakeHandlers } from './fake-handlers.js';

const handlers = fakeHandlers;

/** A Node MessagePort dressed as Electron's MessagePortMain. */
function electronShaped(port: MessagePort): ElectronPortLike & { listeners: () => number } {
  const ee = new EventEmitter();
  port.on('message', (data: unknown) => ee.emit('message', { data, ports: [] }));
  return {
    postMessage: (m) => port.postMessage(m),
    on: (ev, cb) => ee.on(ev, cb),
    removeListener: (ev, cb) => ee.removeListener(ev, cb),
    start: () => port.start(),
    listeners: () => ee.listenerCount('message'),
  };
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

describe('wires', () => {
  it('messagePortWire carries calls, results and errors', async () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    serveApi(createLocalApi(handlers), messagePortWire(port2));
    const api = connectApi(messagePortWire(port1));
    await expect(api.version({})).resolves.toEqual({ name: 'ghostcall', version: '9.9.9', schemaVersion: 1 });
    await expect(api.fingerprint({ values: ['\x1b[31m'] })).resolves.toEqual([{ input: '\x1b[31m', vendor: null, model: null, firmware: null, type: null }]);
    await expect(api.scan({})).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
  });

  it('electronPortWire unwraps { data } events and unsubscribes cleanly', async () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    const server = electronShaped(port2);
    const client = electronShaped(port1);
    const stop = serveApi(createLocalApi(handlers), electronPortWire(server));
    server.start?.();
    const api = connectApi(electronPortWire(client));
    client.start?.();
    await expect(api.version({})).resolves.toMatchObject({ version: '9.9.9' });
    expect(server.listeners()).toBe(1);
    stop();
    expect(server.listeners()).toBe(0);
  });
});
