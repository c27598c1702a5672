// runScan end to end on loopback (127.0.0.0/8 only; mDNS and web probe off: they
// would be the only traffic that could leave loopback). The result validates against
// the versioned schema; cancelling returns partial results marked cancelled.
import { afterEach, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan.js';
import { ScanParamsSchema, ScanResultSchema } from '../../src/api/result.js';
import type { Progress } from '../../src/api/progress.js';
import { udpResponder } from './helpers/sip-responder.js';
import type { Responder } from './helpers/sip-responder.js';

const open: Responder[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

const LOOPBACK_ONLY = { mdns: false, http: false, config: false, checks: false };

describe('runScan (loopback)', () => {
  it('discovers, runs the stages and returns a schema-valid result', async () => {
    const r = await udpResponder({ ip: '127.0.0.2', userAgent: 'Fanvil X3U 2.12.1' });
    open.push(r);
    const events: Progress[] = [];
    const params = ScanParamsSchema.parse({ targets: ['127.0.0.2-4'], ports: [r.port], transports: ['udp'], timeoutMs: 300, ...LOOPBACK_ONLY });
    const res = await runScan(params, { signal: new AbortController().signal, onProgress: (p) => events.push(p) });
    expect(ScanResultSchema.safeParse(res).success).toBe(true);
    expect(res.schemaVersion).toBe(1);
    expect(res.tool.name).toBe('ghostcall');
    expect(res.devices.map((d) => d.ip)).toEqual(['127.0.0.2']);
    expect(res.devices[0]).toMatchObject({ sipAnswered: true, sources: ['sip'] });
    expect(res.devices[0]!.sip[0]!.userAgent).toBe('Fanvil X3U 2.12.1');
    expect(res.stats).toMatchObject({ targets: 3, cancelled: false });
    expect(res.stats.probesSent).toBeGreaterThanOrEqual(3);
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases.slice(0, 2)).toEqual(['targets', 'sweep']);
    expect(phases).toContain('fingerprint');
  });

  it('a cancelled scan resolves with what it found, marked cancelled', async () => {
    const r = await udpResponder({ ip: '127.0.0.2' });
    open.push(r);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const params = ScanParamsSchema.parse({ targets: ['127.0.0.2-127.0.0.200'], ports: [r.port], transports: ['udp'], rate: 100, ...LOOPBACK_ONLY });
    const t0 = performance.now();
    const res = await runScan(params, { signal: ac.signal, onProgress: () => {} });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res.stats.cancelled).toBe(true);
    expect(res.devices.map((d) => d.ip)).toEqual(['127.0.0.2']);
  });

  it('bad targets fail with the targets error code', async () => {
    const params = ScanParamsSchema.parse({ targets: ['8.8.8.8'], ...LOOPBACK_ONLY });
    await expect(runScan(params, { signal: new AbortController().signal, onProgress: () => {} })).rejects.toMatchObject({ code: 'E_PUBLIC_TARGET' });
  });
});
