// Matches one header value against the ordered fingerprint table. First match
// wins: the table lists scanners and specific products before generic vendor
// fallbacks and generic SIP stacks (see fingerprints/index.ts).
import type { FingerprintEntry, ValueMatch, ValueSource } from './types.js';
import { FINGERPRINTS } from './fingerprints/index.js';

/** Longer values are cut: every real banner fits, and it bounds regex work on hostile input. */
export const MAX_VALUE_CHARS = 512;

/** Cut, replace control/format characters by spaces, trim: what the patterns see. */
export function sanitizeValue(value: string): string {
  return value
    .slice(0, MAX_VALUE_CHARS)
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .trim();
}

function group(m: RegExpExecArray, key: number | string | undefined, fallback: string): string | undefined {
  if (typeof key === 'number') return m[key];
  return m.groups?.[key ?? fallback];
}

function tidy(s: string | undefined): string | null {
  if (s === undefined) return null;
  const t = s.trim().replace(/[\s;,:/(-]+$/, '');
  return t.length > 0 ? t : null;
}

function normaliseModel(entry: FingerprintEntry, raw: string | null): string | null {
  if (raw === null) return entry.model ?? null;
  let model = entry.modelMap?.[raw] ?? raw;
  for (const [re, to] of entry.modelRewrite ?? []) model = model.replace(re, to);
  return model.trim() || null;
}

export function applyEntry(entry: FingerprintEntry, value: string): ValueMatch | null {
  const m = entry.pattern.exec(value);
  if (!m) return null;
  const model = normaliseModel(entry, tidy(group(m, entry.fields?.model, 'model')));
  const firmware = tidy(group(m, entry.fields?.firmware, 'firmware'));
  let type = entry.type;
  if (model !== null) {
    for (const [re, t] of entry.typeByModel ?? []) {
      if (re.test(model)) { type = t; break; }
    }
  }
  return { entry, vendor: entry.vendor, model, firmware, type };
}

/** Identify one header value; null when no entry names a vendor. */
export function matchValue(value: string, source?: ValueSource, table: readonly FingerprintEntry[] = FINGERPRINTS): ValueMatch | null {
  const clean = sanitizeValue(value);
  if (clean.length === 0) return null;
  for (const entry of table) {
    if (source && entry.sources && !entry.sources.includes(source)) continue;
    const hit = applyEntry(entry, clean);
    if (hit) return hit;
  }
  return null;
}
