// The CLI's exit codes: one table, shown in `--help` and documented in docs/CLI.md.
// MSP scripts branch on these, so a code's meaning never changes.
import type { ErrorCode } from '../api/errors.js';

export const EXIT = {
  /** The command did what was asked (a scan that finds exposed phones still succeeded). */
  ok: 0,
  /** Success, but findings at or above `--fail-on SEVERITY`. */
  findings: 1,
  /** Usage error, or a bad, public or too-large target. */
  usage: 2,
  /** Network error (e.g. no route, interface missing). */
  network: 3,
  /** A file could not be read, parsed or written. */
  file: 4,
  /** Internal error (a bug: please report it). */
  internal: 70,
  /** Cancelled (Ctrl-C): 128 + SIGINT, as shells do. */
  cancelled: 130,
} as const;
export type ExitName = keyof typeof EXIT;
export type ExitCode = (typeof EXIT)[ExitName];

/** Which exit code each engine error code ends the process with. */
export const EXIT_BY_ERROR: Record<ErrorCode, ExitName> = {
  E_BAD_TARGET: 'usage',
  E_PUBLIC_TARGET: 'usage',
  E_TARGET_TOO_LARGE: 'usage',
  E_NO_TARGETS: 'usage',
  E_BAD_INPUT: 'usage',
  E_CANCELLED: 'cancelled',
  E_NETWORK: 'network',
  E_FILE: 'file',
  E_PARSE: 'file',
  E_UNSUPPORTED: 'usage', // asked for something this build or platform cannot do: not a bug
  E_INTERNAL: 'internal',
};

export function exitCodeFor(code: ErrorCode): ExitCode {
  return EXIT[EXIT_BY_ERROR[code]];
}
