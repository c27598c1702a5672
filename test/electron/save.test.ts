// The main process's save logic (electron/save.ts): the window never names a path.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaveTokens, guardPaths, handleSave, safeFileName, type SaveDialog } from '../../electron/save.js';
import { SCHEMA_VERSION, ScanResultSchema, type ScanResult } from '../../src/api/result.js';

const scan: ScanResult = ScanResultSchema.parse({
  schemaVersion: SCHEMA_VERSION, tool: { name: 'ghostcall', version: 't' }, startedAt: '2026-11-25T10:00:00Z', finishedAt: '2026-11-25T10:00:01Z',
  params: {}, stats: { targets: 1, probesSent: 1, responses: 0, durationMs: 1, cancelled: false }, devices: [], warnings: [],
});
const dialogAnswering = (path: string | null, asked: string[] = []): SaveDialog => async (kind, name) => { asked.push(`${kind}:${name}`); return path; };

describe('safeFileName', () => {
  it('keeps a plain name, adds the extension, drops directories and controls', () => {
    expect(safeFileName('ghostcall-head-office', 'pdf')).toBe('ghostcall-head-office.pdf');
    expect(safeFileName('scan.json', 'json')).toBe('scan.json');
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('etc-passwd.pdf');
    expect(safeFileName('a\u202Eb\u0000c', 'pdf')).toBe('a-b-c.pdf');
    expect(safeFileName('', 'json')).toBe('ghostcall.json');
  });
});

describe('handleSave', () => {
  it('pdf: a single-use token for the chosen path, redeemed only by report', async () => {
    const tokens = new SaveTokens();
    const asked: string[] = [];
    const r = await handleSave({ kind: 'pdf', suggestedName: 'audit' }, dialogAnswering('/home/admin/Documents/audit.pdf', asked), tokens);
    expect(asked).toEqual(['pdf:audit.pdf']);
    expect(r).toMatchObject({ ok: true, value: { name: 'audit.pdf' } });
    const token = (r as { value: { token: string } }).value.token;
    expect(token).not.toContain('/');
    expect(guardPaths('report', { outFile: token, scan: {} }, tokens)).toEqual({ outFile: '/home/admin/Documents/audit.pdf', scan: {} });
    expect(() => guardPaths('report', { outFile: token, scan: {} }, tokens)).toThrow(/save dialog/); // used once
  });

  it('json: the main process validates and writes the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-save-'));
    try {
      const file = join(dir, 'scan.json');
      const r = await handleSave({ kind: 'json', suggestedName: 'scan', scan }, dialogAnswering(file), new SaveTokens());
      expect(r).toEqual({ ok: true, value: { name: 'scan.json', token: null } });
      expect(ScanResultSchema.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual(scan);
      // not a scan: refused before the dialog, nothing written
      const asked: string[] = [];
      const bad = await handleSave({ kind: 'json', suggestedName: 'x', scan: { evil: true } }, dialogAnswering(join(dir, 'x.json'), asked), new SaveTokens());
      expect(bad).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
      expect(asked).toEqual([]);
      expect(existsSync(join(dir, 'x.json'))).toBe(false);
      // an unwritable path: E_FILE with the file's name
      const unwritable = await handleSave({ kind: 'json', suggestedName: 'x', scan }, dialogAnswering(join(dir, 'missing', 'x.json')), new SaveTokens());
      expect(unwritable).toMatchObject({ ok: false, error: { code: 'E_FILE', params: { file: 'x.json' } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cancelled dialog is null, not an error; an unknown kind is refused', async () => {
    expect(await handleSave({ kind: 'pdf', suggestedName: 'a' }, dialogAnswering(null), new SaveTokens())).toEqual({ ok: true, value: null });
    expect(await handleSave({ kind: 'exe', suggestedName: 'a' }, dialogAnswering('/tmp/a'), new SaveTokens())).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
  });
});

describe('guardPaths', () => {
  it('report: a raw path, a made-up token, an expired token or a logo file are refused', () => {
    let now = 0;
    const tokens = new SaveTokens(() => now);
    expect(() => guardPaths('report', { outFile: '/home/admin/.bashrc' }, tokens)).toThrow(/save dialog/);
    expect(() => guardPaths('report', { outFile: 'ghostcall-save:00000000-0000-0000-0000-000000000000' }, tokens)).toThrow(/save dialog/);
    const t = tokens.issue('/tmp/a.pdf');
    expect(() => guardPaths('report', { outFile: t, logoFile: '/etc/shadow' }, tokens)).toThrow(/logoFile/);
    const late = tokens.issue('/tmp/b.pdf');
    now = 11 * 60_000;
    expect(() => guardPaths('report', { outFile: late }, tokens)).toThrow(/save dialog/);
  });

  it('scan: no credentials file from the window; other methods pass unchanged', () => {
    const tokens = new SaveTokens();
    expect(() => guardPaths('scan', { targets: ['10.0.0.1'], credentialsFile: '/etc/passwd' }, tokens)).toThrow(/credentialsFile/);
    const input = { targets: ['10.0.0.1'] };
    expect(guardPaths('scan', input, tokens)).toBe(input);
    expect(guardPaths('checks', input, tokens)).toBe(input);
  });
});
