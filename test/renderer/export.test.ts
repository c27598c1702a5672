// Export from the UI: the save dialog (emulated; in Electron the main process shows
// it) picks the path, the engine writes the PDF there, the main process's code
// writes the JSON; the window itself can never name a path.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { buildRenderer, serveStatic, launch, chromiumMissing, CHROMIUM } from './harness.js';
import { sipResponder, type Responder } from './sip-responder.js';
import { GhostcallApp } from './pages/app.js';
import { ScanResultSchema } from '../../src/api/result.js';

const ART = 'artifacts/ui';

describe.skipIf(chromiumMissing)(`export in Chromium (${chromiumMissing ? `skipped: ${CHROMIUM} missing` : CHROMIUM})`, () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let root: string;
  let phone: Responder;
  let dir: string;
  let app: GhostcallApp;

  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'ghostcall-ui-'));
    root = await buildRenderer();
    ({ url, server } = await serveStatic(root));
    browser = await launch();
    phone = await sipResponder('Grandstream GXP2170 1.0.11.6');
    app = await GhostcallApp.open(browser, url);
    await app.scan.scanLoopback({ port: phone.port });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    server?.close();
    await phone?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Save PDF report: the dialog is asked, the file is written, and its text names the org, the site and the device', async () => {
    const file = join(dir, 'audit.pdf');
    app.dialog.answer = file;
    const saved = await app.export.savePdf({ org: 'ACME IT', site: 'Head office', lang: 'nl' });
    expect(saved).toMatch(/^Saved audit\.pdf \(\d+ pages\)\.$/);
    expect(app.dialog.asked.at(-1)).toEqual({ kind: 'pdf', name: expect.stringMatching(/^ghostcall-head-office-\d{4}-\d{2}-\d{2}\.pdf$/) });
    expect(existsSync(file)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('Grandstream');
    expect(text).toContain('ACME IT');
    expect(text).toContain('Head office');
    expect(text).toContain('Beveiligingsaudit SIP-telefoons'); // the report's language, chosen in the panel
    await app.screenshot(`${ART}/export.png`);
  });

  it('Save JSON: a valid scan result with the accepted exception in it', async () => {
    await app.results.openFinding('GC-SIP-ANY-SOURCE');
    await app.finding.accept('Known: lab phone');
    await app.finding.back();
    const file = join(dir, 'scan.json');
    app.dialog.answer = file;
    expect(await app.export.saveJson()).toBe('Saved scan.json.');
    const scan = ScanResultSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(scan.devices.map((d) => d.ip)).toEqual(['127.0.0.1']);
    expect(scan.findings?.find((f) => f.id === 'GC-SIP-ANY-SOURCE')?.exception?.reason).toBe('Known: lab phone');
  });

  it('a cancelled dialog writes nothing and shows no error', async () => {
    app.dialog.answer = null;
    const asked = app.dialog.asked.length;
    await app.page.click('button[name="savePdf"]');
    await app.page.waitForFunction(() => !document.querySelector('button[name="savePdf"]')?.closest('fieldset')?.disabled);
    expect(app.dialog.asked.length).toBe(asked + 1);
    expect(await app.page.locator('.export [role="alert"]').count()).toBe(0);
    expect(await app.page.locator('[data-saved]').count()).toBe(0);
  });

  it('the window cannot name a path: a report to a raw path and a used token are refused', async () => {
    const target = join(dir, 'evil.pdf');
    const call = (outFile: string) => app.page.evaluate(async ([out]) => {
      const w = window as unknown as { ghostcall: { call: (m: string, i: unknown, id: string) => Promise<{ ok: boolean; error?: { code: string } }> } };
      return w.ghostcall.call('report', { scan: {}, outFile: out }, 'raw-1');
    }, [outFile] as const);
    expect(await call(target)).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
    expect(existsSync(target)).toBe(false);
  });
});
