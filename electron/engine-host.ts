// Entry of Electron's utilityProcess: the engine runs here, out of the UI's
// process, so a hostile device that crashes a parser can't take the window down.
// The main process hands us a MessagePort; the contract is served over it.
import { createEngine } from '../src/engine.js';
import { serveApi } from '../src/api/transport.js';
import { electronPortWire, type ElectronPortLike } from '../src/api/wires.js';

interface ParentPort {
  on(event: 'message', cb: (e: { data: unknown; ports: ElectronPortLike[] }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write('engine-host must run in an Electron utilityProcess\n');
  process.exit(1);
}
const engine = createEngine();
parentPort.on('message', (e) => {
  const port = e.ports[0];
  if (!port) return;
  serveApi(engine, electronPortWire(port));
  port.start?.();
});
