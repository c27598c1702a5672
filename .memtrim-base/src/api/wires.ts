// Wire adapters (see transport.ts) for the concrete message ports. Typed
// structurally: src/ never imports electron, and a Node MessagePort, a Worker,
// worker_threads' parentPort and Electron's utilityProcess child all fit the
// first shape; Electron's MessagePortMain and a utilityProcess's
// process.parentPort deliver `{ data }` events and fit the second.
import type { Wire } from './transport.js';

/** Node worker_threads MessagePort / Worker / parentPort, Electron UtilityProcess (main side): the listener gets the message itself. */
export interface NodePortLike {
  postMessage(msg: unknown): void;
  on(event: 'message', cb: (msg: unknown) => void): unknown;
  off(event: 'message', cb: (msg: unknown) => void): unknown;
}

/** Electron MessagePortMain / utilityProcess parentPort: the listener gets an event whose `data` is the message. */
export interface ElectronPortLike {
  postMessage(msg: unknown): void;
  on(event: 'message', cb: (e: { data: unknown }) => void): unknown;
  removeListener(event: 'message', cb: (e: { data: unknown }) => void): unknown;
  /** MessagePortMain queues messages until started; the caller starts it after wiring. */
  start?(): void;
}

export function messagePortWire(port: NodePortLike): Wire {
  return {
    send: (msg) => port.postMessage(msg),
    onMessage: (cb) => {
      const listener = (msg: unknown): void => cb(msg);
      port.on('message', listener);
      return () => {
        port.off('message', listener);
      };
    },
  };
}

export function electronPortWire(port: ElectronPortLike): Wire {
  return {
    send: (msg) => port.postMessage(msg),
    onMessage: (cb) => {
      const listener = (e: { data: unknown }): void => cb(e.data);
      port.on('message', listener);
      return () => {
        port.removeListener('message', listener);
      };
    },
  };
}
