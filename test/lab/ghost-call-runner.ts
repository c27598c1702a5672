// Runs inside the lab's scanner namespace (no default route): the ghost-call test
// against the targets given as JSON on stdin, one outcome per target on stdout.
// Mode "devices" runs the scan stage (runGhostCallTests) on the given devices.
import { ghostCallDevice, runGhostCallTests, type GhostCallTarget } from '../../src/checks/ghost-call.js';
import type { Device } from '../../src/api/result.js';

interface Input { targets?: GhostCallTarget[]; devices?: Device[]; ringWaitMs?: number; responseWaitMs?: number }

let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text) as Input;

if (input.devices) {
  const progress: unknown[] = [];
  const devices = await runGhostCallTests(input.devices, { ghostCallTest: true, allowPublic: false, timeoutMs: 2000 },
    { signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
  process.stdout.write(JSON.stringify({ devices, progress }));
} else {
  const out = [];
  for (const t of input.targets ?? []) {
    out.push(await ghostCallDevice(t, { ringWaitMs: input.ringWaitMs ?? 1500, responseWaitMs: input.responseWaitMs ?? 3000 }));
  }
  process.stdout.write(JSON.stringify(out));
}
