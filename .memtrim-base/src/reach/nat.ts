// NAT filtering behaviour (RFC 4787 section 5, tests as in RFC 5780 section 4.4): from
// one local UDP port, register a token with the echo server (its answer from the same
// port proves the path), then ask it over HTTP to answer from ANOTHER port and from
// ANOTHER IP. What gets through:
//   other IP            → endpoint-independent filtering (anyone may send in once a phone sent out)
//   other port, not IP  → address-dependent
//   neither             → address-and-port-dependent
//   other port, server has no second IP → unknown (null): EIF and ADF look alike
import { randomBytes } from 'node:crypto';
import type { Reach } from '../api/result.js';
import { natDatagram, NatResponseSchema, parseNatDatagram, type NatKind } from '../echo/protocol.js';
import { callEcho } from './http.js';
import { openTestSocket } from './udp.js';

export interface NatOptions { endpoint: URL; host: string; sipPort: number; timeoutMs: number; localAddress?: string; signal?: AbortSignal }

export interface NatTests { control: boolean; altPort: boolean | null; altIp: boolean | null; mapped: string | null }
export interface NatResult { natFiltering: Reach['natFiltering']; tests: NatTests; error: string | null }

/** The filtering behaviour the three observations prove (null = not determined). */
export function classifyFiltering(t: NatTests): Reach['natFiltering'] {
  if (!t.control || t.altPort === null) return null;
  if (t.altIp === true) return 'endpoint-independent';
  if (!t.altPort) return 'address-and-port-dependent';
  return t.altIp === false ? 'address-dependent' : null;
}

export async function natTest(o: NatOptions): Promise<NatResult> {
  const token = randomBytes(16).toString('hex');
  const s = await openTestSocket(o.localAddress);
  const seen = new Set<NatKind>();
  s.sock.on('message', (buf) => {
    const d = parseNatDatagram(buf);
    if (d && d.token === token && d.kind !== 'REG') seen.add(d.kind);
  });
  const tests: NatTests = { control: false, altPort: null, altIp: null, mapped: null };
  try {
    const attempts = 3;
    for (let a = 0; a < attempts && !seen.has('CONTROL') && !o.signal?.aborted; a++) {
      await s.send(natDatagram('REG', token), o.sipPort, o.host);
      await s.next(() => (seen.has('CONTROL') ? true : null), o.timeoutMs / attempts, o.signal);
    }
    tests.control = seen.has('CONTROL');
    if (!tests.control) return { natFiltering: null, tests, error: `no UDP answer from ${o.host}:${o.sipPort}` };
    const r = await callEcho(o.endpoint, 'POST', '/v1/nat', { token }, NatResponseSchema, { timeoutMs: o.timeoutMs + 5000, localAddress: o.localAddress, signal: o.signal });
    tests.mapped = r.mapped;
    // the alternates were sent before the HTTP answer: give stragglers a short grace
    const want = (): boolean => seen.has('ALTPORT') && (!r.sent.altIp || seen.has('ALTIP'));
    if (!want()) await s.next(() => (want() ? true : null), Math.min(o.timeoutMs, 1500), o.signal);
    tests.altPort = r.sent.altPort ? seen.has('ALTPORT') : null;
    tests.altIp = r.sent.altIp ? seen.has('ALTIP') : null;
    return { natFiltering: classifyFiltering(tests), tests, error: null };
  } catch (err) {
    return { natFiltering: null, tests, error: err instanceof Error ? err.message : String(err) };
  } finally {
    s.close();
  }
}
