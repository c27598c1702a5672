// The echo server's wire protocol, shared by the server (src/echo) and the reach
// client (src/reach): zod schemas of every HTTP body, the NAT-test datagrams, the
// SIP reflection's content type. Requests are `.strict()`: a body that names a
// target (or anything else) is refused — the server only ever probes the requester.
import { z } from 'zod';
import { TransportSchema } from '../api/result.js';

export const ECHO_API = 'ghostcall-echo/1';

/** Ports the server agrees to probe: the SIP ports scanners knock on, nothing else (no general port scanner). */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [5060, 5061, 5062, 5063, 5064, 5065, 5070, 5080, 5082, 5090, 5160, 5161];
/** At most this many (port, transport) probes per request. */
export const MAX_PROBES_PER_REQUEST = 12;

export const InfoSchema = z.object({
  api: z.literal(ECHO_API),
  version: z.string().max(40),
  /** The requester's address as the server sees it: the office's public IP. */
  yourIp: z.string().max(64),
  /** Where the SIP reflector (ALG test) and the NAT test's first packet go. */
  sipPort: z.number().int().min(1).max(65535),
  /** The NAT test's "answer from another port". */
  altPort: z.number().int().min(1).max(65535),
  /** Whether the server can also answer from a second IP address (RFC 5780 "change IP"). */
  altIp: z.boolean(),
  allowedPorts: z.array(z.number().int().min(1).max(65535)).max(256),
  maxProbes: z.number().int().min(1).max(1000),
});
export type EchoInfo = z.infer<typeof InfoSchema>;

export const ProbeRequestSchema = z.object({
  ports: z.array(z.number().int().min(1).max(65535)).min(1).max(MAX_PROBES_PER_REQUEST),
  transports: z.array(TransportSchema).min(1).max(3).default(['udp']),
}).strict();
export type ProbeRequest = z.infer<typeof ProbeRequestSchema>;

export const ProbeAnswerSchema = z.object({
  transport: TransportSchema,
  port: z.number().int().min(1).max(65535),
  /** A SIP response came back from the requester's address on that port. */
  reachable: z.boolean(),
  status: z.number().int().nullable(),
  userAgent: z.string().max(1024).nullable(),
  server: z.string().max(1024).nullable(),
  /** 'answer', or why not: 'timeout', 'refused', 'no-answer', 'unreachable', 'error'. */
  outcome: z.string().max(64),
});
export type ProbeAnswer = z.infer<typeof ProbeAnswerSchema>;

export const ProbeResponseSchema = z.object({ yourIp: z.string().max(64), probes: z.array(ProbeAnswerSchema).max(MAX_PROBES_PER_REQUEST) });
export type ProbeResponse = z.infer<typeof ProbeResponseSchema>;

/** NAT test token: 128 random bits, hex. */
export const NatTokenSchema = z.string().regex(/^[0-9a-f]{32}$/);
export const NatRequestSchema = z.object({ token: NatTokenSchema }).strict();
export const NatResponseSchema = z.object({
  /** Where the registration datagram came from (the NAT's mapping), as "ip:port". */
  mapped: z.string().max(80),
  sent: z.object({ altPort: z.boolean(), altIp: z.boolean() }),
});
export type NatResponse = z.infer<typeof NatResponseSchema>;

export const ErrorBodySchema = z.object({ error: z.string().max(200) });

// NAT test datagrams (UDP, to the SIP port; never valid SIP, so the SIP path ignores them):
//   client → server:sipPort   "GCNAT1 REG <token>"
//   server → client (sipPort) "GCNAT1 CONTROL <token>"   the path works
//   server → client (altPort) "GCNAT1 ALTPORT <token>"   after POST /v1/nat
//   server → client (altIp)   "GCNAT1 ALTIP <token>"
export const NAT_MAGIC = 'GCNAT1';
export type NatKind = 'CONTROL' | 'ALTPORT' | 'ALTIP';
const NAT_LINE = /^GCNAT1 (REG|CONTROL|ALTPORT|ALTIP) ([0-9a-f]{32})$/;

export function natDatagram(kind: 'REG' | NatKind, token: string): Buffer {
  return Buffer.from(`${NAT_MAGIC} ${kind} ${token}`, 'ascii');
}

export function parseNatDatagram(buf: Buffer): { kind: 'REG' | NatKind; token: string } | null {
  if (buf.length > 80) return null;
  const m = NAT_LINE.exec(buf.toString('latin1'));
  return m ? { kind: m[1] as 'REG' | NatKind, token: m[2] as string } : null;
}

/** The SIP reflector answers any request with 200 OK whose body is this JSON (base64 of the bytes it received). */
export const REFLECT_CONTENT_TYPE = 'application/x-ghostcall-echo+json';
export const ReflectBodySchema = z.object({
  /** The request exactly as the server received it, base64 (an ALG rewrites SIP text, never base64). */
  received: z.string().max(16_384),
  /** Source address:port the server saw. */
  source: z.string().max(80),
  transport: z.enum(['udp', 'tcp']),
});
export type ReflectBody = z.infer<typeof ReflectBodySchema>;
/**
 * Largest request the reflector echoes. Its answer is the copied headers plus 4/3 of the
 * request (base64) plus ~250 bytes of its own: over UDP (spoofable) an answer larger than
 * MAX_UDP_AMPLIFICATION × the request is not sent (a minimal 78-byte request would get
 * 4.5×), and at most `sipPerWindow` answers go to one source IP a minute, so the
 * reflector is useless as a traffic amplifier. The reach client's OPTIONS (~390 bytes)
 * gets ~2.4×.
 */
export const MAX_REFLECT_BYTES = 2048;
export const MAX_UDP_AMPLIFICATION = 3;
