// Saving files for the renderer, which never names a path: the main process asks
// the user (a save dialog, injected), writes a scan's JSON itself, and for a PDF
// hands out a single-use token that only the `report` call can redeem (swapped for
// the chosen path before the engine sees it). Paths the renderer could otherwise
// slip in (report's outFile/logoFile, scan's credentialsFile) are refused.
// No `electron` import: the Chromium test harness uses this same logic.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SaveRequestSchema, type SavedFile } from '../src/api/bridge.js';
import { EngineError, toErrorData, type Envelope } from '../src/api/errors.js';

export type SaveKind = 'pdf' | 'json';
/** Shows the save dialog with a suggested file name; the chosen absolute path, or null when cancelled. */
export type SaveDialog = (kind: SaveKind, defaultName: string) => Promise<string | null>;

const TOKEN_PREFIX = 'ghostcall-save:';
const TOKEN_TTL_MS = 10 * 60_000;

/** Paths chosen in a save dialog, redeemable once, for a few minutes. */
export class SaveTokens {
  private readonly paths = new Map<string, { path: string; expires: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  issue(path: string): string {
    const token = `${TOKEN_PREFIX}${randomUUID()}`;
    this.paths.set(token, { path, expires: this.now() + TOKEN_TTL_MS });
    return token;
  }

  take(token: string): string | null {
    const entry = this.paths.get(token);
    this.paths.delete(token);
    return entry && entry.expires > this.now() ? entry.path : null;
  }
}

/** A file name for the dialog: no directories, no control characters, the right extension. */
export function safeFileName(suggested: string, kind: SaveKind): string {
  const base = suggested.replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, '-').replace(/^[.\s-]+/, '').slice(0, 120).trim() || 'ghostcall';
  return base.toLowerCase().endsWith(`.${kind}`) ? base : `${base}.${kind}`;
}

const bad = (detail: string): EngineError => new EngineError('E_BAD_INPUT', detail, { detail });

/** The `saveFile` bridge call: validate, ask the user, write JSON or issue a PDF token. */
export async function handleSave(raw: unknown, dialog: SaveDialog, tokens: SaveTokens): Promise<Envelope<SavedFile | null>> {
  try {
    const parsed = SaveRequestSchema.safeParse(raw);
    if (!parsed.success) throw bad('save request');
    const req = parsed.data;
    const path = await dialog(req.kind, safeFileName(req.suggestedName, req.kind));
    if (!path) return { ok: true, value: null };
    const name = basename(path);
    if (req.kind === 'pdf') return { ok: true, value: { name, token: tokens.issue(path) } };
    try {
      await writeFile(path, `${JSON.stringify(req.scan, null, 2)}\n`, 'utf8');
    } catch (err) {
      throw new EngineError('E_FILE', String(err), { file: name, detail: err instanceof Error ? err.message : String(err) });
    }
    return { ok: true, value: { name, token: null } };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A renderer call's input with file paths under the main process's control: report's
 * outFile must be a save token (replaced by its path), no logo file; a scan names no
 * credentials file (the desktop app has no picker for it yet). Throws E_BAD_INPUT.
 */
export function guardPaths(method: string, input: unknown, tokens: SaveTokens): unknown {
  if (method === 'report') {
    if (!isRecord(input)) throw bad('report input');
    if (input.logoFile !== undefined && input.logoFile !== null) throw bad('logoFile is not accepted from the window');
    const path = typeof input.outFile === 'string' ? tokens.take(input.outFile) : null;
    if (!path) throw bad('outFile must come from the save dialog');
    return { ...input, outFile: path };
  }
  if (method === 'scan' && isRecord(input) && input.credentialsFile !== undefined) throw bad('credentialsFile is not accepted from the window');
  return input;
}
