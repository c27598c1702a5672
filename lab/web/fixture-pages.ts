// Helpers for the vendor web UIs backed by the repo's config fixtures
// (test/fixtures/phone-configs): reading a fixture, HTML pages, HTTP auth checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'phone-configs');

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export function html(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

export function notFound(res: ServerResponse): void {
  send(res, 404, 'text/html', html('404 Not Found', 'Not Found'));
}

/** Reads a small urlencoded request body (login forms only). */
export function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      if (body.length < 4096) body += c.toString('utf8');
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', () => resolve(new URLSearchParams()));
  });
}

export interface HttpAuth {
  scheme: 'Basic' | 'Digest';
  realm: string;
  username: string;
  password: string;
}

/** True when the request carries valid credentials; otherwise answers 401 with the challenge. */
export function checkHttpAuth(req: IncomingMessage, res: ServerResponse, auth: HttpAuth): boolean {
  const h = req.headers.authorization ?? '';
  if (auth.scheme === 'Basic' && h === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`) return true;
  if (auth.scheme === 'Digest' && h.startsWith('Digest ') && digestValid(h, req.method ?? 'GET', auth)) return true;
  const challenge = auth.scheme === 'Digest'
    ? `Digest realm="${auth.realm}", qop="auth", nonce="${randomBytes(12).toString('hex')}", opaque="${randomBytes(8).toString('hex')}", algorithm=MD5`
    : `Basic realm="${auth.realm}"`;
  send(res, 401, 'text/html', html('401 Unauthorized', '401 Unauthorized'), { 'WWW-Authenticate': challenge });
  return false;
}

/** Server side of RFC 2617/7616 MD5 digest (qop=auth), independent of the reader's code. */
function digestValid(header: string, method: string, auth: HttpAuth): boolean {
  const f: Record<string, string> = {};
  for (const m of header.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) f[m[1]!] = m[2] ?? m[3] ?? '';
  if (f.username !== auth.username || f.realm !== auth.realm || !f.nonce) return false;
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');
  const ha1 = md5(`${auth.username}:${auth.realm}:${auth.password}`);
  const ha2 = md5(`${method}:${f.uri}`);
  const expected = f.qop ? md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`) : md5(`${ha1}:${f.nonce}:${ha2}`);
  return expected === f.response;
}

export function pathOf(req: IncomingMessage): { path: string; query: URLSearchParams; raw: string } {
  const raw = req.url ?? '/';
  const u = new URL(raw, 'http://x');
  return { path: u.pathname, query: u.searchParams, raw };
}
