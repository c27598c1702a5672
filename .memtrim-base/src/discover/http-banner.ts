// A light banner of a host's web UI (one GET /): status, Server, the auth scheme and
// realm (phones name themselves there: "Yealink", "Grandstream GXP2170"), the page
// title, and whether HTTPS uses a self-signed certificate. Hand-written on node:http(s)
// because fetch/undici can neither cap the bytes read per connection nor expose the
// TLS verification result. Never throws: failures come back as `error`.
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { HttpBanner } from '../api/result.js';
import { VERSION } from '../version.js';
import { parseChallenges } from '../util/digest-auth.js';

export interface HttpBannerOptions {
  /** One deadline for connect + headers + body. */
  timeoutMs: number;
  /** Body bytes read at most (default 65536). */
  maxBytes?: number;
  signal?: AbortSignal;
}

const TITLE_CAP = 200;
const VALUE_CAP = 1024;
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

/** Node error codes → the short, stable error words of a banner. */
const ERROR_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host unreachable',
  EPIPE: 'connection reset',
  HPE_HEADER_OVERFLOW: 'too large',
  EPROTO: 'tls error',
};

function errorWord(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : '';
  if (/socket hang up/i.test(message)) return 'connection closed'; // closed before any response (code ECONNRESET)
  if (ERROR_WORDS[code]) return ERROR_WORDS[code];
  if (code.startsWith('HPE_')) return 'bad response';
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return 'tls error';
  return code ? `error ${code}` : 'error';
}

/** First raw WWW-Authenticate value (node joins repeated ones with ", ", which breaks realm parsing). */
function firstRawHeader(res: IncomingMessage, name: string): string | null {
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    if (res.rawHeaders[i]?.toLowerCase() === name) return res.rawHeaders[i + 1] ?? null;
  }
  return null;
}

/** "Digest realm=\"Yealink\", nonce=..." → { scheme: 'digest', realm: 'Yealink' } (the first challenge; parsed as the digest client parses it). */
export function parseWwwAuthenticate(value: string | null): { scheme: string | null; realm: string | null } {
  const first = value ? parseChallenges(value)[0] : undefined;
  if (!first) return { scheme: null, realm: null };
  const realm = first.params.realm;
  return { scheme: first.scheme, realm: realm === undefined ? null : realm.slice(0, VALUE_CAP) };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** UTF-8 if the bytes are valid UTF-8, else latin1 (old phone UIs): never throws, never U+FFFD soup. */
function decodeTolerant(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** The page <title>, tags stripped, whitespace collapsed, capped. Works on a truncated body. */
export function extractTitle(body: Buffer): string | null {
  const text = body.toString('latin1'); // byte-preserving: tag positions equal byte offsets
  const open = /<title\b[^>]*>/i.exec(text);
  if (!open) return null;
  const start = open.index + open[0].length;
  const close = text.slice(start).search(/<\/title\s*>/i);
  const end = close < 0 ? Math.min(text.length, start + TITLE_CAP * 4) : start + close;
  const raw = decodeTolerant(body.subarray(start, end));
  const title = decodeEntities(raw.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return title ? title.slice(0, TITLE_CAP) : null;
}

function cap(v: string | string[] | undefined): string | null {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, VALUE_CAP) : null;
}

export function httpBanner(ip: string, port: number, tls: boolean, opts: HttpBannerOptions): Promise<HttpBanner> {
  const maxBytes = opts.maxBytes ?? 65_536;
  const banner: HttpBanner = { port, tls, status: null, server: null, realm: null, authScheme: null, title: null, selfSignedCert: null, error: null };
  return new Promise<HttpBanner>((resolve) => {
    let done = false;
    let req: ClientRequest | null = null;
    let headersDone = false;
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    let tail = ''; // the end of the previous chunk: a </title> may straddle two chunks

    const finish = (error: string | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (headersDone) banner.title = extractTitle(Buffer.concat(chunks));
      // Headers in hand = an answering web server: a body that stalls or overflows is not an error.
      banner.error = headersDone && (error === 'timeout' || error === 'connection reset' || error === 'connection closed') ? null : error;
      req?.destroy();
      resolve(banner);
    };
    const onAbort = (): void => finish('cancelled');
    const timer = setTimeout(() => finish('timeout'), Math.max(1, opts.timeoutMs));
    if (opts.signal?.aborted) return finish('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    try {
      const host = ip.includes(':') ? `[${ip}]` : ip;
      const defaultPort = tls ? 443 : 80;
      const options = {
        host: ip,
        port,
        path: '/',
        method: 'GET',
        agent: false as const,
        // Lenient parsing: embedded web servers are sloppy, and a hostile Server header with
        // ANSI/control bytes is evidence to keep (verbatim; rendering it inert is the UI's job).
        // Safe here: we are a one-shot client reading one response, not a proxy.
        insecureHTTPParser: true,
        headers: {
          Host: port === defaultPort ? host : `${host}:${port}`,
          'User-Agent': `ghostcall/${VERSION} (LAN audit)`,
          Accept: 'text/html,*/*;q=0.5',
          Connection: 'close',
        },
      };
      req = tls
        ? httpsRequest({
          ...options,
          // Phones ship self-signed or vendor-CA certificates and old TLS: accept, then report.
          rejectUnauthorized: false,
          minVersion: 'TLSv1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
        })
        : httpRequest(options);
      req.on('socket', (socket) => {
        if (!tls) return;
        socket.once('secureConnect', () => {
          const s = socket as TLSSocket;
          const code = String(s.authorizationError ?? '');
          banner.selfSignedCert = s.authorized ? false : SELF_SIGNED.has(code);
        });
      });
      req.on('response', (res: IncomingMessage) => {
        headersDone = true;
        banner.status = res.statusCode ?? null;
        banner.server = cap(res.headers.server);
        const auth = parseWwwAuthenticate(firstRawHeader(res, 'www-authenticate'));
        banner.authScheme = auth.scheme;
        banner.realm = auth.realm;
        res.on('data', (chunk: Buffer) => {
          const room = maxBytes - bodyBytes;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          bodyBytes += Math.min(chunk.length, room);
          // Stop reading at maxBytes, or as soon as the title is complete.
          const text = tail + chunk.toString('latin1');
          tail = text.slice(-16);
          if (bodyBytes >= maxBytes || /<\/title\s*>/i.test(text)) finish(null);
        });
        res.on('end', () => finish(null));
        res.on('error', (err) => finish(errorWord(err)));
      });
      req.on('error', (err) => finish(errorWord(err)));
      req.end();
    } catch (err) {
      finish(errorWord(err));
    }
  });
}
