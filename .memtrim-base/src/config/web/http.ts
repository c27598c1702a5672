// One bounded HTTP(S) request to a phone's web UI: a hard deadline, a body cap,
// no automatic redirects, no compression, self-signed certificates accepted and
// reported. Hostile pages (huge, slow, endless) end in a WebError, never a hang.
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface WebResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  tls: boolean;
  /** HTTPS only: the certificate is its own issuer (or not trusted by any CA). */
  selfSignedCert: boolean | null;
}

export interface WebRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export type WebErrorKind = 'timeout' | 'too-large' | 'network' | 'cancelled' | 'redirect' | 'content';

export class WebError extends Error {
  readonly kind: WebErrorKind;
  constructor(kind: WebErrorKind, message: string) {
    super(message);
    this.name = 'WebError';
    this.kind = kind;
  }
}

export function webRequest(req: WebRequest): Promise<WebResponse> {
  return new Promise((resolve, reject) => {
    const tls = req.url.protocol === 'https:';
    const mod = tls ? https : http;
    let done = false;
    const finish = (err: WebError | null, res?: WebResponse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      if (err) {
        r.destroy();
        reject(err);
      } else resolve(res!);
    };
    const onAbort = () => finish(new WebError('cancelled', 'cancelled'));
    const r = mod.request(
      req.url,
      {
        method: req.method,
        agent: false, // one connection per request, closed after: nothing lingers
        headers: { 'User-Agent': 'ghostcall-config-reader', Accept: '*/*', Connection: 'close', ...(req.headers ?? {}), ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}) },
        rejectUnauthorized: false, // phones ship self-signed certificates: accepted, and reported
        timeout: req.timeoutMs,
      },
      (res) => {
        const length = Number(res.headers['content-length'] ?? NaN);
        if (length > req.maxBytes) return finish(new WebError('too-large', `response larger than ${req.maxBytes} bytes (Content-Length ${length})`));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > req.maxBytes) finish(new WebError('too-large', `response larger than ${req.maxBytes} bytes`));
          else chunks.push(c);
        });
        res.on('end', () =>
          finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), tls, selfSignedCert: tls ? selfSigned(res.socket as TLSSocket) : null }),
        );
        res.on('error', (e) => finish(new WebError('network', e.message)));
      },
    );
    const timer = setTimeout(() => finish(new WebError('timeout', `no complete answer within ${req.timeoutMs} ms`)), req.timeoutMs);
    if (req.signal?.aborted) return onAbort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    r.on('timeout', () => finish(new WebError('timeout', `idle for ${req.timeoutMs} ms`)));
    r.on('error', (e: NodeJS.ErrnoException) => finish(new WebError('network', e.code ?? e.message)));
    r.end(req.body);
  });
}

function selfSigned(socket: TLSSocket | undefined): boolean | null {
  try {
    const cert = socket?.getPeerCertificate?.(true);
    if (!cert || !cert.subject) return null;
    const own = cert.issuerCertificate === undefined || cert.issuerCertificate === cert || cert.fingerprint256 === cert.issuerCertificate?.fingerprint256;
    return own || socket?.authorized === false;
  } catch {
    return null;
  }
}
