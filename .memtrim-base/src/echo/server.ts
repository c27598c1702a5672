// The echo server: a small HTTP JSON API (node:http) plus the SIP listeners. It tells
// an office its public IP, probes THAT address (the HTTP peer, never a target from
// the body) with SIP OPTIONS on an allow-list of SIP ports, reflects SIP requests for
// the ALG test and answers from other ports/IPs for the NAT test. Limits: body size,
// per-IP request rate and concurrency, global concurrency, request deadlines.
// See docs/ECHO.md (deployment, what is logged).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { VERSION } from '../version.js';
import { plainIp } from './address.js';
import { ConcurrencyLimiter, DEFAULT_ECHO_LIMITS, RateLimiter, type EchoLimits } from './limits.js';
import { NatRegistry, sendAlternates } from './nat.js';
import { probeRequester } from './probe.js';
import { DEFAULT_ALLOWED_PORTS, ECHO_API, MAX_PROBES_PER_REQUEST, NatRequestSchema, ProbeRequestSchema, type EchoInfo, type NatResponse, type ProbeResponse } from './protocol.js';
import { startSipListeners, type SipListeners } from './sip-listener.js';

export interface EchoServerOptions {
  /** Address for every listener (default 0.0.0.0). */
  bind?: string;
  httpPort?: number;
  /** SIP reflector / NAT test port (0 = any free port). */
  sipPort?: number;
  altPort?: number;
  /** A second local address for the NAT test's "answer from another IP". */
  altIp?: string | null;
  allowedPorts?: readonly number[];
  limits?: Partial<EchoLimits>;
  /** One line per event (JSON); default none. */
  log?: (line: string) => void;
}

export interface EchoServer {
  url: string;
  httpPort: number;
  sipPort: number;
  altPort: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) { super(message); }
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new HttpError(413, 'body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // past the limit: answer 413 and discard the rest (the answer closes the connection;
      // destroying the request here would kill the socket before the answer is written)
      if (size > max) { chunks.length = 0; reject(new HttpError(413, 'body too large')); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new HttpError(400, 'request aborted')));
  });
}

async function jsonBody<T>(req: IncomingMessage, schema: z.ZodType<T>, max: number): Promise<T> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'expected application/json');
  const raw = await readBody(req, max);
  let value: unknown;
  try { value = JSON.parse(raw.toString('utf8')); } catch { throw new HttpError(400, 'invalid JSON'); }
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, `invalid request: ${r.error.issues.slice(0, 2).map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}`.slice(0, 200));
  return r.data;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export async function startEchoServer(opts: EchoServerOptions = {}): Promise<EchoServer> {
  const limits: EchoLimits = { ...DEFAULT_ECHO_LIMITS, ...opts.limits };
  const bind = opts.bind ?? '0.0.0.0';
  const allowed = new Set(opts.allowedPorts ?? DEFAULT_ALLOWED_PORTS);
  const log = (event: string, fields: Record<string, string | number>): void => opts.log?.(JSON.stringify({ t: new Date().toISOString(), event, ...fields }));
  const httpLimiter = new RateLimiter(limits.requestsPerWindow, limits.windowMs, limits.maxTracked);
  const sipLimiter = new RateLimiter(limits.sipPerWindow, limits.windowMs, limits.maxTracked);
  const busy = new ConcurrencyLimiter(limits.perIpConcurrency, limits.globalConcurrency);
  const nat = new NatRegistry(60_000, limits.maxTracked);
  const serverName = `ghostcall-echo/${VERSION}`;
  const closing = new AbortController();
  const sip: SipListeners = await startSipListeners({
    bind, sipPort: opts.sipPort ?? 5060, altPort: opts.altPort ?? 5062, altIp: opts.altIp ?? null, serverName, limiter: sipLimiter, nat, log,
  });
  const sockets = new Set<Socket>();

  const exclusive = async <T>(ip: string, fn: () => Promise<T>): Promise<T> => {
    const release = busy.acquire(ip);
    if (!release) throw new HttpError(429, 'busy: one test at a time', { 'retry-after': '5' });
    try { return await fn(); } finally { release(); }
  };

  const routes: Record<string, (req: IncomingMessage, ip: string) => Promise<unknown>> = {
    'GET /v1/info': async (_req, ip): Promise<EchoInfo> => ({
      api: ECHO_API, version: VERSION, yourIp: ip, sipPort: sip.sipPort, altPort: sip.altPort, altIp: sip.altIpSock !== null,
      allowedPorts: [...allowed].sort((a, b) => a - b), maxProbes: MAX_PROBES_PER_REQUEST,
    }),
    'POST /v1/probe': async (req, ip): Promise<ProbeResponse> => {
      const body = await jsonBody(req, ProbeRequestSchema, limits.maxBodyBytes);
      const refused = body.ports.filter((p) => !allowed.has(p));
      if (refused.length > 0) throw new HttpError(400, `ports not allowed: ${refused.slice(0, 5).join(', ')} (allowed: see /v1/info)`);
      const transports = [...new Set(body.transports)];
      if (new Set(body.ports).size * transports.length > MAX_PROBES_PER_REQUEST) throw new HttpError(400, `at most ${MAX_PROBES_PER_REQUEST} probes per request`);
      return exclusive(ip, async () => {
        // the ONLY address probed is the requester's own (the HTTP peer)
        const probes = await probeRequester({
          requesterIp: ip, ports: body.ports, transports, timeoutMs: limits.probeTimeoutMs,
          localAddress: bind === '0.0.0.0' || bind === '::' ? undefined : bind, userAgent: serverName, signal: closing.signal,
        });
        log('probe', { ip, ports: body.ports.join(','), transports: transports.join(','), reachable: probes.filter((p) => p.reachable).length });
        return { yourIp: ip, probes };
      });
    },
    'POST /v1/nat': async (req, ip): Promise<NatResponse> => {
      const body = await jsonBody(req, NatRequestSchema, limits.maxBodyBytes);
      return exclusive(ip, async () => {
        const m = nat.take(body.token, ip);
        if (!m) throw new HttpError(404, 'unknown token: send the registration datagram first, from this IP');
        const sent = await sendAlternates(m, body.token, sip.alt, sip.altIpSock);
        log('nat', { ip, mappedPort: m.port, altIp: sent.altIp ? 1 : 0 });
        return { mapped: `${m.ip}:${m.port}`, sent };
      });
    },
  };

  const http = createServer({ requestTimeout: limits.requestTimeoutMs, headersTimeout: Math.min(limits.requestTimeoutMs, 5000), keepAliveTimeout: 2000, maxHeaderSize: 8192, connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs) }, (req, res) => {
    const ip = plainIp(req.socket.remoteAddress ?? '');
    const t0 = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    const key = `${req.method ?? ''} ${path}`;
    const done = (status: number): void => log('http', { ip, route: key.slice(0, 40), status, ms: Math.round(performance.now() - t0) });
    if (!httpLimiter.take(ip)) {
      send(res, 429, { error: 'rate limit' }, { 'retry-after': String(httpLimiter.retryAfterS(ip)) });
      req.resume();
      done(429);
      return;
    }
    const route = routes[key];
    if (!route) {
      const known = Object.keys(routes).some((k) => k.endsWith(` ${path}`));
      send(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      req.resume();
      done(known ? 405 : 404);
      return;
    }
    route(req, ip).then((value) => { send(res, 200, value); done(200); }, (err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      send(res, status, { error: err instanceof HttpError ? err.message : 'internal error' }, err instanceof HttpError ? { ...err.headers, connection: 'close' } : { connection: 'close' });
      done(status);
    });
  });
  http.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  http.on('clientError', (_err, socket) => { socket.destroy(); });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ host: bind, port: opts.httpPort ?? 8080 }, () => { http.removeListener('error', reject); resolve(); });
  });
  const addr = http.address();
  const httpPort = typeof addr === 'object' && addr ? addr.port : 0;
  const host = bind === '0.0.0.0' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
  log('start', { bind, httpPort, sipPort: sip.sipPort, altPort: sip.altPort, altIp: opts.altIp ?? '' });
  return {
    url: `http://${host}:${httpPort}`, httpPort, sipPort: sip.sipPort, altPort: sip.altPort,
    close: async () => {
      closing.abort();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => http.close(() => r()));
      await sip.close();
    },
  };
}
