// Build step (after tsc): writes the compact OUI index next to the compiled
// dist/src/discover/oui-index.js, from the installed `oui-data` package (the
// maintained source; nothing generated is committed). See src/discover/oui-index.ts.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OUI_INDEX_FILE, ouiIndexText } from '../dist/src/discover/oui-index.js';

const table = createRequire(import.meta.url)('oui-data');
const out = new URL(`../dist/src/discover/${OUI_INDEX_FILE}`, import.meta.url);
const text = ouiIndexText(table);
writeFileSync(out, text);
process.stdout.write(`oui-index: ${text.split('\n').length - 1} prefixes, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB\n`);
