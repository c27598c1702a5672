import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { OuiIndex, ouiIndexPaths, ouiIndexText, type OuiTable } from '../../src/discover/oui-index.js';

const table = createRequire(import.meta.url)('oui-data') as OuiTable;
const firstLine = (entry: string): string => (entry.split('\n')[0] ?? '').trim();

describe('OUI index (built from oui-data)', () => {
  it('the index `npm run build` wrote is exactly what the installed oui-data gives', () => {
    const built = ouiIndexPaths().find((p) => existsSync(p));
    expect(built, 'dist/src/discover/oui-index.txt missing: run `npm run build`').toBeDefined();
    expect(readFileSync(built as string, 'utf8') === ouiIndexText(table)).toBe(true);
  });

  it('finds every registry prefix, with its organisation line, and nothing else', () => {
    const index = OuiIndex.load();
    const keys = Object.keys(table);
    expect(keys.length).toBeGreaterThan(50_000);
    const wrong = keys.filter((k) => index.get(k) !== firstLine(table[k] as string));
    expect(wrong).toEqual([]);
    // Absent prefixes: between, before and after the sorted keys, and other lengths.
    for (const k of ['000000', '0000000', 'FFFFFF', 'FFFFFFFFF', '70B3D5FFF', '', '805EC', '805EC012']) {
      expect(index.get(k)).toBe(table[k] === undefined ? undefined : firstLine(table[k] as string));
    }
  });

  it('sorted lines, one per prefix, hex keys', () => {
    const text = ouiIndexText({ '00000A': 'B Org\nStreet\nNL', '000009': '  A Org  \r\nx', '70B3D5191': 'C\tOrg' });
    expect(text).toBe('000009\tA Org\n00000A\tB Org\n70B3D5191\tC\tOrg\n');
    const index = new OuiIndex(Buffer.from(text));
    expect([index.get('000009'), index.get('00000A'), index.get('70B3D5191'), index.get('00000B')]).toEqual(['A Org', 'B Org', 'C\tOrg', undefined]);
    expect(() => ouiIndexText({ 'zz:00': 'x' })).toThrow(/unexpected prefix/);
  });
});
