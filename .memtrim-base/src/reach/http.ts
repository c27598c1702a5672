// The reach client's HTTP JSON calls to the echo server (node:http/https: a local
// address can be chosen, which fetch cannot). The server is user-named but still
// untrusted: every answer is size-capped, deadline-bound and zod-validated.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { z } from 'zod';
import { ErrorBodySchema } from '../echo/protocol.js';

const MAX_RESPONSE = 256 * 1024;

export interface HttpOptions {
  timeoutMs: number;
  localAddress?: string;
  signal?: AbortSignal;
}

export class EchoHttpError extends Error {
  constructor(message: string, readonly status: number | null) { super(message); this.name = 'EchoHttpError'; }
}

export function callEcho<T>(endpoint: URL, method: 'GET' | 'POST', path: string, body: unknown, schema: z.ZodType<T>, o: HttpOptions): Promise<T> {
  const url = new URL(path, endpoint);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (e: Error): void => { if (!settled) { settled = true; reject(e); } clearTimeout(timer); req.destroy(); };
    const req = request(url, {
      method, localAddress: o.localAddress, signal: o.signal,
      headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
    }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE) fail(new EchoHttpError(`echo server answer larger than ${MAX_RESPONSE} bytes`, res.statusCode ?? null));
        else chunks.push(c);
      });
      res.on('error', (e) => fail(e));
      res.on('end', () => {
        if (settled) return;
        clearTimeout(timer);
        let json: unknown;
        try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { json = undefined; }
        if (res.statusCode !== 200) {
          const e = ErrorBodySchema.safeParse(json);
          settled = true;
          reject(new EchoHttpError(`echo server: HTTP ${res.statusCode ?? '?'}${e.success ? ` ${e.data.error}` : ''}`, res.statusCode ?? null));
          return;
        }
        const parsed = schema.safeParse(json);
        settled = true;
        if (parsed.success) resolve(parsed.data);
        else reject(new EchoHttpError(`echo server: unexpected answer to ${path} (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''})`, 200));
      });
    });
    const timer = setTimeout(() => fail(new EchoHttpError(`echo server: no answer to ${path} within ${o.timeoutMs} ms`, null)), o.timeoutMs);
    req.on('error', (e) => fail(e));
    req.end(payload);
  });
}
