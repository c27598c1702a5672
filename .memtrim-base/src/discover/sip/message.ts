// SIP request builder (RFC 3261 subset: OPTIONS for discovery, INVITE/CANCEL/ACK for
// the opt-in ghost-call test). Hand-written on purpose: the npm SIP packages are
// WebRTC/WebSocket clients (sip.js, jssip) or abandoned (sip, sipster), and none can
// emit a bare OPTIONS over UDP/TCP/TLS from a socket we own.
import { VERSION } from '../../version.js';

export type SipTransport = 'udp' | 'tcp' | 'tls';

export interface RequestParams {
  transport: SipTransport;
  targetIp: string;
  targetPort: number;
  localIp: string;
  localPort: number;
  callId: string;
  /** Must start with the RFC 3261 magic cookie z9hG4bK. */
  branch: string;
  fromTag: string;
  cseq?: number;
  /** Default 'ghostcall'. */
  fromUser?: string;
  toUser?: string;
  /** Default `ghostcall/<VERSION>`. */
  userAgent?: string;
}

export const BRANCH_COOKIE = 'z9hG4bK';
const CRLF = '\r\n';

/** A host for a SIP URI or Via: IPv6 literals go in brackets. */
function hostPort(ip: string, port: number): string {
  return `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}

/** Reject values that would let a caller inject headers or break the start line. */
function checkToken(name: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new RangeError(`invalid SIP ${name}: ${JSON.stringify(value)}`);
}

const NO_CTL = /^[^\r\n\0]*$/;
const CALL_ID = /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}@]+$/; // RFC 3261 word ["@" word]
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/; // RFC 3261 user (unreserved / escaped / user-unreserved)
const HOST = /^[0-9A-Fa-f.:]+$/; // IP literals only: we address devices by IP

function validate(p: RequestParams): void {
  checkToken('targetIp', p.targetIp, HOST);
  checkToken('localIp', p.localIp, HOST);
  for (const [n, v] of [['targetPort', p.targetPort], ['localPort', p.localPort]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 65535) throw new RangeError(`invalid SIP ${n}: ${v}`);
  }
  checkToken('callId', p.callId, CALL_ID);
  checkToken('branch', p.branch, TOKEN);
  if (!p.branch.startsWith(BRANCH_COOKIE)) throw new RangeError(`SIP branch must start with ${BRANCH_COOKIE}: ${p.branch}`);
  checkToken('fromTag', p.fromTag, TOKEN);
  if (p.fromUser !== undefined) checkToken('fromUser', p.fromUser, USER);
  if (p.toUser !== undefined) checkToken('toUser', p.toUser, USER);
  if (p.userAgent !== undefined) checkToken('userAgent', p.userAgent, NO_CTL);
  const cseq = p.cseq ?? 1;
  if (!Number.isInteger(cseq) || cseq < 0 || cseq > 0x7fffffff) throw new RangeError(`invalid SIP CSeq: ${cseq}`);
}

function transportParam(t: SipTransport): string {
  return t === 'udp' ? '' : `;transport=${t}`;
}

/** The Request-URI (also used in To): sip:[user@]ip:port[;transport=tcp|tls]. */
export function requestUri(p: RequestParams): string {
  const user = p.toUser ? `${p.toUser}@` : '';
  return `sip:${user}${hostPort(p.targetIp, p.targetPort)}${transportParam(p.transport)}`;
}

interface Common {
  uri: string;
  via: string;
  from: string;
  to: string;
  cseq: number;
  contact: string;
  userAgent: string;
}

function common(p: RequestParams): Common {
  validate(p);
  const fromUser = p.fromUser ?? 'ghostcall';
  const local = hostPort(p.localIp, p.localPort);
  const toUri = requestUri({ ...p, transport: 'udp' }); // To carries no transport parameter
  return {
    uri: requestUri(p),
    // rport (RFC 3581): the answer comes back to the source port even behind NAT.
    via: `SIP/2.0/${p.transport.toUpperCase()} ${local};rport;branch=${p.branch}`,
    from: `"${fromUser}" <sip:${fromUser}@${local}>;tag=${p.fromTag}`,
    to: `<${toUri}>`,
    cseq: p.cseq ?? 1,
    contact: `<sip:${fromUser}@${local}${transportParam(p.transport)}>`,
    userAgent: p.userAgent ?? `ghostcall/${VERSION}`,
  };
}

function serialize(startLine: string, headers: Array<[string, string]>, body: Buffer): Buffer {
  const lines = [startLine, ...headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${body.length}`, '', ''];
  return Buffer.concat([Buffer.from(lines.join(CRLF), 'utf8'), body]);
}

/** OPTIONS: the discovery probe. Any final response (2xx-6xx) means a SIP stack answered. */
export function buildOptions(p: RequestParams): Buffer {
  const c = common(p);
  return serialize(`OPTIONS ${c.uri} SIP/2.0`, [
    ['Via', c.via],
    ['Max-Forwards', '70'],
    ['From', c.from],
    ['To', c.to],
    ['Call-ID', p.callId],
    ['CSeq', `${c.cseq} OPTIONS`],
    ['Contact', c.contact],
    ['Accept', 'application/sdp'],
    ['User-Agent', c.userAgent],
  ], Buffer.alloc(0));
}

/** A minimal audio offer (PCMU/PCMA + DTMF) so that a phone accepts the INVITE and rings. */
export function minimalSdp(localIp: string, rtpPort: number, sessionId: number = Date.now() % 1_000_000_000): string {
  checkToken('localIp', localIp, HOST);
  const family = localIp.includes(':') ? 'IP6' : 'IP4';
  return [
    'v=0',
    `o=ghostcall ${sessionId} ${sessionId} IN ${family} ${localIp}`,
    's=ghostcall',
    `c=IN ${family} ${localIp}`,
    't=0 0',
    `m=audio ${rtpPort} RTP/AVP 0 8 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-15',
    'a=sendrecv',
    '',
  ].join(CRLF);
}

/** INVITE for the opt-in ghost-call test (From: "1000", as the internet scanners send it). */
export function buildInvite(p: RequestParams & { fromUser: string; sdp?: string }): Buffer {
  const c = common(p);
  const sdp = Buffer.from(p.sdp ?? minimalSdp(p.localIp, p.localPort + 2), 'utf8');
  return serialize(`INVITE ${c.uri} SIP/2.0`, [
    ['Via', c.via],
    ['Max-Forwards', '70'],
    ['From', c.from],
    ['To', c.to],
    ['Call-ID', p.callId],
    ['CSeq', `${c.cseq} INVITE`],
    ['Contact', c.contact],
    ['Accept', 'application/sdp'],
    ['Allow', 'INVITE, ACK, CANCEL, BYE, OPTIONS'],
    ['User-Agent', c.userAgent],
    ['Content-Type', 'application/sdp'],
  ], sdp);
}

/** CANCEL of a pending INVITE (RFC 3261 9.1): same Request-URI, top Via branch, Call-ID, From, To and CSeq number. */
export function buildCancel(p: RequestParams): Buffer {
  const c = common(p);
  return serialize(`CANCEL ${c.uri} SIP/2.0`, [
    ['Via', c.via],
    ['Max-Forwards', '70'],
    ['From', c.from],
    ['To', c.to],
    ['Call-ID', p.callId],
    ['CSeq', `${c.cseq} CANCEL`],
    ['User-Agent', c.userAgent],
  ], Buffer.alloc(0));
}

/**
 * ACK for a non-2xx final response to our INVITE (RFC 3261 17.1.1.3): same branch as the
 * INVITE, and the To header of the response (it carries the callee's tag), verbatim.
 */
export function buildAck(p: RequestParams, toHeader: string): Buffer {
  const c = common(p);
  checkToken('To header', toHeader, NO_CTL);
  return serialize(`ACK ${c.uri} SIP/2.0`, [
    ['Via', c.via],
    ['Max-Forwards', '70'],
    ['From', c.from],
    ['To', toHeader.trim()],
    ['Call-ID', p.callId],
    ['CSeq', `${c.cseq} ACK`],
    ['User-Agent', c.userAgent],
  ], Buffer.alloc(0));
}
