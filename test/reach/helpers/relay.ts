// A userspace "NAT" on loopback for the reach tests: the client talks to `inside`,
// the relay forwards from its `outside` socket to the server and lets answers back
// in according to a filtering behaviour (RFC 4787): endpoint-independent, address-
// dependent or address-and-port-dependent. An optional `rewrite` plays a SIP ALG on
// outgoing packets. 127.0.0.0/8 only.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export type Filtering = 'eif' | 'adf' | 'apdf';

export interface Relay {
  inside: { ip: string; port: number };
  outside: { ip: string; port: number };
  /** datagrams let in / dropped by the filter */
  passed: number;
  dropped: number;
  close(): void;
}

function bind(ip: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind({ address: ip, port: 0 }, () => resolve(s));
  });
}

export async function startRelay(o: { insideIp: string; outsideIp: string; server: { ip: string; port: number }; filtering: Filtering; rewrite?: (buf: Buffer, outside: { ip: string; port: number }) => Buffer }): Promise<Relay> {
  const inside = await bind(o.insideIp);
  const outside = await bind(o.outsideIp);
  let client: RemoteInfo | null = null;
  const contacted = new Set<string>();
  const relay: Relay = {
    inside: { ip: o.insideIp, port: inside.address().port },
    outside: { ip: o.outsideIp, port: outside.address().port },
    passed: 0, dropped: 0,
    close: () => { inside.close(); outside.close(); },
  };
  inside.on('message', (buf, r) => {
    client = r;
    contacted.add(`${o.server.ip}:${o.server.port}`);
    const out = o.rewrite ? o.rewrite(buf, relay.outside) : buf;
    outside.send(out, o.server.port, o.server.ip);
  });
  outside.on('message', (buf, r) => {
    const ok = o.filtering === 'eif'
      || (o.filtering === 'adf' && [...contacted].some((c) => c.startsWith(`${r.address}:`)))
      || (o.filtering === 'apdf' && contacted.has(`${r.address}:${r.port}`));
    if (!ok || !client) { relay.dropped++; return; }
    relay.passed++;
    inside.send(buf, client.port, client.address);
  });
  return relay;
}
