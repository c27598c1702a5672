// Engine errors travel as codes with parameters, never as English sentences:
// the CLI, the UI and the report translate them (nl/en).
import { z } from 'zod';

export const ERROR_CODES = [
  'E_BAD_TARGET', // a target that is not an IP, CIDR or range
  'E_PUBLIC_TARGET', // a public address without --allow-public
  'E_TARGET_TOO_LARGE', // more than a /16 without --force
  'E_NO_TARGETS', // no targets given and no local IPv4 subnet found
  'E_BAD_INPUT', // input that fails the contract's schema
  'E_CANCELLED',
  'E_NETWORK', // e.g. network unreachable
  'E_FILE', // unreadable file
  'E_PARSE', // unparseable file or message
  'E_UNSUPPORTED', // a capability not available in this build or on this platform
  'E_INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const EngineErrorSchema = z.object({
  code: ErrorCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  message: z.string(), // English fallback for logs; UIs translate the code
});
export type EngineErrorData = z.infer<typeof EngineErrorSchema>;

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly params: EngineErrorData['params'];
  constructor(code: ErrorCode, message: string, params: EngineErrorData['params'] = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
  }
  toData(): EngineErrorData {
    return { code: this.code, params: this.params, message: this.message };
  }
}

/** Any thrown value as error data (unknown errors become E_INTERNAL). */
export function toErrorData(err: unknown): EngineErrorData {
  if (err instanceof EngineError) return err.toData();
  if (err instanceof Error && err.name === 'AbortError') return { code: 'E_CANCELLED', params: {}, message: 'cancelled' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'E_INTERNAL', params: {}, message };
}

/** The result envelope used on every wire (IPC, worker port): no exceptions cross a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: EngineErrorData };
