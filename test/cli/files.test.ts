// The JSON files the commands read (saved scans, accepted exceptions): only a
// regular file of bounded size. Before, `ghostcall checks /dev/zero` read forever.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/cli/files.js';
import { runChecksCommand } from '../../src/cli/commands/checks.js';
import { cliContext } from '../../src/cli/context.js';
import { Command } from 'commander';

const dir = mkdtempSync(join(tmpdir(), 'gc-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readJsonFile', () => {
  it('reads JSON; names the file in E_FILE / E_PARSE', async () => {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, '{"a":1}');
    await expect(readJsonFile(ok)).resolves.toEqual({ a: 1 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{nope');
    await expect(readJsonFile(bad)).rejects.toMatchObject({ code: 'E_PARSE', params: { file: bad } });
    await expect(readJsonFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'E_FILE', params: { detail: 'ENOENT' } });
    await expect(readJsonFile(ok, 3)).rejects.toMatchObject({ code: 'E_FILE', params: { detail: 'too large for a scan file' } });
  });

  it('refuses a device or directory instead of reading it forever', async () => {
    await expect(readJsonFile('/dev/zero')).rejects.toMatchObject({ code: 'E_FILE', params: { detail: 'not a file' } });
    await expect(readJsonFile(dir)).rejects.toMatchObject({ code: 'E_FILE' });
  });

  it('`checks` and its --exceptions file go through it', async () => {
    const ctx = cliContext(new Command());
    await expect(runChecksCommand('/dev/zero', {}, ctx)).rejects.toMatchObject({ code: 'E_FILE' });
  });
});
