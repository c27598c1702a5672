// The main process's handle on the engine: forks the utilityProcess, connects
// the contract over a MessagePort, and restarts the engine if it dies (pending
// calls then fail with E_INTERNAL instead of hanging).
import { utilityProcess, MessageChannelMain, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import { connectApi } from '../src/api/transport.js';
import { electronPortWire } from '../src/api/wires.js';
import type { Api } from '../src/api/contract.js';

export class EngineClient {
  private child: UtilityProcess | null = null;
  private api: Api | null = null;
  private failPending: (() => void) | null = null;

  get(): Api {
    if (this.api) return this.api;
    const child = utilityProcess.fork(join(import.meta.dirname, 'engine-host.js'), [], { serviceName: 'Ghostcall engine', stdio: 'inherit' });
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ t: 'port' }, [port2]);
    const wire = electronPortWire(port1);
    port1.start();
    const api = connectApi(wire);
    // connectApi has no notion of a dead peer: wrap each call so an engine exit rejects it.
    const exits = new Set<() => void>();
    this.failPending = () => { for (const f of exits) f(); exits.clear(); };
    const guarded = {} as Record<string, unknown>;
    for (const [name, fn] of Object.entries(api) as [string, (i: unknown, c: unknown) => Promise<unknown>][]) {
      guarded[name] = (input: unknown, ctx: unknown) => new Promise((resolve, reject) => {
        const onExit = (): void => reject(Object.assign(new Error('the engine process stopped'), { code: 'E_INTERNAL' }));
        exits.add(onExit);
        fn(input, ctx).then(resolve, reject).finally(() => exits.delete(onExit));
      });
    }
    child.on('exit', () => {
      this.failPending?.();
      this.child = null;
      this.api = null;
    });
    this.child = child;
    this.api = guarded as unknown as Api;
    return this.api;
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
    this.api = null;
  }
}
