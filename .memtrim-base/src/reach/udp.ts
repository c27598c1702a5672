// A UDP socket for the reach tests: bound to an ephemeral port (optionally on a given
// local address), with a promise-based "wait for the first datagram that matches".
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export interface TestSocket {
  sock: Socket;
  /** Resolves with the first datagram `accept` returns a value for, or null at the deadline/abort. */
  next<T>(accept: (buf: Buffer, from: RemoteInfo) => T | null, timeoutMs: number, signal?: AbortSignal): Promise<T | null>;
  send(buf: Buffer, port: number, host: string): Promise<boolean>;
  close(): void;
}

export async function openTestSocket(localAddress?: string): Promise<TestSocket> {
  const sock = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind({ port: 0, address: localAddress }, () => { sock.removeListener('error', reject); resolve(); });
  });
  sock.on('error', () => { /* ICMP port unreachable etc.: the deadline handles silence */ });
  return {
    sock,
    next: (accept, timeoutMs, signal) => new Promise((resolve) => {
      const done = (v: unknown): void => {
        clearTimeout(timer);
        sock.removeListener('message', onMessage);
        signal?.removeEventListener('abort', onAbort);
        resolve(v as never);
      };
      const onMessage = (buf: Buffer, from: RemoteInfo): void => {
        const v = accept(buf, from);
        if (v !== null) done(v);
      };
      const onAbort = (): void => done(null);
      const timer = setTimeout(() => done(null), timeoutMs);
      sock.on('message', onMessage);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
    send: (buf, port, host) => new Promise((resolve) => {
      try { sock.send(buf, port, host, (err) => resolve(!err)); } catch { resolve(false); }
    }),
    close: () => { try { sock.close(); } catch { /* closed */ } },
  };
}
