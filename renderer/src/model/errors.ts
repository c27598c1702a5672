// Engine errors arrive as a code and params; the text is ours (errors namespace),
// with the same message variants as the CLI (src/cli/output.ts, which the renderer
// can't import). Params may carry device or user strings: shown inert.
import type { EngineErrorData } from '../../../src/api/errors.js';
import { resources, translator, type Lang } from '../../../src/i18n/index.js';
import { inert } from '../../../src/util/inert.js';

export type UiError = Pick<EngineErrorData, 'code' | 'message'> & { params: Record<string, unknown> };

type Params = UiError['params'];
const VARIANTS: Record<string, (p: Params) => string | undefined> = {
  E_TARGET_TOO_LARGE: (p) => (p.force === true ? 'hard' : undefined),
  E_NO_TARGETS: (p) => (p.interface ? 'interface' : p.specs ? 'empty' : undefined),
  E_NETWORK: (p) => (p.target ? 'target' : undefined),
};

export function errorText(e: UiError, lang: Lang): string {
  const table = resources[lang].errors as Record<string, string | undefined>;
  const variant = VARIANTS[e.code]?.(e.params);
  const key = variant && table[`${e.code}_${variant}`] ? `${e.code}_${variant}` : e.code;
  const values: Record<string, string> = { detail: inert(e.message, 300) };
  for (const [k, v] of Object.entries(e.params)) values[k] = inert(v === null || v === undefined ? '' : String(v), 200);
  return String(translator(lang, 'errors')(key, { ...values, defaultValue: inert(e.message, 300) }));
}

/** Any thrown value (EngineError from the bridge, or anything else) as UI error data. */
export function toUiError(err: unknown): UiError {
  const e = (err ?? {}) as Partial<UiError>;
  return { code: typeof e.code === 'string' ? e.code as UiError['code'] : 'E_INTERNAL', params: e.params ?? {}, message: e.message ?? String(err) };
}
