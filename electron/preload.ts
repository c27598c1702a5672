// Sandboxed preload: exposes exactly the contract's methods (names asked from
// the main process, which derives them from src/api/contract.ts) through one
// `window.ghostcall` bridge. Bundled to CommonJS by esbuild (sandboxed preloads
// can only require 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../src/api/ipc.js';
import type { Bridge } from '../src/api/bridge.js';
import type { Progress } from '../src/api/progress.js';

const listeners = new Map<string, (p: Progress) => void>();
ipcRenderer.on(IPC.progress, (_e, callId: string, p: Progress) => listeners.get(callId)?.(p));

const methods = ipcRenderer.sendSync(IPC.methods) as string[];

const bridge: Bridge = {
  methods: Object.freeze([...methods]),
  async call(method, input, callId, onProgress) {
    if (!methods.includes(method)) return { ok: false, error: { code: 'E_BAD_INPUT', params: {}, message: 'unknown method' } };
    if (onProgress) listeners.set(callId, onProgress);
    try {
      return await ipcRenderer.invoke(IPC.call, method, input, callId);
    } finally {
      listeners.delete(callId);
    }
  },
  cancel(callId) {
    ipcRenderer.send(IPC.cancel, callId);
  },
  saveFile(req) {
    return ipcRenderer.invoke(IPC.save, req);
  },
};

contextBridge.exposeInMainWorld('ghostcall', bridge);
