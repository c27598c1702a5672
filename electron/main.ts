// Electron main process: a thin shell. It opens one hardened window on the
// built renderer and forwards the contract's calls to the engine, which runs
// in a utilityProcess (see engine-client.ts).
import { app, BrowserWindow, dialog, session, shell, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EngineClient } from './engine-client.js';
import { registerIpc } from './ipc.js';
import type { SaveKind } from './save.js';

const RENDERER_INDEX = join(import.meta.dirname, '..', 'renderer', 'index.html');
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;

// Only our own top-level page may call the engine (no iframes, no navigated pages).
const isTrustedFrame = (frame: WebFrameMain | null): boolean => !!frame && frame.parent === null && frame.url === RENDERER_URL;

// The page is loaded from file://, where webRequest sees no response headers: the policy
// that applies is the <meta> CSP in renderer/index.html (same directives). The header
// below covers any http(s) response the session might still get.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const FILTERS: Record<SaveKind, Electron.FileFilter[]> = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** The native save dialog, modal to the window that asked, starting in Documents. */
async function saveDialog(event: IpcMainInvokeEvent, kind: SaveKind, defaultName: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: FILTERS[kind], properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'Ghostcall',
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // Signal-Desktop style: no navigation away from the app, new windows only for http(s) in the system browser.
  win.webContents.on('will-navigate', (e, url) => { if (url !== RENDERER_URL) e.preventDefault(); });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(RENDERER_INDEX);
  return win;
}

app.enableSandbox();
const engine = new EngineClient();

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  registerIpc(engine, isTrustedFrame, saveDialog);
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
}).catch((err: unknown) => {
  process.stderr.write(`ghostcall: ${String(err)}\n`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  engine.stop();
  if (process.platform !== 'darwin') app.quit();
});
