// Runs one scan through the engine's contract and prints the outcome as JSON on
// stdout: {ok:true, value: ScanResult, abortAt?} or {ok:false, error}. Used by the lab
// tests inside the scanner namespace, and handy by hand:
//   npm run lab -- exec node --import tsx test/lab/run-discover.ts '{"targets":["10.77.0.0/24"]}'
// Options after the JSON: --abort-after MS (cancel the scan), --linger MS (keep the
// process alive after the scan resolved, to prove that no traffic follows a cancel).
import { createEngine } from '../../src/engine.js';
import { toErrorData } from '../../src/api/errors.js';

const [json = '{}', ...rest] = process.argv.slice(2);
const opt = (name: string): number | null => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : null;
};

async function main(): Promise<void> {
  const ac = new AbortController();
  let abortAt: number | null = null;
  const abortAfter = opt('--abort-after');
  if (abortAfter !== null) setTimeout(() => { abortAt = Date.now(); ac.abort(); }, abortAfter);
  let out: unknown;
  try {
    const value = await createEngine().scan(JSON.parse(json), { signal: ac.signal });
    out = { ok: true, value, abortAt, resolvedAt: Date.now() };
  } catch (err) {
    out = { ok: false, error: toErrorData(err), abortAt, resolvedAt: Date.now() };
  }
  const linger = opt('--linger');
  if (linger) await new Promise((r) => setTimeout(r, linger));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
