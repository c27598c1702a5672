// Drives the built renderer in Debian's Chromium with a bridge that forwards to
// the real engine in this process (the same Bridge shape the Electron preload
// exposes). Electron itself never runs here. The save dialog is emulated (a path
// the test chooses); tokens, path guarding and JSON writing are the main process's
// own code (electron/save.ts).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { createEngine } from '../../src/engine.js';
import { METHOD_NAMES, type CallContext, type MethodName } from '../../src/api/contract.js';
import { toErrorData } from '../../src/api/errors.js';
import { SaveTokens, guardPaths, handleSave, type SaveDialog, type SaveKind } from '../../electron/save.js';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
// One build per test process: test files run in parallel workers.
const OUT = join(process.cwd(), 'dist', 'renderer-test', String(process.pid));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

export async function buildRenderer(): Promise<string> {
  await build({ configFile: join(process.cwd(), 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
  return OUT;
}

export async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${addr.port}/`, server };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The emulated save dialog: what it was asked, and the path it answers next (null = the user cancels). */
export class FakeSaveDialog {
  asked: Array<{ kind: SaveKind; name: string }> = [];
  answer: string | null = null;
  readonly show: SaveDialog = async (kind, name) => { this.asked.push({ kind, name }); return this.answer; };
}

/** Installs window.ghostcall in the page, backed by the real engine. */
export async function installBridge(page: Page, dialog: FakeSaveDialog = new FakeSaveDialog()): Promise<FakeSaveDialog> {
  const api = createEngine();
  const running = new Map<string, AbortController>();
  const tokens = new SaveTokens();
  await page.exposeFunction('__gcSave', (req: unknown) => handleSave(req, dialog.show, tokens));
  await page.exposeFunction('__gcCall', async (method: string, input: unknown, callId: string) => {
    if (!(METHOD_NAMES as string[]).includes(method)) return { ok: false, error: { code: 'E_BAD_INPUT', params: {}, message: 'unknown method' } };
    try {
      input = guardPaths(method, input, tokens);
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    }
    const ac = new AbortController();
    running.set(callId, ac);
    const ctx: CallContext = {
      signal: ac.signal,
      onProgress: (p) => { void page.evaluate(([id, pr]) => (window as unknown as { __gcProgress: (i: string, p: unknown) => void }).__gcProgress(id, pr), [callId, p] as const).catch(() => {}); },
    };
    try {
      const fn = api[method as MethodName] as (i: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, value: await fn(input, ctx) };
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    } finally {
      running.delete(callId);
    }
  });
  await page.exposeFunction('__gcCancel', (callId: string) => { running.get(callId)?.abort(); });
  await page.addInitScript((methods: string[]) => {
    const listeners = new Map<string, (p: unknown) => void>();
    const w = window as unknown as Record<string, unknown>;
    w.__gcProgress = (id: string, p: unknown) => listeners.get(id)?.(p);
    w.ghostcall = {
      methods,
      async call(method: string, input: unknown, callId: string, onProgress?: (p: unknown) => void) {
        if (onProgress) listeners.set(callId, onProgress);
        try { return await (w.__gcCall as (m: string, i: unknown, id: string) => Promise<unknown>)(method, input, callId); } finally { listeners.delete(callId); }
      },
      cancel(callId: string) { void (w.__gcCancel as (id: string) => Promise<void>)(callId); },
      saveFile(req: unknown) { return (w.__gcSave as (r: unknown) => Promise<unknown>)(req); },
    };
  }, [...METHOD_NAMES]);
  return dialog;
}
