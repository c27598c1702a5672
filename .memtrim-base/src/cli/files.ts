// Reading the JSON files the commands take (a saved scan, accepted exceptions):
// a regular file of bounded size only — `/dev/zero` or a FIFO must end in E_FILE,
// not in a hang or an out-of-memory — then JSON.parse (E_PARSE names the file).
import { readFile, stat } from 'node:fs/promises';
import { EngineError } from '../api/errors.js';

/** A saved scan larger than this is not a scan (250 devices ≈ 1 MB). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

export async function readJsonFile(file: string, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  let text: string;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new EngineError('E_FILE', `not a file: ${file}`, { file, detail: 'not a file' });
    if (st.size > maxBytes) throw new EngineError('E_FILE', `too large: ${file}`, { file, detail: 'too large for a scan file' });
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof EngineError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new EngineError('E_FILE', `cannot read ${file}: ${e.code ?? e.message}`, { file, detail: e.code ?? e.message });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new EngineError('E_PARSE', `not JSON: ${file}`, { file, detail: (err as Error).message.slice(0, 200) });
  }
}
