// The echo server on loopback: it probes ONLY the requester's own address (a body
// naming another target is refused, and that target never sees a packet), rate and
// concurrency limits answer 429, hostile bodies get a clean 4xx, the SIP reflector
// echoes the exact bytes (UDP and TCP). Loopback only, under the network guard.
import '../api/net-guard.js';
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type EchoServer } from '../../src/echo/server.js';
import { ReflectBodySchema } from '../../src/echo/protocol.js';
import { udpResponder, streamResponder, type Responder } from '../discover/helpers/sip-responder.js';

const OFFICE = '127.0.0.5'; // "the office's public IP": the client binds here
const OTHER = '127.0.0.6'; // a third party the server must never probe

interface Res { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function http(url: string, o: { method?: string; body?: string | Buffer; headers?: Record<string, string>; localAddress?: string; slowMs?: number } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', localAddress: o.localAddress ?? OFFICE, headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (o.slowMs) { req.write('{"po'); setTimeout(() => req.destroy(), o.slowMs); return; }
    req.end(o.body);
  });
}
const post = (url: string, body: unknown, localAddress = OFFICE): Promise<Res> =>
  http(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' }, localAddress });

describe('echo server (loopback)', () => {
  let echo: EchoServer;
  let phone: Responder; // the office phone, on the requester's address
  let tcpPhone: Responder;
  let bystander: Responder; // same port, another address
  let port: number;

  beforeAll(async () => {
    phone = await udpResponder({ ip: OFFICE, userAgent: 'Yealink SIP-T46S 66.86.0.15' });
    port = phone.port;
    tcpPhone = await streamResponder({ ip: OFFICE, port, userAgent: 'Snom D715 10.1.54.13' });
    bystander = await udpResponder({ ip: OTHER, port, userAgent: 'bystander' });
    echo = await startEchoServer({ bind: '127.0.0.1', httpPort: 0, sipPort: 0, altPort: 0, allowedPorts: [port, 5060], limits: { probeTimeoutMs: 600, requestsPerWindow: 1000 } });
  });
  afterAll(async () => { await echo?.close(); await phone?.close(); await tcpPhone?.close(); await bystander?.close(); });

  it('info: the requester sees its own address and the SIP ports', async () => {
    const r = await http(`${echo.url}/v1/info`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ api: 'ghostcall-echo/1', yourIp: OFFICE, sipPort: echo.sipPort, altPort: echo.altPort, altIp: false });
  });

  it('probes the requester on UDP and TCP and reports who answered; the bystander on the same port gets nothing', async () => {
    const before = bystander.received;
    const r = await post(`${echo.url}/v1/probe`, { ports: [port], transports: ['udp', 'tcp'] });
    expect(r.status, r.body).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.yourIp).toBe(OFFICE);
    expect(body.probes).toEqual([
      { transport: 'udp', port, reachable: true, status: 200, userAgent: 'Yealink SIP-T46S 66.86.0.15', server: null, outcome: 'answer' },
      { transport: 'tcp', port, reachable: true, status: 200, userAgent: 'Snom D715 10.1.54.13', server: null, outcome: 'answer' },
    ]);
    expect(bystander.received).toBe(before);
  });

  it('a request from another address probes that address: nothing answers there', async () => {
    const r = await post(`${echo.url}/v1/probe`, { ports: [port], transports: ['tcp'] }, '127.0.0.7');
    expect(JSON.parse(r.body).probes).toEqual([{ transport: 'tcp', port, reachable: false, status: null, userAgent: null, server: null, outcome: 'refused' }]);
  });

  it('refuses a body that names a target (no reflector), and the target never sees a packet', async () => {
    const before = bystander.received;
    for (const body of [{ ports: [port], transports: ['udp'], target: OTHER }, { ports: [port], ip: OTHER }, { ports: [port], host: OTHER }]) {
      const r = await post(`${echo.url}/v1/probe`, body);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body).error).toMatch(/invalid request/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(bystander.received).toBe(before);
  });

  it('ports outside the allow-list and too many probes are refused', async () => {
    expect((await post(`${echo.url}/v1/probe`, { ports: [22] })).status).toBe(400);
    expect(JSON.parse((await post(`${echo.url}/v1/probe`, { ports: [22, 80] })).body).error).toMatch(/ports not allowed: 22, 80/);
    expect((await post(`${echo.url}/v1/probe`, { ports: Array.from({ length: 13 }, (_, i) => 5060 + i) })).status).toBe(400);
  });

  it('hostile bodies get a clean 4xx: oversized, chunked oversized, bad JSON, wrong type, unknown route, wrong method', async () => {
    // a declared 1 MB body is refused before it is read
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(`${echo.url}/v1/probe`, { method: 'POST', localAddress: OFFICE, headers: { 'content-type': 'application/json', 'content-length': String(1 << 20) } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.write(Buffer.alloc(1024, 0x61));
    });
    expect(declared).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${echo.url}/v1/probe`, { method: 'POST', localAddress: OFFICE, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write(Buffer.alloc(1024, 0x20));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await post(`${echo.url}/v1/probe`, '{"ports": [')).status).toBe(400);
    expect((await post(`${echo.url}/v1/probe`, '"\u0000\u001b[31m"')).status).toBe(400);
    expect((await http(`${echo.url}/v1/probe`, { method: 'POST', body: '{"ports":[5060]}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await http(`${echo.url}/v1/../../etc/passwd`)).status).toBe(404);
    expect((await http(`${echo.url}/v1/probe`)).status).toBe(405);
    // the server still works afterwards
    expect((await http(`${echo.url}/v1/info`)).status).toBe(200);
  });

  it('reflects a SIP request over UDP and TCP with the exact bytes and the source it saw', async () => {
    const { createSocket } = await import('node:dgram');
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.bind({ address: OFFICE, port: 0 }, () => r()));
    const req = Buffer.from([
      `OPTIONS sip:echo@127.0.0.1:${echo.sipPort} SIP/2.0`, `Via: SIP/2.0/UDP ${OFFICE}:${s.address().port};rport;branch=z9hG4bKtest1`,
      'From: <sip:t@x>;tag=1', `To: <sip:echo@127.0.0.1>`, 'Call-ID: reflect-1', 'CSeq: 1 OPTIONS', `Contact: <sip:t@${OFFICE}:${s.address().port}>`, 'Content-Length: 0', '', '',
    ].join('\r\n'));
    const answer = new Promise<Buffer>((r) => s.once('message', (b) => r(b)));
    s.send(req, echo.sipPort, '127.0.0.1');
    const text = (await answer).toString();
    s.close();
    expect(text).toMatch(/^SIP\/2\.0 200 OK\r\n/);
    expect(text).toContain('Call-ID: reflect-1');
    const body = ReflectBodySchema.parse(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)));
    expect(Buffer.from(body.received, 'base64').equals(req)).toBe(true);
    expect(body).toMatchObject({ transport: 'udp' });
    expect(body.source).toMatch(/^127\.0\.0\.5:\d+$/);

    // TCP: two requests on one connection, split across writes
    const sock = connect({ host: '127.0.0.1', port: echo.sipPort, localAddress: OFFICE });
    const got: Buffer[] = [];
    sock.on('data', (c: Buffer) => got.push(c));
    await new Promise((r) => sock.once('connect', r));
    const tcpReq = Buffer.from(req.toString().replace('SIP/2.0/UDP', 'SIP/2.0/TCP').replace('reflect-1', 'reflect-2'));
    sock.write(tcpReq.subarray(0, 30));
    await new Promise((r) => setTimeout(r, 50));
    sock.write(Buffer.concat([tcpReq.subarray(30), tcpReq]));
    await new Promise((r) => setTimeout(r, 300));
    sock.destroy();
    const all = Buffer.concat(got).toString();
    expect(all.match(/SIP\/2\.0 200 OK/g)).toHaveLength(2);
    const first = JSON.parse(all.slice(all.indexOf('\r\n\r\n') + 4, all.indexOf('}') + 1));
    expect(Buffer.from(first.received, 'base64').equals(tcpReq)).toBe(true);
    expect(first.transport).toBe('tcp');
  });

  it('no amplification over UDP: a tiny request whose answer would be > 3× its size gets none', async () => {
    const { createSocket } = await import('node:dgram');
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.bind({ address: OFFICE, port: 0 }, () => r()));
    const sizes: number[] = [];
    s.on('message', (b) => { sizes.push(b.length); });
    const tiny = Buffer.from('OPTIONS sip:a SIP/2.0\r\nVia: x\r\nFrom: a\r\nTo: b\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n'); // 78 bytes, valid SIP
    s.send(tiny, echo.sipPort, '127.0.0.1');
    // the same request padded with a header to a realistic size is answered, within the bound
    const padded = Buffer.from(tiny.toString().replace('\r\n\r\n', `\r\nUser-Agent: ${'x'.repeat(300)}\r\n\r\n`));
    await new Promise((r) => setTimeout(r, 100));
    s.send(padded, echo.sipPort, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 300));
    s.close();
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!).toBeLessThanOrEqual(3 * padded.length);
  });

  it('garbage and oversize on the SIP port are ignored; the listener keeps working', async () => {
    const { createSocket } = await import('node:dgram');
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.bind({ address: OFFICE, port: 0 }, () => r()));
    let answers = 0;
    s.on('message', () => { answers++; });
    for (const junk of [Buffer.from([0xff, 0, 1, 2]), Buffer.alloc(9000, 0x41), Buffer.from('SIP/2.0 200 OK\r\n\r\n'), Buffer.from('GCNAT1 ALTIP 0123456789abcdef0123456789abcdef')]) {
      s.send(junk, echo.sipPort, '127.0.0.1');
    }
    await new Promise((r) => setTimeout(r, 300));
    s.close();
    expect(answers).toBe(0);
    const sock = connect({ host: '127.0.0.1', port: echo.sipPort, localAddress: OFFICE });
    await new Promise((r) => sock.once('connect', r));
    const closed = new Promise((r) => sock.once('close', r));
    sock.on('error', () => {});
    sock.write('GARBAGE WITHOUT END\r\n\r\n');
    await closed; // no Content-Length on a stream: closed at once
  });
});

describe('echo server limits', () => {
  let echo: EchoServer;
  let phone: Responder;
  beforeAll(async () => {
    phone = await udpResponder({ ip: '127.0.0.8', userAgent: 'x', dropFirst: 1000 }); // never answers: each probe lasts its timeout
    echo = await startEchoServer({ bind: '127.0.0.1', httpPort: 0, sipPort: 0, altPort: 0, allowedPorts: [phone.port], limits: { requestsPerWindow: 4, windowMs: 60_000, probeTimeoutMs: 700, requestTimeoutMs: 1000 } });
  });
  afterAll(async () => { await echo?.close(); await phone?.close(); });

  it('one probe at a time per address (429 busy), then the per-address rate limit (429 + Retry-After); other addresses are unaffected', async () => {
    const a = post(`${echo.url}/v1/probe`, { ports: [phone.port], transports: ['udp'] }, '127.0.0.8');
    await new Promise((r) => setTimeout(r, 100));
    const b = await post(`${echo.url}/v1/probe`, { ports: [phone.port], transports: ['udp'] }, '127.0.0.8');
    expect(b.status).toBe(429);
    expect(JSON.parse(b.body).error).toMatch(/busy/);
    expect((await a).status).toBe(200);
    expect(JSON.parse((await a).body).probes[0]).toMatchObject({ reachable: false, outcome: 'timeout' });
    expect(phone.received).toBeGreaterThanOrEqual(2); // retransmitted within the deadline
    expect((await http(`${echo.url}/v1/info`, { localAddress: '127.0.0.8' })).status).toBe(200);
    expect((await http(`${echo.url}/v1/info`, { localAddress: '127.0.0.8' })).status).toBe(200);
    const limited = await http(`${echo.url}/v1/info`, { localAddress: '127.0.0.8' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await http(`${echo.url}/v1/info`, { localAddress: '127.0.0.9' })).status).toBe(200);
  });

  it('a body that never finishes is cut off at the request deadline', async () => {
    const t0 = Date.now();
    const r = await new Promise<string>((resolve) => {
      const req = request(`${echo.url}/v1/nat`, { method: 'POST', localAddress: '127.0.0.10', headers: { 'content-type': 'application/json', 'content-length': '100' } }, (res) => { res.resume(); resolve(String(res.statusCode)); });
      req.on('error', (e) => resolve(e.message));
      req.write('{"tok');
    });
    expect(r).toMatch(/408|socket hang up|ECONNRESET/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
