// Compact OUI index: the IEEE registry from `oui-data`, cut down at build time to
// "PREFIX<TAB>Organisation" lines sorted by prefix (1.7 MB of text instead of
// 5.6 MB of JSON that parses into ~30 MB of heap). A lookup binary-searches the
// file's bytes, held as one Buffer: no object per entry, nothing for the GC to walk.
// `npm run build` writes it next to the compiled module (scripts/build-oui-index.mjs);
// test/discover/oui-index.test.ts proves the built file matches `oui-data`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** oui-data: { "<6|7|9 hex digits, upper-case>": "Org\nAddress\n...\nCountry" } covering MA-L, MA-M, MA-S. */
export type OuiTable = Readonly<Record<string, string>>;

export const OUI_INDEX_FILE = 'oui-index.txt';

const TAB = 0x09;
const LF = 0x0a;

/** The index text for a registry: one "PREFIX\tOrg\n" line per entry, sorted by prefix. */
export function ouiIndexText(table: OuiTable): string {
  const keys = Object.keys(table).sort();
  const lines: string[] = [];
  for (const key of keys) {
    // Keys are hex, so the first TAB ends the prefix; the org is one trimmed line.
    if (!/^[0-9A-F]{6,9}$/.test(key)) throw new Error(`oui-data: unexpected prefix ${JSON.stringify(key)}`);
    lines.push(`${key}\t${(table[key] ?? '').split('\n')[0]?.trim() ?? ''}\n`);
  }
  return lines.join('');
}

/** Candidate places of the built index: next to this module (dist/), or dist/ when run from source (vitest, tsx). */
export function ouiIndexPaths(): string[] {
  return [
    fileURLToPath(new URL(`./${OUI_INDEX_FILE}`, import.meta.url)),
    fileURLToPath(new URL(`../../dist/src/discover/${OUI_INDEX_FILE}`, import.meta.url)),
  ];
}

/** A sorted index held as bytes; lookups decode only the line they land on. */
export class OuiIndex {
  constructor(private readonly buf: Buffer) {}

  /** The built index file, or (a source checkout never built) one derived from `oui-data` in memory. */
  static load(): OuiIndex {
    const file = ouiIndexPaths().find((p) => existsSync(p));
    if (file) return new OuiIndex(readFileSync(file));
    const table = createRequire(import.meta.url)('oui-data') as OuiTable;
    return new OuiIndex(Buffer.from(ouiIndexText(table), 'utf8'));
  }

  /** The organisation line for an exact prefix (upper-case hex), '' for an entry with none, undefined when absent. */
  get(prefix: string): string | undefined {
    const { buf } = this;
    let lo = 0;
    let hi = buf.length; // search [lo, hi) for the line whose key equals prefix
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : buf.lastIndexOf(LF, mid - 1) + 1;
      const tab = buf.indexOf(TAB, start);
      const end = buf.indexOf(LF, tab);
      if (tab < 0 || end < 0) return undefined; // truncated file: treat as absent
      const key = buf.toString('latin1', start, tab);
      if (key === prefix) return buf.toString('utf8', tab + 1, end);
      if (key < prefix) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}
