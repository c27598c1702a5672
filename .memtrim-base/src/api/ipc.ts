// IPC channel names shared by Electron's main process and preload (no imports:
// the sandboxed preload bundles this file alone).
export const IPC = { call: 'ghostcall:call', cancel: 'ghostcall:cancel', progress: 'ghostcall:progress', methods: 'ghostcall:methods', save: 'ghostcall:save' } as const;
