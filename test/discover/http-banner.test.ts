import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpBannerSchema } from '../../src/api/result.js';
import { extractTitle, httpBanner, parseWwwAuthenticate } from '../../src/discover/http-banner.js';

// Hostile web servers on 127.0.0.1 only: raw TCP, so they can send anything.
const servers: Array<Server | HttpsServer> = [];
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function raw(onConnection: (sock: Socket) => void): Promise<number> {
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => undefined);
    sock.on('close', () => sockets.delete(sock));
    onConnection(sock);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

/** Reply once the request head has arrived. */
const replying = (reply: (sock: Socket, head: string) => void) => (sock: Socket): void => {
  let head = '';
  sock.on('data', (d: Buffer) => {
    head += d.toString('latin1');
    if (head.includes('\r\n\r\n')) reply(sock, head);
  });
};

async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
}

describe('parsers', () => {
  it('parseWwwAuthenticate', () => {
    expect(parseWwwAuthenticate('Digest realm="Yealink T46S", qop="auth", nonce="abc", opaque="x"')).toEqual({ scheme: 'digest', realm: 'Yealink T46S' });
    expect(parseWwwAuthenticate('Basic realm=GXP2170')).toEqual({ scheme: 'basic', realm: 'GXP2170' });
    expect(parseWwwAuthenticate('Basic realm="a \\"quoted\\" realm"')).toEqual({ scheme: 'basic', realm: 'a "quoted" realm' });
    expect(parseWwwAuthenticate('Negotiate')).toEqual({ scheme: 'negotiate', realm: null });
    expect(parseWwwAuthenticate(null)).toEqual({ scheme: null, realm: null });
  });

  it('extractTitle: tags, entities, whitespace, charsets, truncation, cap', () => {
    expect(extractTitle(Buffer.from('<html><head><TITLE lang="en">\n  Grandstream &amp; <b>Device</b>\tConfiguration </TITLE>'))).toBe('Grandstream & Device Configuration');
    expect(extractTitle(Buffer.from('<title>Caf\u00e9 &#233;&#x41;</title>', 'utf8'))).toBe('Café éA');
    expect(extractTitle(Buffer.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x54, 0xe9, 0x6c, 0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e]))).toBe('Tél'); // latin1 page
    expect(extractTitle(Buffer.from('<title>cut here, no close'))).toBe('cut here, no close');
    expect(extractTitle(Buffer.from(`<title>${'x'.repeat(1000)}</title>`))?.length).toBe(200);
    expect(extractTitle(Buffer.from('<html>no title</html>'))).toBeNull();
    expect(extractTitle(Buffer.from('<title>   </title>'))).toBeNull();
  });
});

describe('httpBanner against hostile servers on 127.0.0.1', () => {
  it('a Digest realm page like a Yealink web UI', async () => {
    const port = await raw(replying((sock) => sock.end([
      'HTTP/1.1 401 Unauthorized',
      'Server: yealink embed httpd',
      'WWW-Authenticate: Digest realm="Yealink SIP-T46S", qop="auth", nonce="6529a3b3", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
      'WWW-Authenticate: Basic realm="second"',
      'Content-Type: text/html',
      'Content-Length: 65',
      '',
      '<html><head><title>401 Unauthorized</title></head><body></body>',
    ].join('\r\n'))));
    const b = await httpBanner('127.0.0.1', port, false, { timeoutMs: 2000 });
    expect(HttpBannerSchema.parse(b)).toEqual(b);
    expect(b).toEqual({ port, tls: false, status: 401, server: 'yealink embed httpd', realm: 'Yealink SIP-T46S', authScheme: 'digest', title: '401 Unauthorized', selfSignedCert: null, error: null });
  });

  it('sends one plain GET / with a Host header', async () => {
    let head = '';
    const port = await raw(replying((sock, h) => { head = h; sock.end('HTTP/1.1 204 No Content\r\n\r\n'); }));
    const b = await httpBanner('127.0.0.1', port, false, { timeoutMs: 2000 });
    expect(b.status).toBe(204);
    expect(head).toMatch(new RegExp(`^GET / HTTP/1\\.1\\r\\n[\\s\\S]*Host: 127\\.0\\.0\\.1:${port}\\r\\n`, 'i'));
    expect(head).toMatch(/User-Agent: ghostcall\//i);
  });

  it('a 100 MB body: stops reading at maxBytes', async () => {
    let sent = 0;
    const port = await raw(replying((sock) => {
      sock.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 104857600\r\n\r\n<html><body>');
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (sent < 104_857_600 && !sock.destroyed) {
          sent += chunk.length;
          if (!sock.write(chunk)) return void sock.once('drain', pump);
        }
      };
      pump();
    }));
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', port, false, { timeoutMs: 5000, maxBytes: 65_536 }));
    expect(b).toMatchObject({ status: 200, title: null, error: null });
    expect(ms).toBeLessThan(4000);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toBeLessThan(16 * 1024 * 1024); // what the kernel buffers absorbed, not 100 MB
  });

  it('stops as soon as the title is complete', async () => {
    const port = await raw(replying((sock) => {
      sock.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Grandstream GXP2170</ti');
      setTimeout(() => sock.write('tle></head>'), 50); // the close tag straddles two chunks; then it never ends
    }));
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', port, false, { timeoutMs: 5000 }));
    expect(b).toMatchObject({ status: 200, title: 'Grandstream GXP2170', error: null });
    expect(ms).toBeLessThan(2000);
  });

  it('a slow drip of the headers (1 byte/s) ends at the timeout', async () => {
    const port = await raw(replying((sock) => {
      const text = 'HTTP/1.1 200 OK\r\nServer: drip\r\n\r\n';
      let i = 0;
      const t = setInterval(() => (i < text.length && !sock.destroyed ? sock.write(text[i++] ?? '') : clearInterval(t)), 1000);
      sock.on('close', () => clearInterval(t));
    }));
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', port, false, { timeoutMs: 1200 }));
    expect(b).toMatchObject({ status: null, error: 'timeout' });
    expect(ms).toBeGreaterThanOrEqual(1100);
    expect(ms).toBeLessThan(2500);
  });

  it('a slow drip of the body keeps the headers, ends at the timeout', async () => {
    const port = await raw(replying((sock) => {
      sock.write('HTTP/1.1 200 OK\r\nServer: Polycom SoundPoint IP\r\n\r\n<title>Poly');
      const t = setInterval(() => (sock.destroyed ? clearInterval(t) : sock.write('.')), 300);
      sock.on('close', () => clearInterval(t));
    }));
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', port, false, { timeoutMs: 1000 }));
    expect(b.status).toBe(200);
    expect(b.server).toBe('Polycom SoundPoint IP');
    expect(b.title).toMatch(/^Poly\.*$/);
    expect(b.error).toBeNull();
    expect(ms).toBeLessThan(2000);
  });

  it('a redirect loop: records the 302, follows nothing', async () => {
    let requests = 0;
    const port = await raw(replying((sock) => { requests++; sock.end('HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n\r\n'); }));
    const b = await httpBanner('127.0.0.1', port, false, { timeoutMs: 2000 });
    expect(b).toMatchObject({ status: 302, error: null });
    expect(requests).toBe(1);
  });

  it('garbage and binary replies are "bad response"; silence-then-close is "connection closed"', async () => {
    const garbage = await raw(replying((sock) => sock.end('SSH-2.0-OpenSSH_9.2\r\nProtocol mismatch.\r\n')));
    expect((await httpBanner('127.0.0.1', garbage, false, { timeoutMs: 2000 })).error).toBe('bad response');
    const binary = await raw(replying((sock) => sock.end(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a]))));
    expect((await httpBanner('127.0.0.1', binary, false, { timeoutMs: 2000 })).error).toBe('bad response');
    const closes = await raw(replying((sock) => sock.end()));
    expect((await httpBanner('127.0.0.1', closes, false, { timeoutMs: 2000 })).error).toBe('connection closed');
    const huge = await raw(replying((sock) => sock.end(`HTTP/1.1 200 OK\r\nX-Junk: ${'a'.repeat(100_000)}\r\n\r\n`)));
    expect((await httpBanner('127.0.0.1', huge, false, { timeoutMs: 2000 })).error).toBe('too large');
  });

  it('keeps markup and ANSI escapes in Server as data', async () => {
    const server = '\x1b[31mEvil\x1b[0m <script>alert(1)</script>';
    const port = await raw(replying((sock) => sock.end(`HTTP/1.1 200 OK\r\nServer: ${server}\r\nContent-Length: 0\r\n\r\n`)));
    const b = await httpBanner('127.0.0.1', port, false, { timeoutMs: 2000 });
    expect(b).toMatchObject({ status: 200, server, error: null });
    const markup = await raw(replying((sock) => sock.end('HTTP/1.1 200 OK\r\nServer: <img src=x onerror=alert(1)>\r\nContent-Length: 0\r\n\r\n')));
    expect((await httpBanner('127.0.0.1', markup, false, { timeoutMs: 2000 })).server).toBe('<img src=x onerror=alert(1)>');
  });

  it('connection refused, and cancellation', async () => {
    const port = await raw(() => undefined);
    const [s] = servers.splice(0);
    await new Promise<void>((r) => s?.close(() => r()));
    expect((await httpBanner('127.0.0.1', port, false, { timeoutMs: 2000 })).error).toBe('connection refused');
    const hang = await raw(() => undefined);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', hang, false, { timeoutMs: 10_000, signal: ac.signal }));
    expect(b.error).toBe('cancelled');
    expect(ms).toBeLessThan(1000);
  });
});

describe('httpBanner over TLS', () => {
  let dir = '';
  let key = '';
  let cert = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gc-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=test', '-nodes'], { stdio: 'pipe' });
    key = readFileSync(join(dir, 'key.pem'), 'utf8');
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('accepts a self-signed certificate and says so', async () => {
    const server = createHttpsServer({ key, cert }, (_req, res) => {
      res.writeHead(200, { Server: 'lighttpd', 'Content-Type': 'text/html' });
      res.end('<html><head><title>Snom D785</title></head></html>');
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('no port');
    const b = await httpBanner('127.0.0.1', addr.port, true, { timeoutMs: 3000 });
    expect(b).toEqual({ port: addr.port, tls: true, status: 200, server: 'lighttpd', realm: null, authScheme: null, title: 'Snom D785', selfSignedCert: true, error: null });
  });

  it('TLS to a plain-HTTP port is a "tls error", within the deadline', async () => {
    // A plain HTTP server answers the ClientHello with a 400 and closes.
    const port = await raw((sock) => sock.once('data', () => sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    const { value: b, ms } = await timed(httpBanner('127.0.0.1', port, true, { timeoutMs: 2000 }));
    expect(b).toMatchObject({ status: null, error: 'tls error' });
    expect(ms).toBeLessThan(2500);
  });
});
