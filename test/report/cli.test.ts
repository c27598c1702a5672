// `ghostcall report SCAN.json --out FILE.pdf` end to end (the built CLI, under the
// network guard): language from --lang or the system locale, cover options,
// provider servers, clear errors and exit codes for bad input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/run-cli.js';
import { makeScan } from './fixtures.js';
import { pagesText } from './pdf-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-report-cli-'));
const scanFile = join(dir, 'scan.json');

beforeAll(() => {
  ensureBuilt();
  writeFileSync(scanFile, JSON.stringify(makeScan({ devices: 8, reach: true })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ghostcall report', () => {
  it('writes the PDF in Dutch with --lang nl, with org, site and provider servers', async () => {
    const out = join(dir, 'nl.pdf');
    const r = await runCli(['report', scanFile, '--out', out, '--lang', 'nl', '--org', 'Acme MSP', '--site', 'Kantoor Zwolle', '--provider-servers', '198.51.100.10,198.51.100.11']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Rapport geschreven: .*nl\.pdf \(\d+ pagina's, \d+ kB\)/);
    const text = pagesText(out).join('\n');
    for (const s of ['Managementsamenvatting', 'Acme MSP', 'Kantoor Zwolle', '-s 198.51.100.10,198.51.100.11']) expect(text).toContain(s);
    expect(r.guard).toEqual([]);
  });

  it('takes the language from the system locale without --lang', async () => {
    const out = join(dir, 'locale.pdf');
    const r = await runCli(['report', scanFile, '-o', out, '--quiet'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(pagesText(out)[1]).toContain('Managementsamenvatting');
    const en = join(dir, 'en.pdf');
    expect((await runCli(['report', scanFile, '-o', en, '-q'], { env: { LANG: 'en_GB.UTF-8' } })).code).toBe(0);
    expect(pagesText(en)[1]).toContain('Management summary');
  });

  it('fails clearly: missing file (4), not a scan (4), invalid scan (2), missing --out (2), bad logo (4), bad provider server (2)', async () => {
    const notScan = join(dir, 'not-scan.json');
    writeFileSync(notScan, '{"hello": 1}');
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...makeScan({ devices: 1, findings: 'none' }), devices: [{ ip: 5 }] }));
    const logo = join(dir, 'logo.gif');
    writeFileSync(logo, 'GIF89a....');
    const out = join(dir, 'x.pdf');
    const cases: [string[], number, RegExp][] = [
      [['report', join(dir, 'missing.json'), '-o', out], 4, /ENOENT/],
      [['report', notScan, '-o', out], 4, /not a ghostcall scan/],
      [['report', invalid, '-o', out], 2, /devices\.0\.ip/],
      [['report', scanFile], 2, /--out/],
      [['report', scanFile, '-o', out, '--logo', logo], 4, /PNG or JPEG/],
      [['report', scanFile, '-o', out, '--provider-servers', '1.2.3.4;reboot'], 2, /not an address or host name/],
    ];
    for (const [args, code, msg] of cases) {
      const r = await runCli([...args, '--lang', 'en']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toMatch(msg);
    }
  });
});
