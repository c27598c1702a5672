// The Electron shell's logic without Electron (it never runs in tests): the
// 'electron' module is replaced by small fakes with the documented shapes
// (utilityProcess child = EventEmitter with postMessage/kill, MessageChannelMain
// ports, ipcMain.on/handle, webContents events).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const forks: FakeChild[] = [];
class FakeChild extends EventEmitter {
  posted: unknown[] = [];
  killed = false;
  postMessage(msg: unknown): void { this.posted.push(msg); }
  kill(): boolean { this.killed = true; return true; }
}
class FakePort extends EventEmitter {
  postMessage(): void {}
  start(): void {}
  close(): void {}
}
const ipc = { on: new Map<string, (...a: unknown[]) => void>(), handle: new Map<string, (...a: unknown[]) => Promise<unknown>>() };

vi.mock('electron', () => ({
  utilityProcess: { fork: () => { const c = new FakeChild(); forks.push(c); return c; } },
  MessageChannelMain: class { port1 = new FakePort(); port2 = new FakePort(); },
  ipcMain: {
    on: (ch: string, f: (...a: unknown[]) => void) => ipc.on.set(ch, f),
    handle: (ch: string, f: (...a: unknown[]) => Promise<unknown>) => ipc.handle.set(ch, f),
  },
}));

const { EngineClient } = await import('../../electron/engine-client.js');
const { registerIpc } = await import('../../electron/ipc.js');
const { IPC } = await import('../../src/api/ipc.js');

beforeEach(() => { forks.length = 0; });

describe('EngineClient', () => {
  it('a pending call fails with E_INTERNAL when the engine exits, and the next get() forks a new one', async () => {
    const engine = new EngineClient();
    const pending = engine.get().version({});
    forks[0]?.emit('exit', 1);
    await expect(pending).rejects.toMatchObject({ code: 'E_INTERNAL' });
    engine.get();
    expect(forks).toHaveLength(2);
  });

  it("a late 'exit' of a stopped engine leaves the new engine and its calls alone", async () => {
    const engine = new EngineClient();
    engine.get();
    engine.stop();
    expect(forks[0]?.killed).toBe(true);
    const api = engine.get(); // e.g. macOS: window closed, reopened, scan started
    let settled = false;
    const call = api.version({}).finally(() => { settled = true; });
    call.catch(() => {});
    forks[0]?.emit('exit', 0); // the old child's exit arrives now
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    expect(engine.get()).toBe(api);
    expect(forks).toHaveLength(2);
    engine.stop();
    expect(forks[1]?.killed).toBe(true);
  });
});

describe('registerIpc', () => {
  it('aborts a running call when its page goes away (reload or close)', async () => {
    let seen: AbortSignal | undefined;
    let release: () => void = () => {};
    const fakeEngine = {
      get: () => ({
        scan: (_input: unknown, ctx: { signal: AbortSignal }) => new Promise((resolve) => {
          seen = ctx.signal;
          release = () => resolve({});
        }),
      }),
    };
    registerIpc(fakeEngine as never, () => true, async () => null);
    const sender = Object.assign(new EventEmitter(), { isDestroyed: () => false, send: () => {} });
    const handler = ipc.handle.get(IPC.call) as (...a: unknown[]) => Promise<unknown>;
    const reply = handler({ senderFrame: {}, sender }, 'scan', {}, 'c1');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen?.aborted).toBe(false);
    sender.emit('did-navigate');
    expect(seen?.aborted).toBe(true);
    release();
    await expect(reply).resolves.toMatchObject({ ok: true });
    expect(sender.listenerCount('destroyed')).toBe(0);
    expect(sender.listenerCount('did-navigate')).toBe(0);
  });
});

describe('registerIpc: saving', () => {
  it('saveFile shows the dialog for a trusted frame only, and report takes only its token as outFile', async () => {
    const seen: unknown[] = [];
    const fakeEngine = { get: () => ({ report: async (input: unknown) => { seen.push(input); return { outFile: 'x', pages: 1, bytes: 1 }; } }) };
    let trusted = true;
    const dialogs: string[] = [];
    registerIpc(fakeEngine as never, () => trusted, async (_e, kind, name) => { dialogs.push(`${kind}:${name}`); return '/home/admin/audit.pdf'; });
    const save = ipc.handle.get(IPC.save) as (...a: unknown[]) => Promise<{ ok: boolean; value?: { token: string; name: string } }>;
    const call = ipc.handle.get(IPC.call) as (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>;
    const sender = Object.assign(new EventEmitter(), { isDestroyed: () => false, send: () => {} });
    const ev = { senderFrame: {}, sender };

    const saved = await save(ev, { kind: 'pdf', suggestedName: 'audit' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'audit.pdf' } });
    expect(dialogs).toEqual(['pdf:audit.pdf']);

    expect(await call(ev, 'report', { scan: {}, outFile: '/home/admin/.bashrc' }, 'r1')).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
    expect(seen).toEqual([]); // the engine never saw it
    expect(await call(ev, 'report', { scan: {}, outFile: saved.value?.token }, 'r2')).toMatchObject({ ok: true });
    expect(seen).toEqual([{ scan: {}, outFile: '/home/admin/audit.pdf' }]);

    trusted = false;
    expect(await save(ev, { kind: 'pdf', suggestedName: 'audit' })).toMatchObject({ ok: false });
    expect(dialogs).toHaveLength(1);
  });
});
