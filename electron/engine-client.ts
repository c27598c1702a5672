// The main process's handle on the engine: forks the utilityProcess, connects
// the contract over a MessagePort, and restarts the engine if it dies (pending
// calls then fail with E_INTERNAL instead of hanging).
import { utilityProcess, MessageChannelMain, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import { connectClient } from '../src/api/transport.js';
import { electronPortWire } from '../src/api/wires.js';
import { EngineError } from '../src/api/errors.js';
import type { Api } from '../src/api/contract.js';

export class EngineClient {
  private child: UtilityProcess | null = null;
  private api: Api | null = null;

  get(): Api {
    if (this.api) return this.api;
    const child = utilityProcess.fork(join(import.meta.dirname, 'engine-host.js'), [], { serviceName: 'Ghostcall engine', stdio: 'inherit' });
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ t: 'port' }, [port2]);
    const client = connectClient(electronPortWire(port1));
    port1.start();
    child.once('exit', () => {
      client.fail(new EngineError('E_INTERNAL', 'the engine process stopped'));
      port1.close();
      // Only forget this child if it is still the current one: after stop() and a new
      // get(), a late 'exit' of the old child must not orphan the new engine.
      if (this.child === child) {
        this.child = null;
        this.api = null;
      }
    });
    this.child = child;
    this.api = client.api;
    return this.api;
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
    this.api = null;
  }
}
