// User-supplied web credentials come from a FILE, never from argv (a command
// line shows up in `ps` and shell history). Format: a JSON array of
//   { "host": "192.168.1.20" | "*", "vendor"?: "yealink", "username": "admin", "password": "…" }
// The file is read once per path; its content never reaches a log or result.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { EngineError } from '../../api/errors.js';
import type { Credential } from './session.js';

const FileSchema = z.array(
  z.object({ host: z.string().default('*'), vendor: z.string().optional(), username: z.string(), password: z.string() }),
);
type Entry = z.infer<typeof FileSchema>[number];

/** Per path, with the file's mtime and size: a long-lived engine (the desktop app) sees an edited file. */
const cache = new Map<string, { stamp: string; entries: Entry[] }>();

export function loadCredentials(path: string): Entry[] {
  let text: string;
  let stamp: string;
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs}:${st.size}`;
    const hit = cache.get(path);
    if (hit && hit.stamp === stamp) return hit.entries;
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new EngineError('E_FILE', `cannot read the credentials file ${path}`, { file: path, detail: (e as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  let entries: Entry[];
  try {
    entries = FileSchema.parse(JSON.parse(text));
  } catch {
    // Never echo the content: it holds passwords.
    throw new EngineError('E_PARSE', `the credentials file ${path} is not a JSON array of {host, username, password}`, { file: path, detail: 'expected a JSON array of {host, vendor?, username, password}' });
  }
  cache.set(path, { stamp, entries });
  return entries;
}

/** The credentials for one device: exact host first, then wildcard entries. */
export function credentialsFor(entries: Entry[], ip: string, vendor: string): Credential[] {
  const fits = (e: Entry) => !e.vendor || e.vendor.toLowerCase() === vendor;
  return [...entries.filter((e) => e.host === ip && fits(e)), ...entries.filter((e) => e.host === '*' && fits(e))].map(({ username, password }) => ({ username, password }));
}
