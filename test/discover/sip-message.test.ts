import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { buildAck, buildCancel, buildInvite, buildOptions, minimalSdp } from '../../src/discover/sip/message.js';
import type { RequestParams } from '../../src/discover/sip/message.js';
import { SipStreamFramer, callIdOf, cseqOf, parseSipMessage, topViaBranch } from '../../src/discover/sip/parse.js';
import type { SipMessage } from '../../src/discover/sip/parse.js';
import { VERSION } from '../../src/version.js';

/** A UAS that rings until cancelled and requires the ACK of its 487 (shared sipp scenario). */
const RINGING_UAS = fileURLToPath(new URL('../fixtures/sipp/ringing-uas.xml', import.meta.url));

const base: RequestParams = {
  transport: 'udp', targetIp: '10.0.0.50', targetPort: 5060, localIp: '10.0.0.2', localPort: 40000,
  callId: 'c0ffee-1@ghostcall', branch: 'z9hG4bK-abc123', fromTag: 'ft99', cseq: 7,
};

function parse(buf: Buffer): SipMessage {
  const r = parseSipMessage(buf);
  if (!r.ok) throw new Error(r.error);
  return r.msg;
}

describe('buildOptions', () => {
  it('round-trips through the parser with the same Call-ID, branch and CSeq', () => {
    const m = parse(buildOptions(base));
    expect(m).toMatchObject({ kind: 'request', method: 'OPTIONS', uri: 'sip:10.0.0.50:5060' });
    expect(callIdOf(m)).toBe(base.callId);
    expect(topViaBranch(m)).toBe(base.branch);
    expect(cseqOf(m)).toEqual({ seq: 7, method: 'OPTIONS' });
    expect(m.headers.get('via')).toBe('SIP/2.0/UDP 10.0.0.2:40000;rport;branch=z9hG4bK-abc123');
    expect(m.headers.get('max-forwards')).toBe('70');
    expect(m.headers.get('accept')).toBe('application/sdp');
    expect(m.headers.get('content-length')).toBe('0');
    expect(m.headers.get('from')).toBe('"ghostcall" <sip:ghostcall@10.0.0.2:40000>;tag=ft99');
    expect(m.headers.get('user-agent')).toBe(`ghostcall/${VERSION}`);
  });

  it('uses CRLF line ends and ends with an empty line', () => {
    const text = buildOptions(base).toString();
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('names the transport in Via, Request-URI and Contact for TCP/TLS', () => {
    const tcp = parse(buildOptions({ ...base, transport: 'tcp', toUser: '100' }));
    expect(tcp.uri).toBe('sip:100@10.0.0.50:5060;transport=tcp');
    expect(tcp.headers.get('via')).toMatch(/^SIP\/2\.0\/TCP /);
    expect(tcp.headers.get('to')).toBe('<sip:100@10.0.0.50:5060>');
    const tls = parse(buildOptions({ ...base, transport: 'tls', targetPort: 5061 }));
    expect(tls.headers.get('via')).toMatch(/^SIP\/2\.0\/TLS /);
    expect(tls.headers.get('contact')).toBe('<sip:ghostcall@10.0.0.2:40000;transport=tls>');
  });

  it('refuses values that would inject headers or break the protocol', () => {
    expect(() => buildOptions({ ...base, branch: 'abc' })).toThrow(/z9hG4bK/);
    expect(() => buildOptions({ ...base, callId: 'x\r\nEvil: 1' })).toThrow(RangeError);
    expect(() => buildOptions({ ...base, userAgent: 'ua\r\nX: y' })).toThrow(RangeError);
    expect(() => buildOptions({ ...base, toUser: 'a b' })).toThrow(RangeError);
    expect(() => buildOptions({ ...base, targetIp: 'evil.example' })).toThrow(RangeError);
    expect(() => buildOptions({ ...base, targetPort: 70000 })).toThrow(RangeError);
    expect(() => buildOptions({ ...base, cseq: -1 })).toThrow(RangeError);
  });
});

describe('buildInvite / buildCancel / buildAck', () => {
  const invite = { ...base, fromUser: '1000', toUser: '100' };

  it('INVITE carries From "1000", a minimal SDP and a matching Content-Length', () => {
    const m = parse(buildInvite(invite));
    expect(m.method).toBe('INVITE');
    expect(m.headers.get('from')).toBe('"1000" <sip:1000@10.0.0.2:40000>;tag=ft99');
    expect(m.headers.get('content-type')).toBe('application/sdp');
    expect(Number(m.headers.get('content-length'))).toBe(m.body.length);
    expect(m.body.toString()).toMatch(/^v=0\r\no=ghostcall \d+ \d+ IN IP4 10\.0\.0\.2\r\n/);
    expect(m.body.toString()).toContain('m=audio 40002 RTP/AVP 0 8 101\r\n');
    const custom = parse(buildInvite({ ...invite, sdp: minimalSdp('10.0.0.2', 30000, 1) }));
    expect(custom.body.toString()).toContain('m=audio 30000 ');
  });

  it('CANCEL matches the INVITE: Request-URI, branch, Call-ID, From, To, CSeq number', () => {
    const inv = parse(buildInvite(invite));
    const can = parse(buildCancel(invite));
    expect(can.method).toBe('CANCEL');
    expect(can.uri).toBe(inv.uri);
    for (const h of ['via', 'call-id', 'from', 'to']) expect(can.headers.get(h)).toBe(inv.headers.get(h));
    expect(cseqOf(can)).toEqual({ seq: 7, method: 'CANCEL' });
  });

  it('ACK for a non-2xx final response reuses the response To (with tag) and the INVITE branch', () => {
    const to = '<sip:100@10.0.0.50:5060>;tag=abc-487';
    const ack = parse(buildAck(invite, `  ${to} `));
    expect(ack.method).toBe('ACK');
    expect(ack.headers.get('to')).toBe(to);
    expect(topViaBranch(ack)).toBe(base.branch);
    expect(cseqOf(ack)).toEqual({ seq: 7, method: 'ACK' });
    expect(() => buildAck(invite, 'x\r\nEvil: y')).toThrow(RangeError);
  });
});

// --- Validation against a real SIP stack: sipp on 127.0.0.1 only (loopback, never the LAN). ---
const hasSipp = spawnSync('sipp', ['-v']).error === undefined;
const children: ChildProcess[] = [];
const sockets: Socket[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGKILL');
  for (const s of sockets.splice(0)) s.close();
});

async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

async function freeTcpPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const addr = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

async function client(): Promise<{ sock: Socket; port: number; next: (pred: (m: SipMessage) => boolean, ms: number) => Promise<SipMessage> }> {
  const sock = createSocket('udp4');
  sockets.push(sock);
  const inbox: SipMessage[] = [];
  const waiters: Array<() => void> = [];
  sock.on('message', (buf) => {
    const r = parseSipMessage(buf);
    if (r.ok) inbox.push(r.msg);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  const next = async (pred: (m: SipMessage) => boolean, ms: number): Promise<SipMessage> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = inbox.findIndex(pred);
      if (i >= 0) return inbox.splice(i, 1)[0] as SipMessage;
      if (Date.now() > deadline) throw new Error('no matching SIP message');
      await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 100); });
    }
  };
  return { sock, port: sock.address().port, next };
}

function startSipp(args: string[]): ChildProcess {
  const child = spawn('sipp', [...args, '-i', '127.0.0.1', '-nostdin', '-m', '1', '-timeout', '20s'], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  return child;
}

/** sipp's exit code, or 'timeout' if it is still waiting (for a message it never matched) after ms. */
const exitCode = (c: ChildProcess, ms: number): Promise<number | null | 'timeout'> =>
  c.exitCode !== null ? Promise.resolve(c.exitCode) : new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    c.on('exit', (code) => { clearTimeout(timer); resolve(code); });
  });

/** Keep sending (sipp needs a moment to bind) until a response arrives. */
async function sendUntilAnswered(c: Awaited<ReturnType<typeof client>>, msg: Buffer, port: number, pred: (m: SipMessage) => boolean): Promise<SipMessage> {
  for (let i = 0; i < 30; i++) {
    c.sock.send(msg, port, '127.0.0.1');
    try { return await c.next(pred, 300); } catch { /* retry: sipp not up yet */ }
  }
  throw new Error('sipp never answered');
}

describe.skipIf(!hasSipp)('against sipp on 127.0.0.1 (needs sipp)', () => {
  it('sipp -sn uas -aa answers our OPTIONS with 200 and the same Call-ID/branch', async () => {
    const port = await freeUdpPort();
    startSipp(['-sn', 'uas', '-aa', '-p', String(port)]);
    const c = await client();
    const p: RequestParams = { ...base, targetIp: '127.0.0.1', targetPort: port, localIp: '127.0.0.1', localPort: c.port, callId: `opt-${port}` };
    const res = await sendUntilAnswered(c, buildOptions(p), port, (m) => callIdOf(m) === p.callId);
    expect(res.status).toBe(200);
    expect(topViaBranch(res)).toBe(p.branch);
    expect(cseqOf(res)).toEqual({ seq: 7, method: 'OPTIONS' });
  });

  it('over TCP: sipp answers our OPTIONS, and the stream framer reads it', async () => {
    const port = await freeTcpPort();
    startSipp(['-sn', 'uas', '-aa', '-t', 't1', '-p', String(port)]);
    let answer: SipMessage | null = null;
    for (let attempt = 0; attempt < 30 && answer === null; attempt++) {
      answer = await new Promise<SipMessage | null>((resolve) => {
        const sock = connect(port, '127.0.0.1');
        const framer = new SipStreamFramer();
        const timer = setTimeout(() => { sock.destroy(); resolve(null); }, 1000);
        sock.on('error', () => { clearTimeout(timer); setTimeout(() => resolve(null), 200); });
        sock.on('connect', () => {
          const p: RequestParams = { ...base, transport: 'tcp', targetIp: '127.0.0.1', targetPort: port, localIp: '127.0.0.1', localPort: sock.localPort ?? 1, callId: `tcp-${port}` };
          sock.write(buildOptions(p));
        });
        sock.on('data', (d: Buffer) => {
          const [m] = framer.push(d);
          if (m) { clearTimeout(timer); sock.destroy(); resolve(m); }
        });
      });
    }
    expect(answer?.status).toBe(200);
    expect(answer && callIdOf(answer)).toBe(`tcp-${port}`);
    expect(answer && topViaBranch(answer)).toBe(base.branch);
  });

  it('INVITE → 180, CANCEL → 200 + 487, ACK: sipp completes its call successfully', async () => {
    const scenario = RINGING_UAS;
    const port = await freeUdpPort();
    const sipp = startSipp(['-sf', scenario, '-p', String(port)]);
    const c = await client();
    const p = { ...base, targetIp: '127.0.0.1', targetPort: port, localIp: '127.0.0.1', localPort: c.port, callId: `inv-${port}`, fromUser: '1000', toUser: '100' };
    const ringing = await sendUntilAnswered(c, buildInvite(p), port, (m) => callIdOf(m) === p.callId && m.status === 180);
    expect(cseqOf(ringing)).toEqual({ seq: 7, method: 'INVITE' });
    c.sock.send(buildCancel(p), port, '127.0.0.1');
    const ok = await c.next((m) => m.status === 200 && cseqOf(m)?.method === 'CANCEL', 5000);
    expect(callIdOf(ok)).toBe(p.callId);
    const terminated = await c.next((m) => m.status === 487, 5000);
    expect(cseqOf(terminated)).toEqual({ seq: 7, method: 'INVITE' });
    c.sock.send(buildAck(p, terminated.headers.get('to') ?? ''), port, '127.0.0.1');
    expect(await exitCode(sipp, 10_000)).toBe(0); // 0 = sipp saw every expected message: our CANCEL/ACK matched its call
  });
});
