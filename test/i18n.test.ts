// Every namespace (including those other areas fill later): nl and en have the same
// keys, deep, and no value is empty. The CLI's error lines need every error code.
import { describe, expect, it } from 'vitest';
import { resources, NAMESPACES, translator } from '../src/i18n/index.js';
import { ERROR_CODES } from '../src/api/errors.js';

function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) for (const [p, val] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, val);
  } else out.set(prefix, obj);
  return out;
}

/** i18next plural suffixes differ by language in general; nl and en share one/other. */
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.-]+)[^}]*\}\}/g)].map((m) => m[1] as string).sort();

describe('translations', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: nl and en have the same keys and no empty value`, () => {
      const en = leaves(resources.en[ns]);
      const nl = leaves(resources.nl[ns]);
      expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of [...en, ...nl]) {
        expect(typeof value === 'string' && value.trim() !== '', `${ns}:${key} is empty or not a string`).toBe(true);
      }
    });

    it(`${ns}: nl uses the same placeholders as en`, () => {
      const en = leaves(resources.en[ns]);
      const nl = leaves(resources.nl[ns]);
      for (const [key, value] of en) {
        if (typeof value !== 'string') continue;
        expect(placeholders(String(nl.get(key) ?? '')), `${ns}:${key}`).toEqual(placeholders(value));
      }
    });
  }

  it('every engine error code has a message in both languages', () => {
    for (const lang of ['en', 'nl'] as const) {
      const table = resources[lang].errors as Record<string, unknown>;
      for (const code of ERROR_CODES) expect(typeof table[code], `${lang}:${code}`).toBe('string');
      expect(translator(lang, 'errors')('E_PUBLIC_TARGET', { target: '8.8.8.8' })).toContain('8.8.8.8');
    }
  });
});
