// IPC handlers derived from the contract: one generic call channel that accepts
// only the contract's method names, from our own window's frames only
// (as vscode's validateIPC). Results travel as envelopes. File paths never come
// from the window: saveFile shows a dialog here, and report's outFile is a token
// from it (save.ts).
import { ipcMain, type IpcMainInvokeEvent, type IpcMainEvent, type WebFrameMain } from 'electron';
import { METHOD_NAMES, type MethodName, type CallContext } from '../src/api/contract.js';
import { toErrorData, type Envelope } from '../src/api/errors.js';
import { IPC } from '../src/api/ipc.js';
import type { EngineClient } from './engine-client.js';
import { SaveTokens, guardPaths, handleSave, type SaveKind } from './save.js';

/** The save dialog, shown for the window that asked. */
export type WindowSaveDialog = (event: IpcMainInvokeEvent, kind: SaveKind, defaultName: string) => Promise<string | null>;

const METHODS = new Set<string>(METHOD_NAMES);

export function registerIpc(engine: EngineClient, isTrustedFrame: (frame: WebFrameMain | null) => boolean, saveDialog: WindowSaveDialog): void {
  const running = new Map<string, AbortController>();
  const tokens = new SaveTokens();

  ipcMain.on(IPC.methods, (event: IpcMainEvent) => {
    event.returnValue = isTrustedFrame(event.senderFrame) ? METHOD_NAMES : [];
  });

  ipcMain.handle(IPC.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown, callId: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) return { ok: false, error: { code: 'E_BAD_INPUT', params: {}, message: 'untrusted sender' } };
    if (typeof method !== 'string' || !METHODS.has(method) || typeof callId !== 'string') {
      return { ok: false, error: { code: 'E_BAD_INPUT', params: {}, message: 'unknown method' } };
    }
    let safeInput: unknown;
    try {
      safeInput = guardPaths(method, input, tokens);
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    }
    const ac = new AbortController();
    running.set(callId, ac);
    // The page that asked is gone (window closed, reloaded): nobody waits for the
    // answer, so the scan stops sending instead of running on unseen.
    const wc = event.sender;
    const abandon = (): void => ac.abort();
    wc.once('destroyed', abandon);
    wc.once('did-navigate', abandon);
    const ctx: CallContext = {
      signal: ac.signal,
      onProgress: (p) => { if (!wc.isDestroyed()) wc.send(IPC.progress, callId, p); },
    };
    try {
      const fn = engine.get()[method as MethodName] as (i: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, value: await fn(safeInput, ctx) };
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    } finally {
      running.delete(callId);
      wc.off('destroyed', abandon);
      wc.off('did-navigate', abandon);
    }
  });

  ipcMain.handle(IPC.save, async (event: IpcMainInvokeEvent, req: unknown) => {
    if (!isTrustedFrame(event.senderFrame)) return { ok: false, error: { code: 'E_BAD_INPUT', params: {}, message: 'untrusted sender' } };
    return handleSave(req, (kind, name) => saveDialog(event, kind, name), tokens);
  });

  ipcMain.on(IPC.cancel, (event: IpcMainEvent, callId: unknown) => {
    if (!isTrustedFrame(event.senderFrame) || typeof callId !== 'string') return;
    running.get(callId)?.abort();
  });
}
