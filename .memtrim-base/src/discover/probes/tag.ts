// Stateless reply matching (zmap's validate.c idea): the Call-ID, branch and From tag
// of each probe carry a keyed tag — an HMAC of (transport, ip, port) under a per-scan
// random key — so a reply is ours only if its Call-ID carries the tag of the address
// it came from. Spoofed or unrelated datagrams cannot forge it and are ignored.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Transport } from '../../api/result.js';
import { BRANCH_COOKIE } from '../sip/message.js';

export interface ProbeIds {
  callId: string;
  branch: string;
  fromTag: string;
}

const TAG_HEX = 24;
const CALL_ID = /^gc([0-9a-f]{24})-(\d{1,5})$/;

export class ProbeTagger {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  tag(transport: Transport, ip: string, port: number): string {
    return createHmac('sha256', this.key).update(`${transport}|${ip}|${port}`).digest('hex').slice(0, TAG_HEX);
  }

  ids(transport: Transport, ip: string, port: number): ProbeIds {
    const t = this.tag(transport, ip, port);
    return { callId: `gc${t}-${port}`, branch: `${BRANCH_COOKIE}${t}`, fromTag: t.slice(0, 12) };
  }

  /** The probed port if `callId` is the tag of (transport, sourceIp, port); null for anything else. */
  verify(transport: Transport, sourceIp: string, callId: string | undefined): number | null {
    const m = callId === undefined ? null : CALL_ID.exec(callId);
    if (!m) return null;
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return null;
    const want = Buffer.from(this.tag(transport, sourceIp, port), 'hex');
    const got = Buffer.from(m[1] as string, 'hex');
    return want.length === got.length && timingSafeEqual(want, got) ? port : null;
  }
}
