// Writing results and errors: JSON to a file or stdout, errors as one translated
// line on stderr (the engine's error code + params, never a stack trace unless
// GHOSTCALL_DEBUG=1).
import { writeFileSync } from 'node:fs';
import { EngineError, toErrorData, type EngineErrorData, type ErrorCode } from '../api/errors.js';
import { translator, resources, type Lang } from '../i18n/index.js';
import { inert } from '../util/inert.js';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

type Params = EngineErrorData['params'];
/** Which message variant (errors.json key `CODE_variant`) fits an error's params. */
const VARIANTS: Partial<Record<ErrorCode, (p: Params) => string | undefined>> = {
  E_TARGET_TOO_LARGE: (p) => (p.force === true ? 'hard' : undefined),
  E_NO_TARGETS: (p) => (p.interface ? 'interface' : p.specs ? 'empty' : undefined),
  E_NETWORK: (p) => (p.target ? 'target' : undefined),
};

/** Error params are shown inert (a target or file name may carry anything); missing ones get a neutral filler. */
export function errorLine(data: EngineErrorData, lang: Lang): string {
  const te = translator(lang, 'errors');
  const table = resources[lang].errors as Record<string, string | undefined>;
  const variant = VARIANTS[data.code]?.(data.params);
  const key = variant && table[`${data.code}_${variant}`] ? `${data.code}_${variant}` : data.code;
  const template = table[key] ?? '';
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(data.params)) values[k] = inert(v === null ? '' : String(v), 200);
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (values[name] === undefined) values[name] = name === 'detail' ? inert(data.message, 300) : '?';
  }
  return String(te(key, values)); // the template is ours; every param is already inert
}

export function isDebug(): boolean {
  return process.env.GHOSTCALL_DEBUG === '1';
}

/** Print any thrown value as one translated line; returns its error data (for the exit code). */
export function printError(err: unknown, lang: Lang, stderr: NodeJS.WritableStream = process.stderr): EngineErrorData {
  const data = toErrorData(err);
  stderr.write(`ghostcall: ${errorLine(data, lang)}\n`);
  if (isDebug() && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  return data;
}

/** The JSON text of a result (raw device strings: JSON escaping makes them safe). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Write JSON to `dest` ('-' = stdout). A file that cannot be written is E_FILE. */
export function writeJson(value: unknown, dest: string, stdout: NodeJS.WritableStream = process.stdout): void {
  const text = jsonText(value);
  if (dest === '-') {
    stdout.write(text);
    return;
  }
  try {
    writeFileSync(dest, text, { encoding: 'utf8', mode: 0o644 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new EngineError('E_FILE', `cannot write ${dest}: ${e.code ?? e.message}`, { file: dest, detail: e.code ?? e.message });
  }
}
