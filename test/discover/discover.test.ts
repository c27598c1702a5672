// discover() on loopback (127.0.0.0/8 only; no mDNS). Progress: while the sweep
// runs, its events are the only ones — the web probe working beside it must not
// interleave its own counts (the bar would jump between two totals, and a log
// line would be printed at every switch) — and the 'http' phase follows.
// --interface: a missing one is refused before any packet.
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { ScanParamsSchema } from '../../src/api/result.js';
import type { Progress } from '../../src/api/progress.js';

describe('discover progress', () => {
  it('reports the web probe after the sweep, never interleaved with it', async () => {
    const events: Progress[] = [];
    // TCP refusals make silent hosts alive during the sweep, so the web probe (80/443, refused) runs beside it.
    const params = ScanParamsSchema.parse({
      targets: ['127.0.0.2-127.0.0.41'], ports: [5060], transports: ['udp', 'tcp'], timeoutMs: 400, retries: 2,
      mdns: false, http: true, arp: false, config: false, checks: false,
    });
    const res = await discover(params, { signal: new AbortController().signal, onProgress: (p) => events.push(p) });
    const phases = events.map((e) => e.phase);
    const lastSweep = phases.lastIndexOf('sweep');
    const firstHttp = phases.indexOf('http');
    expect(firstHttp).toBeGreaterThan(lastSweep);
    const http = events.filter((e) => e.phase === 'http');
    expect(http.at(-1)).toMatchObject({ done: 40, total: 40 });
    expect(res.stats.probesSent).toBeGreaterThanOrEqual(40 * 2); // one SIP OPTIONS and two web connects per host at least
  });
});

describe('discover --interface', () => {
  it('an interface without an IPv4 address is a network error before any packet (not silently another way out)', async () => {
    const params = ScanParamsSchema.parse({ targets: ['127.0.0.2'], interface: 'gc-no-such-if0', mdns: false, http: false, config: false, checks: false });
    const events: Progress[] = [];
    await expect(discover(params, { signal: new AbortController().signal, onProgress: (p) => events.push(p) }))
      .rejects.toMatchObject({ code: 'E_NETWORK', params: { interface: 'gc-no-such-if0' } });
    expect(events.filter((e) => e.phase === 'sweep')).toEqual([]);
  });
});
