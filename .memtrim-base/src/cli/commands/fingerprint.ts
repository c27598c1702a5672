// `ghostcall fingerprint [VALUE...]`: identify SIP/HTTP header values offline.
// Values come from the arguments, or one per line from stdin; each prints one
// JSON object per line: {"input","vendor","model","firmware","type"} (null where
// unknown). Goes through the engine's `fingerprint` contract method.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Api, FingerprintRowSchema } from '../../api/contract.js';
import { EngineError } from '../../api/errors.js';
import { loadEngine } from '../engine.js';
import { cliT } from '../context.js';

type Row = z.infer<typeof FingerprintRowSchema>;

/** Lines per engine call when reading stdin: output streams, memory stays flat. */
const BATCH = 500;

// JSON.stringify escapes C0 controls but not DEL, C1 (0x9b is CSI on some
// terminals), bidi overrides or line separators: escape those too, so a hostile
// value stays inert on a terminal and the line is still valid JSON.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function jsonLine(row: Row): string {
  const obj = { input: row.input, vendor: row.vendor, model: row.model, firmware: row.firmware, type: row.type };
  return JSON.stringify(obj).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type FingerprintApi = Pick<Api, 'fingerprint'>;

async function fingerprintBatch(api: () => Promise<FingerprintApi>, values: string[], out: NodeJS.WritableStream): Promise<void> {
  if (values.length === 0) return;
  const rows = await (await api()).fingerprint({ values });
  out.write(rows.map((r) => `${jsonLine(r)}\n`).join(''));
}

async function fromStdin(api: () => Promise<FingerprintApi>, stdin: NodeJS.ReadableStream, out: NodeJS.WritableStream): Promise<void> {
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  let batch: string[] = [];
  for await (const line of rl) {
    batch.push(line);
    if (batch.length >= BATCH) {
      await fingerprintBatch(api, batch, out);
      batch = [];
    }
  }
  await fingerprintBatch(api, batch, out);
}

/** `api` defaults to the CLI's lazily loaded engine; tests pass an in-process client of the contract. */
export async function runFingerprint(
  values: string[],
  io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; stdout: NodeJS.WritableStream },
  api: () => Promise<FingerprintApi> = loadEngine,
): Promise<void> {
  if (values.length > 0) return fingerprintBatch(api, values, io.stdout);
  if (io.stdin.isTTY) {
    throw new EngineError('E_BAD_INPUT', 'no values: give header values as arguments, or one per line on stdin', { detail: 'ghostcall fingerprint VALUE... | ... | ghostcall fingerprint' });
  }
  return fromStdin(api, io.stdin, io.stdout);
}

export function register(program: Command): void {
  const t = cliT();
  program
    .command('fingerprint')
    .description(t('fingerprint.description'))
    .argument('[values...]', t('fingerprint.values'))
    .action(async (values: string[]) => {
      await runFingerprint(values, { stdin: process.stdin, stdout: process.stdout });
    });
}
