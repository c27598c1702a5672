// Start a farm process inside a namespace and wait for its ready line.
import { closeSync, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { spawnIn } from '../netns.js';
import type { FarmReady, FarmSpec } from './spec.js';

/** Repository root (node resolves `--import tsx` from here). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(REPO_ROOT, 'lab', 'farm', 'main.ts');

export interface Farm { child: ChildProcess; ready: FarmReady }

export async function launchFarm(ns: string, spec: FarmSpec, dir: string, name: string, keep: boolean): Promise<Farm> {
  const specFile = join(dir, `${name}.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const log = openSync(join(dir, `${name}.log`), 'a');
  const child = spawnIn(ns, [process.execPath, '--import', 'tsx', MAIN, specFile], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', log], detached: keep,
  });
  closeSync(log); // the child has its own copy
  const ready = await new Promise<FarmReady>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`lab: farm ${name} not ready after 60 s (see ${dir}/${name}.log)`)), 60_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (c: string) => {
      out += c;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        try { res(JSON.parse(line) as FarmReady); } catch (e) { rej(e as Error); }
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); rej(new Error(`lab: farm ${name} exited (${code}), see ${dir}/${name}.log`)); });
  });
  child.removeAllListeners('exit');
  if (keep) { child.stdout?.destroy(); child.unref(); }
  return { child, ready };
}
