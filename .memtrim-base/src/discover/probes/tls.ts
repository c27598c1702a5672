// SIP over TLS: as TCP, after a TLS handshake on the connected TCP socket. Phones present self-signed certificates
// (we fingerprint them, we do not trust them): rejectUnauthorized is off, and no SNI
// is sent for an IP address. The handshake shares the response deadline.
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { runStreamProbe } from './tcp.js';
import type { StreamConnect } from './tcp.js';
import type { ProbeTarget, StreamOutcome, StreamProbe, StreamProbeOptions } from './types.js';
import type { ProbeTagger } from './tag.js';

export class TlsProbe implements StreamProbe {
  readonly transport = 'tls' as const;
  constructor(private readonly tagger: ProbeTagger, private readonly localAddress?: string) {}

  probe(t: ProbeTarget, o: StreamProbeOptions): Promise<StreamOutcome> {
    const conn: StreamConnect = {
      open: (target) => {
        const raw = netConnect({ host: target.ip, port: target.port, localAddress: this.localAddress, noDelay: true });
        const socket = tlsConnect({
          socket: raw,
          rejectUnauthorized: false,
          // Old phone firmware speaks TLS 1.0/1.2 only; allow what OpenSSL allows at level 0.
          minVersion: 'TLSv1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
        });
        return { raw, socket, readyEvent: 'secureConnect' };
      },
    };
    return runStreamProbe('tls', conn, this.tagger, t, o);
  }
}
