// Hostile devices for the farm (catalogue: hostile-devices.ts). Each misbehaves on
// purpose, on the wire, as a broken or malicious device would: garbage, floods,
// forged Call-IDs, endless or dripping streams, huge bodies, markup and escapes.
// The farm itself must survive all of it: every stream write respects backpressure
// and stops when the peer goes, every timer dies with its socket.
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FarmPhoneSpec } from './spec.js';
import { buildResponse, parseRequest } from './sip.js';
import type { ResponseCtx, SipRequest } from './sip.js';
import {
  ANSI_REASON, ANSI_SERVER, ANSI_UA, HOSTILE_TITLE, HOSTILE_WEB_SERVER, NUL_UA, UA_60K, hostileDevice, uaOf,
} from './hostile-devices.js';
import type { HostileDevice } from './hostile-devices.js';

export interface HostileEnv {
  /** bind bookkeeping of the farm (ready line) */
  bound: () => void;
  failed: (what: string) => void;
}

const ALLOW = 'INVITE, ACK, BYE, CANCEL, OPTIONS';
const log = (s: string): void => { process.stderr.write(`hostile: ${s}\n`); };

function ctxFor(ip: string, port: number, userAgent: string | null, server: string | null, source: { address: string; port: number }): ResponseCtx {
  return { userAgent, server, allow: ALLOW, supported: 'replaces', contact: `<sip:${ip}:${port}>`, source };
}

/** A 200 OK as the farm builds it, with its reason phrase swapped; UTF-8 on the wire. */
function ok(req: SipRequest, ctx: ResponseCtx, reason = 'OK'): Buffer {
  return Buffer.from(buildResponse(req, 200, reason, ctx), 'utf8');
}

/** Replace (or add before the blank line) one header of a built response. */
function withHeader(msg: Buffer, name: string, value: string): Buffer {
  const text = msg.toString('utf8');
  const re = new RegExp(`\\r\\n${name}:[^\\r]*`, 'i');
  const out = re.test(text) ? text.replace(re, `\r\n${name}: ${value}`) : text.replace(/\r\n\r\n$/, `\r\n${name}: ${value}\r\n\r\n`);
  return Buffer.from(out, 'utf8');
}

function bindUdp(ip: string, port: number, env: HostileEnv, onMessage: (msg: Buffer, from: dgram.RemoteInfo, sock: dgram.Socket) => void): Promise<dgram.Socket | null> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: 'udp4' });
    sock.once('error', (e) => { env.failed(`udp ${ip}:${port} ${e.message}`); resolve(null); });
    sock.on('message', (m, r) => { try { onMessage(m, r, sock); } catch (e) { log(`udp ${ip}:${port} ${String(e)}`); } });
    sock.bind({ address: ip, port, exclusive: true }, () => {
      sock.removeAllListeners('error');
      sock.on('error', (e) => log(`udp ${ip}:${port} ${e.message}`));
      env.bound();
      resolve(sock);
    });
  });
}

function listenTcp(ip: string, port: number, env: HostileEnv, onConn: (s: net.Socket) => void): Promise<void> {
  const server = net.createServer((s) => {
    s.on('error', () => s.destroy());
    try { onConn(s); } catch (e) { log(`tcp ${ip}:${port} ${String(e)}`); s.destroy(); }
  });
  return new Promise((resolve) => {
    server.once('error', (e) => { env.failed(`tcp ${ip}:${port} ${e.message}`); resolve(); });
    server.listen({ host: ip, port, backlog: 1024 }, () => {
      server.removeAllListeners('error');
      server.on('error', (e) => log(`tcp ${ip}:${port} ${e.message}`));
      env.bound();
      resolve();
    });
  });
}

const send = (sock: dgram.Socket, buf: Buffer, to: dgram.RemoteInfo): void => {
  sock.send(buf, to.port, to.address, () => { /* loss is fine */ });
};

// ---- SIP over UDP ----

type UdpPlay = (req: SipRequest | null, raw: Buffer, from: dgram.RemoteInfo, sock: dgram.Socket, ip: string, extra: dgram.Socket[]) => void;

const udpPlays: Partial<Record<HostileDevice['id'], UdpPlay>> = {
  'sip-ua-60k': (req, _raw, from, sock, ip) => {
    if (req) send(sock, ok(req, ctxFor(ip, 5060, UA_60K, null, from)), from);
  },
  'sip-garbage': (_req, _raw, from, sock) => {
    // Binary noise; noise that starts like SIP; an all-0xff near-maximal datagram; an empty one; lone CRLFs.
    send(sock, randomBytes(512), from);
    send(sock, Buffer.concat([Buffer.from('SIP/2.0 200 OK\r\nCall-ID: '), randomBytes(64), Buffer.from('\x00\x00\r\n\r\n')]), from);
    send(sock, Buffer.alloc(60_000, 0xff), from);
    send(sock, Buffer.alloc(0), from);
    send(sock, Buffer.from('\r\n\r\n\r\n'), from);
    send(sock, Buffer.from('SIP/2.0 999999999999 \x1b[31mOK\r\n\r\n'), from);
  },
  'sip-bad-length': (req, _raw, from, sock, ip) => {
    if (!req) return;
    const bad = (ua: string, cl: string): Buffer => withHeader(ok(req, ctxFor(ip, 5060, ua, null, from)), 'Content-Length', cl);
    send(sock, bad('BADLEN huge', '99999999999999999999999999'), from);
    send(sock, bad('BADLEN negative', '-1'), from);
    send(sock, bad('BADLEN too-large', '5000'), from);
    send(sock, bad('BADLEN not-a-number', '0x10'), from);
    // The good one comes last and a little later: the bad ones must not have settled the probe.
    setTimeout(() => send(sock, ok(req, ctxFor(ip, 5060, uaOf('sip-bad-length'), null, from)), from), 30);
  },
  'sip-flood': (req, _raw, from, sock, ip) => {
    if (!req) return;
    const msg = ok(req, ctxFor(ip, 5060, uaOf('sip-flood'), null, from));
    for (let i = 0; i < 200; i++) send(sock, msg, from);
  },
  'sip-ansi': (req, _raw, from, sock, ip) => {
    if (req) send(sock, ok(req, ctxFor(ip, 5060, ANSI_UA, ANSI_SERVER, from), ANSI_REASON), from);
  },
  'sip-nul': (req, _raw, from, sock, ip) => {
    if (req) send(sock, ok(req, ctxFor(ip, 5060, NUL_UA, null, from)), from);
  },
  'sip-spoofed-callid': (req, _raw, from, sock, ip, extra) => {
    if (!req) return;
    const mk = (ua: string): Buffer => ok(req, ctxFor(ip, 5060, ua, null, from));
    send(sock, withHeader(mk('SPOOFED random-callid'), 'Call-ID', randomBytes(12).toString('hex')), from);
    // Looks like a ghostcall probe id, but the keyed tag cannot be forged.
    send(sock, withHeader(mk('SPOOFED forged-tag'), 'Call-ID', `gc${randomBytes(12).toString('hex')}-5060`), from);
    // Its own (genuine) Call-ID, sent from a neighbour's address: must not be pinned on the neighbour.
    const neighbour = extra[0];
    if (neighbour) send(neighbour, mk('SPOOFED neighbour-source'), from);
  },
  'sip-other-port': (req, _raw, from, _sock, ip, extra) => {
    const other = extra[0];
    if (req && other) send(other, ok(req, ctxFor(ip, 5060, uaOf('sip-other-port'), null, from)), from);
  },
};

/** The normal UDP face of the TCP-hostile devices. */
const plainUdp = (id: HostileDevice['id']): UdpPlay => (req, _raw, from, sock, ip) => {
  if (req) send(sock, ok(req, ctxFor(ip, 5060, uaOf(id), null, from)), from);
};

// ---- SIP over TCP ----

/**
 * Write `next()` chunks while the socket takes them; stop when it is gone or next() is
 * done. Yields to the event loop every few chunks: a fast reader must not let one
 * endless stream starve every other device of this farm process.
 */
function pump(s: net.Socket, next: () => Buffer | null): void {
  const go = (): void => {
    for (let i = 0; i < 16; i++) {
      if (s.destroyed || !s.writable) return;
      const chunk = next();
      if (chunk === null) { s.end(); return; }
      if (!s.write(chunk)) { s.once('drain', go); return; }
    }
    setImmediate(go);
  };
  go();
}

/** One byte per second of `text`, looping forever, until the peer goes. */
function drip(s: net.Socket, text: string): void {
  const bytes = Buffer.from(text, 'latin1');
  let i = 0;
  const timer = setInterval(() => {
    if (s.destroyed) { clearInterval(timer); return; }
    s.write(bytes.subarray(i % bytes.length, (i % bytes.length) + 1));
    i++;
  }, 1000);
  s.on('close', () => clearInterval(timer));
}

const RESPONSE_HEAD = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 0.0.0.0;branch=z9hG4bKx\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n';

const tcpPlays: Partial<Record<HostileDevice['id'], (s: net.Socket) => void>> = {
  'tcp-silent': (s) => { s.setTimeout(0); /* accept, hold, say nothing */ },
  'tcp-drip': (s) => drip(s, `${RESPONSE_HEAD}User-Agent: ${uaOf('tcp-drip')}\r\nContent-Length: 0\r\n\r\n`),
  'tcp-endless-header': (s) => {
    let n = 0;
    const line = Buffer.from(`X-Endless-${'a'.repeat(100)}: ${'b'.repeat(900)}\r\n`);
    pump(s, () => (n++ === 0 ? Buffer.from(RESPONSE_HEAD) : line));
  },
  'tcp-50mb': (s) => {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'A');
    let sent = -1;
    pump(s, () => {
      if (sent < 0) { sent = 0; return Buffer.from(`${RESPONSE_HEAD}User-Agent: ${uaOf('tcp-50mb')}\r\nContent-Length: ${total}\r\n\r\n`); }
      if (sent >= total) return null;
      sent += chunk.length;
      return chunk;
    });
  },
  'tcp-reset': (s) => {
    s.once('data', () => {
      s.write(`${RESPONSE_HEAD}User-Agent: ${uaOf('tcp-reset')}\r\nContent-Le`, () => {
        setTimeout(() => { if (!s.destroyed) s.resetAndDestroy(); }, 50);
      });
    });
  },
};

// ---- web UI (raw HTTP on TCP: full control of every byte, as a broken embedded httpd has) ----

/** Calls back once per request head (up to CRLFCRLF), with the request path. */
function onHttpRequest(s: net.Socket, fn: (path: string) => void): void {
  let buf = '';
  s.setEncoding('latin1');
  s.on('data', (c: string) => {
    buf += c;
    if (buf.length > 65536) { s.destroy(); return; }
    let end: number;
    while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
      const head = buf.slice(0, end);
      buf = buf.slice(end + 4);
      fn(/^[A-Z]+ (\S+)/.exec(head)?.[1] ?? '/');
    }
  });
}

function httpHead(status: string, headers: Record<string, string>): Buffer {
  return Buffer.from(`HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'utf8');
}

/** Every byte value, 16 times: deterministic binary (random bytes could, by chance, look like a config line). */
const BINARY = Buffer.from(Array.from({ length: 4096 }, (_, i) => i & 0xff));

const webPlays: Partial<Record<HostileDevice['id'], (s: net.Socket) => void>> = {
  'http-huge': (s) => onHttpRequest(s, () => {
    const total = 100 * 1024 * 1024;
    const filler = Buffer.from(`${(64 * 1024).toString(16)}\r\n${'A'.repeat(64 * 1024)}\r\n`);
    let sent = -1;
    pump(s, () => {
      if (sent < 0) {
        sent = 0;
        const page = '<html><head>' + ' '.repeat(2000) + '<title>Yealink huge page</title></head><body>';
        return Buffer.concat([
          httpHead('200 OK', { Server: 'yealink embed httpd', 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }),
          Buffer.from(`${Buffer.byteLength(page).toString(16)}\r\n${page}\r\n`),
        ]);
      }
      if (sent >= total) return Buffer.from('0\r\n\r\n');
      sent += 64 * 1024;
      return filler;
    });
  }),
  'http-drip': (s) => onHttpRequest(s, () => drip(s, 'HTTP/1.1 200 OK\r\nServer: yealink embed httpd\r\nContent-Type: text/html\r\n\r\n<html><head><title>Yealink drip</title>')),
  'http-redirect-loop': (s) => onHttpRequest(s, (path) => {
    const next = path === '/' ? '/a' : path === '/a' ? '/b' : '/';
    s.write(httpHead('302 Found', { Server: 'yealink embed httpd', Location: next, 'Content-Length': '0' }));
  }),
  'http-title-markup': (s) => onHttpRequest(s, () => {
    const body = Buffer.from(`<!DOCTYPE html><html><head><title>${HOSTILE_TITLE}</title></head><body><script>alert(1)</script></body></html>`, 'utf8');
    s.write(Buffer.concat([httpHead('200 OK', { Server: HOSTILE_WEB_SERVER, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length), Connection: 'close' }), body]));
    s.end();
  }),
  'http-wrong-type': (s) => onHttpRequest(s, () => {
    const body = Buffer.concat([Buffer.from('<html><head><title>Yealink wrong type</title></head>'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]), BINARY]);
    s.write(Buffer.concat([httpHead('200 OK', { Server: 'yealink embed httpd', 'Content-Type': 'image/png', 'Content-Length': String(body.length), Connection: 'close' }), body]));
    s.end();
  }),
  // A "soft 404": every path, even a config export URL, gets the login page with 200.
  'http-soft-404': (s) => onHttpRequest(s, () => {
    const body = Buffer.from('<!DOCTYPE html>\n<html><head><title>Yealink Phone</title>\n<style>\n#login { margin: 0 auto; }\n.btn { color: #333; }\n</style>\n'
      + '<script>\nvar_timeout=300;\nlang = "en";\n</script></head>\n<body><form id="login" method="post"><input name="username"><input type="password" name="pwd"></form></body></html>\n');
    s.write(Buffer.concat([httpHead('200 OK', { Server: 'yealink embed httpd', 'Content-Type': 'text/html', 'Content-Length': String(body.length) }), body]));
  }),
  // Whatever arrives (a TLS ClientHello), the answer is plain HTTP, and the connection stays open.
  'https-plain': (s) => {
    const body = '<html><title>Yealink plain</title></html>';
    s.once('data', () => s.write(Buffer.concat([
      httpHead('400 Bad Request', { Server: 'yealink embed httpd', 'Content-Type': 'text/html', 'Content-Length': String(body.length) }),
      Buffer.from(body),
    ])));
  },
};

/** Open every socket of one hostile device. */
export async function startHostile(ps: FarmPhoneSpec, env: HostileEnv): Promise<void> {
  const dev = hostileDevice(ps.hostile ?? '');
  const ip = ps.ip;
  const jobs: Promise<unknown>[] = [];
  const udpPlay = udpPlays[dev.id] ?? plainUdp(dev.id);
  // Extra sockets a play sends from: another port of its own, or a neighbour's address.
  const extra: dgram.Socket[] = [];
  if (dev.id === 'sip-other-port') {
    const s = await bindUdp(ip, 5070, env, () => { /* send-only */ });
    if (s) extra.push(s);
  }
  if (dev.spoofOffset !== undefined) {
    const neighbourIp = ip.replace(/\.\d+$/, `.${dev.spoofOffset}`);
    const s = await bindUdp(neighbourIp, 0, env, () => { /* send-only */ });
    if (s) extra.push(s);
  }
  for (const port of dev.listens.udp.filter((p) => !(dev.id === 'sip-other-port' && p === 5070))) {
    jobs.push(bindUdp(ip, port, env, (msg, from, sock) => udpPlay(parseRequest(msg.toString('latin1')), msg, from, sock, ip, extra)));
  }
  const tcpPlay = tcpPlays[dev.id];
  if (tcpPlay) for (const port of dev.listens.tcp) jobs.push(listenTcp(ip, port, env, tcpPlay));
  const webPlay = webPlays[dev.id];
  if (webPlay) for (const w of dev.listens.web) jobs.push(listenTcp(ip, w.port, env, webPlay));
  await Promise.all(jobs);
}
