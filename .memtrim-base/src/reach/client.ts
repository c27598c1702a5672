// The reach stage: "Can the internet ring your phones?" asked from inside the office.
// The echo server (user-named; none by default) probes the office's public IP from
// outside on SIP ports, reflects a SIP request (ALG test) and answers from other
// ports/IPs (NAT filtering). Order matters: the outside probe runs first, before our
// own packets open NAT mappings. A failing step leaves its field null and says why.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { CallContext } from '../api/contract.js';
import { EngineError } from '../api/errors.js';
import type { Reach, Transport } from '../api/result.js';
import { sleep } from '../discover/rate.js';
import { InfoSchema, ProbeResponseSchema, type EchoInfo, type ProbeAnswer, type ProbeResponse } from '../echo/protocol.js';
import { algTest } from './alg.js';
import { callEcho, EchoHttpError } from './http.js';
import { natTest } from './nat.js';

export interface ReachOptions {
  endpoint: string;
  ports: number[];
  transports?: Transport[];
  timeoutMs: number;
  /** Local address for every socket (tests on 127.0.0.x; a chosen interface). */
  localAddress?: string;
}

const STEPS = 4;
const BUSY_WAIT_MS = 3000;

export function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try { url = new URL(endpoint); } catch { throw new EngineError('E_BAD_INPUT', `not a URL: ${endpoint}`, { detail: `--endpoint ${endpoint}: not a URL (e.g. http://echo.example.net:8080)` }); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EngineError('E_BAD_INPUT', `echo endpoint must be http(s): ${endpoint}`, { detail: `--endpoint: http:// or https:// only` });
  }
  if (url.username || url.password) throw new EngineError('E_BAD_INPUT', 'echo endpoint URL must not carry credentials', { detail: '--endpoint: no user:password@ in the URL' });
  return url;
}

async function hostIp(url: URL): Promise<string> {
  const h = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(h) !== 0) return h;
  return (await lookup(h, { family: 4 })).address;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/** The allowed ports, in chunks the server accepts (ports × transports ≤ maxProbes). */
function probeBatches(ports: number[], transports: Transport[], info: EchoInfo): number[][] {
  const ok = ports.filter((p) => info.allowedPorts.includes(p));
  const per = Math.max(1, Math.floor(info.maxProbes / transports.length));
  const out: number[][] = [];
  for (let i = 0; i < ok.length; i += per) out.push(ok.slice(i, i + per));
  return out;
}

export async function runReach(o: ReachOptions, ctx: Required<CallContext>): Promise<Reach> {
  const endpoint = parseEndpoint(o.endpoint);
  const transports: Transport[] = [...new Set<Transport>(o.transports ?? ['udp', 'tcp'])];
  const t0 = performance.now();
  let done = 0;
  const step = (msg: string): void => ctx.onProgress({ phase: 'reach', done: ++done, total: STEPS, found: 0, elapsedMs: Math.round(performance.now() - t0), message: msg });
  const http = { localAddress: o.localAddress, signal: ctx.signal };
  const reach: Reach = {
    publicIp: null, testedAt: new Date().toISOString(), probes: [], sipAlg: null, natFiltering: null, error: null,
    endpoint: `${endpoint.protocol}//${endpoint.host}`, alg: null, natTests: null,
  };
  const errors: string[] = [];
  ctx.onProgress({ phase: 'reach', done: 0, total: STEPS, found: 0, elapsedMs: 0 });

  let info: EchoInfo;
  let host: string;
  try {
    info = await callEcho(endpoint, 'GET', '/v1/info', undefined, InfoSchema, { ...http, timeoutMs: o.timeoutMs });
    host = await hostIp(endpoint);
  } catch (err) {
    if (ctx.signal.aborted) return { ...reach, error: 'cancelled' };
    return { ...reach, error: `echo server unreachable: ${message(err)}` };
  }
  reach.publicIp = info.yourIp;
  step('info');

  // 1. The outside probe, before our own traffic opens any NAT mapping.
  const refused = o.ports.filter((p) => !info.allowedPorts.includes(p));
  if (refused.length > 0) errors.push(`ports the echo server does not probe: ${refused.join(', ')}`);
  const probes: ProbeAnswer[] = [];
  try {
    for (const ports of probeBatches(o.ports, transports, info)) {
      if (ctx.signal.aborted) break;
      const call = (): Promise<ProbeResponse> => callEcho(endpoint, 'POST', '/v1/probe', { ports, transports }, ProbeResponseSchema, { ...http, timeoutMs: o.timeoutMs + 15_000 });
      // another PC of the same office may be testing (one test per public IP at a time): wait once
      const r = await call().catch(async (err: unknown) => {
        if (!(err instanceof EchoHttpError) || err.status !== 429 || ctx.signal.aborted) throw err;
        await sleep(BUSY_WAIT_MS, ctx.signal); // cut short by a cancel
        if (ctx.signal.aborted) throw err;
        return call();
      });
      probes.push(...r.probes);
    }
  } catch (err) {
    errors.push(`probe: ${message(err)}`);
  }
  reach.probes = probes.map((p) => ({ transport: p.transport, port: p.port, reachable: p.reachable, answeredBy: p.reachable ? (p.userAgent ?? p.server) : null }));
  step('probe');

  // 2. SIP ALG.
  if (!ctx.signal.aborted) {
    const alg = await algTest({ host, port: info.sipPort, timeoutMs: o.timeoutMs, localAddress: o.localAddress, signal: ctx.signal }).catch((err: unknown) => ({ sipAlg: null, sent: null, received: null, error: message(err) }));
    reach.sipAlg = alg.sipAlg;
    if (alg.sent && alg.received) {
      reach.alg = { sentVia: alg.sent.via, sentContact: alg.sent.contact, receivedVia: alg.received.via, receivedContact: alg.received.contact, source: alg.received.source };
    }
    if (alg.error) errors.push(`ALG test: ${alg.error}`);
  }
  step('alg');

  // 3. NAT filtering.
  if (!ctx.signal.aborted) {
    const nat = await natTest({ endpoint, host, sipPort: info.sipPort, timeoutMs: o.timeoutMs, localAddress: o.localAddress, signal: ctx.signal });
    reach.natFiltering = nat.natFiltering;
    reach.natTests = nat.tests;
    if (nat.error) errors.push(`NAT test: ${nat.error}`);
  }
  step('nat');
  if (ctx.signal.aborted) errors.push('cancelled');
  reach.error = errors.length > 0 ? errors.join('; ').slice(0, 1000) : null;
  return reach;
}
