// The sweep against phones emulated on loopback addresses (127.0.0.0/8 only).
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../src/discover/sweep.js';
import type { SweepParams, SweepProgress } from '../../src/discover/sweep.js';
import { streamResponder, udpResponder } from './helpers/sip-responder.js';
import type { Responder, ResponderOptions } from './helpers/sip-responder.js';

const open: Responder[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function udp(o: ResponderOptions): Promise<Responder> {
  const r = await udpResponder(o);
  open.push(r);
  return r;
}
async function stream(o: ResponderOptions & { tls?: boolean }): Promise<Responder> {
  const r = await streamResponder(o);
  open.push(r);
  return r;
}

const base = (over: Partial<SweepParams>): SweepParams => ({
  ips: [], ports: [], transports: ['udp'], rate: 5000, timeoutMs: 500, retries: 3, concurrency: 32, ...over,
});
const ips = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `127.0.0.${from + i}`);

describe('sweep', () => {
  it('finds every phone on every transport and port with its own User-Agent', async () => {
    const a = await udp({ ip: '127.0.0.2', userAgent: 'Yealink SIP-T46S 66.86.0.15' });
    const P = a.port;
    await udp({ ip: '127.0.0.3', port: P, userAgent: 'Grandstream GXP2170 1.0.11.23' });
    const t = await stream({ ip: '127.0.0.4', port: P, userAgent: 'snom D715/10.1.54.13' }); // TCP-only
    const s = await stream({ ip: '127.0.0.5', userAgent: 'PolycomVVX-VVX_450-UA/6.4.3.5018', tls: true }); // TLS-only, other port
    expect(t.port).toBe(P);
    const res = await sweep(base({ ips: ips(2, 8), ports: [P, s.port], transports: ['udp', 'tcp', 'tls'] }), { signal: new AbortController().signal });
    const ua = (ip: string): string[] => (res.evidence.get(ip) ?? []).map((e) => `${e.transport}/${e.port === P ? 'P' : 'S'} ${e.userAgent}`);
    expect(ua('127.0.0.2')).toEqual(['udp/P Yealink SIP-T46S 66.86.0.15']);
    expect(ua('127.0.0.3')).toEqual(['udp/P Grandstream GXP2170 1.0.11.23']);
    expect(ua('127.0.0.4')).toEqual(['tcp/P snom D715/10.1.54.13']);
    expect(ua('127.0.0.5')).toEqual(['tls/S PolycomVVX-VVX_450-UA/6.4.3.5018']);
    expect([...res.evidence.keys()].sort()).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']);
    const ev = res.evidence.get('127.0.0.2')![0]!;
    expect(ev.status).toBe(200);
    expect(ev.allow).toContain('OPTIONS');
    expect(ev.rttMs).not.toBeNull();
    expect(res.cancelled).toBe(false);
    expect(res.alive.has('127.0.0.4')).toBe(true);
  });

  it('retransmits: a phone that drops the first two requests is still found', async () => {
    const r = await udp({ ip: '127.0.0.2', dropFirst: 2 });
    const res = await sweep(base({ ips: ['127.0.0.2'], ports: [r.port], retries: 3 }), { signal: new AbortController().signal });
    expect(res.evidence.get('127.0.0.2')?.[0]?.userAgent).toBe('Yealink SIP-T46S 66.86.0.15');
    expect(r.received).toBe(3); // and no further retransmission once it answered
  });

  it('gives up after 1 + retries sends, within the doubling schedule bounded by timeoutMs', async () => {
    const r = await udp({ ip: '127.0.0.2', mode: 'hold' });
    const t0 = performance.now();
    const res = await sweep(base({ ips: ['127.0.0.2'], ports: [r.port], retries: 2, timeoutMs: 100 }), { signal: new AbortController().signal });
    const took = performance.now() - t0;
    expect(r.received).toBe(3);
    expect(res.evidence.size).toBe(0);
    // waits T1 + 2T1 + 4T1 with T1 <= 100 ms, each bounded by timeoutMs
    expect(took).toBeLessThan(2000);
  });

  it('a hostile responder among the phones does not stop the others', async () => {
    const good = await udp({ ip: '127.0.0.2' });
    await udp({ ip: '127.0.0.3', port: good.port, mode: 'garbage' });
    await udp({ ip: '127.0.0.4', port: good.port, mode: 'huge' });
    await udp({ ip: '127.0.0.5', port: good.port, mode: 'wrong-tag' });
    const hold = await stream({ ip: '127.0.0.6', port: good.port, mode: 'hold' });
    const res = await sweep(base({ ips: ips(2, 6), ports: [good.port], transports: ['udp', 'tcp'], timeoutMs: 300 }), { signal: new AbortController().signal });
    expect([...res.evidence.keys()]).toEqual(['127.0.0.2']);
    expect(res.warnings.join(' ')).toMatch(/ignored \d+ datagram/);
    expect(hold.received).toBe(1);
    expect(res.alive.has('127.0.0.6')).toBe(true); // connected: alive, but no SIP
  });

  it('cancellation stops traffic at once and returns what was found', async () => {
    const found = await udp({ ip: '127.0.0.2' });
    const sinks = await Promise.all(ips(3, 8).map((ip) => udp({ ip, port: found.port, mode: 'hold' })));
    const ac = new AbortController();
    const t0 = performance.now();
    setTimeout(() => ac.abort(), 150);
    // 60 targets at 100 pps with 4 retries: seconds of traffic if not stopped
    const res = await sweep(base({ ips: ips(2, 61), ports: [found.port], rate: 100, retries: 4, timeoutMs: 2000 }), { signal: ac.signal });
    expect(performance.now() - t0).toBeLessThan(600);
    expect(res.cancelled).toBe(true);
    expect(res.evidence.has('127.0.0.2')).toBe(true);
    await new Promise((r) => setTimeout(r, 50)); // grace for datagrams already in flight
    const atAbort = sinks.reduce((n, s) => n + s.received, 0);
    await new Promise((r) => setTimeout(r, 700));
    expect(sinks.reduce((n, s) => n + s.received, 0)).toBe(atAbort);
  });

  it('reports progress, throttled, ending with done = total', async () => {
    const r = await udp({ ip: '127.0.0.2' });
    const events: SweepProgress[] = [];
    await sweep(base({ ips: ips(2, 41), ports: [r.port], rate: 400 }), { signal: new AbortController().signal, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThan(1);
    expect(events.length).toBeLessThan(40); // ~10/s, not one per packet
    const last = events[events.length - 1]!;
    expect(last.total).toBe(40);
    expect(last.done).toBe(40);
    expect(last.found).toBe(1);
    for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
  });

  it('uses the neighbour table: dead hosts get no retransmission, live silent hosts do', async () => {
    const phone = await udp({ ip: '127.0.0.2' });
    const silent = await udp({ ip: '127.0.0.3', port: phone.port, mode: 'hold' });
    const dead = await udp({ ip: '127.0.0.4', port: phone.port, mode: 'hold' }); // "dead": absent from the table
    const table = new Map([['127.0.0.2', '00:15:65:00:00:02'], ['127.0.0.3', '00:15:65:00:00:03']]);
    const res = await sweep(base({ ips: ips(2, 4), ports: [phone.port], retries: 3, timeoutMs: 200 }), {
      signal: new AbortController().signal, neighbours: async () => table, neighbourScope: () => true, // as if on an Ethernet link
    });
    expect(res.evidence.has('127.0.0.2')).toBe(true);
    expect(silent.received).toBe(4);
    // Pruned once its ARP grace (100 ms after the first probe) is over: under CPU load one
    // early retransmission may still go out, but never the full set the live host gets.
    expect(dead.received).toBeGreaterThanOrEqual(1);
    expect(dead.received).toBeLessThan(silent.received);
    expect(res.alive.has('127.0.0.3')).toBe(true);
    expect(res.alive.has('127.0.0.4')).toBe(false);
  });

  it('does not take loopback absence from the neighbour table as death (no ARP there)', async () => {
    const silent = await udp({ ip: '127.0.0.3', mode: 'hold' });
    await sweep(base({ ips: ['127.0.0.3'], ports: [silent.port], retries: 2, timeoutMs: 100 }), {
      signal: new AbortController().signal, neighbours: async () => new Map(),
    });
    expect(silent.received).toBe(3);
  });
});
