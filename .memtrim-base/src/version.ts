import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, read once from the nearest package.json (works from src/ via tsx and from dist/). */
export const VERSION: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ghostcall' && pkg.version) return pkg.version;
    } catch { /* keep walking up */ }
    dir = dirname(dir);
  }
  return '0.0.0';
})();
