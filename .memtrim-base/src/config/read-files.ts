// Reading config files from disk for the CLI: a size cap, binary detection and
// a text decoding that survives vendor templates with non-UTF-8 comments.
// Content goes to readConfigFiles; a file that cannot be read becomes an E_FILE
// result of its own (all other files are still processed).
import { readFileSync, statSync } from 'node:fs';
import type { EngineErrorData } from '../api/errors.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type LoadedFile = { name: string; content: string; error?: undefined } | { name: string; content?: undefined; error: EngineErrorData };

export function loadConfigFile(path: string): LoadedFile {
  const fail = (detail: string): LoadedFile => ({ name: path, error: { code: 'E_FILE', params: { file: path, detail }, message: `${path}: ${detail}` } });
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('not a regular file');
    size = st.size;
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? 'cannot stat');
  }
  if (size > MAX_FILE_BYTES) return fail(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? 'cannot read');
  }
  if (looksBinary(buf)) return fail('binary file (not a text config; encrypted or .bin exports are not supported)');
  return { name: path, content: decode(buf) };
}

/** NUL bytes, or many control bytes, in the first 8 KB: not a text config. */
export function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** UTF-8 (BOM stripped) when valid, else Latin-1 (old vendor templates). */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}
