// NAT filtering test, server side (RFC 4787 / RFC 5780 style). The client registers
// a token with one UDP datagram to the SIP port; the server notes the mapping it saw
// and answers from the same port (control). On `POST /v1/nat {token}` — only from the
// same IP that registered it, once per token — it sends from another port, and from
// another IP when it has one. Which of them reach the client tells the filtering.
import type { Socket } from 'node:dgram';
import { natDatagram } from './protocol.js';

export interface Mapping { ip: string; port: number; at: number }

export class NatRegistry {
  private readonly map = new Map<string, Mapping>();
  constructor(private readonly ttlMs = 60_000, private readonly maxEntries = 10_000, private readonly now: () => number = Date.now) {}

  register(token: string, ip: string, port: number): void {
    this.map.delete(token);
    this.map.set(token, { ip, port, at: this.now() });
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }

  /** The mapping of `token` if `requesterIp` registered it and it is fresh; consumed (one use). */
  take(token: string, requesterIp: string): Mapping | null {
    const m = this.map.get(token);
    if (!m) return null;
    if (this.now() - m.at > this.ttlMs) { this.map.delete(token); return null; }
    if (m.ip !== requesterIp) return null; // someone else's token: never send to a third party
    this.map.delete(token);
    return m;
  }
}

function send(sock: Socket, buf: Buffer, m: Mapping): Promise<boolean> {
  return new Promise((resolve) => {
    try { sock.send(buf, m.port, m.ip, (err) => resolve(!err)); } catch { resolve(false); }
  });
}

/** Answers from the other port and the other IP (a few copies: UDP may be lost). */
export async function sendAlternates(m: Mapping, token: string, altPortSock: Socket, altIpSock: Socket | null): Promise<{ altPort: boolean; altIp: boolean }> {
  let altPort = false;
  let altIp = false;
  for (let i = 0; i < 3; i++) {
    altPort = (await send(altPortSock, natDatagram('ALTPORT', token), m)) || altPort;
    if (altIpSock) altIp = (await send(altIpSock, natDatagram('ALTIP', token), m)) || altIp;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { altPort, altIp };
}
