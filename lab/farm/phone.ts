// How a farm phone answers SIP. OPTIONS: 200 OK. INVITE: 100 Trying + 180
// Ringing and then it keeps "ringing" (the ghost-call test relies on it);
// CANCEL: 200 for the CANCEL + 487 for the INVITE; ACK: nothing.
import type { FarmPhoneSpec } from './spec.js';
import { buildResponse, header, parseRequest } from './sip.js';
import type { ResponseCtx, SipRequest } from './sip.js';

export type Transport = 'udp' | 'tcp' | 'tls';
export type Send = (text: string) => void;

interface Ringing { invite: SipRequest; ctx: ResponseCtx; send: Send; at: number }

export class FarmPhone {
  /** INVITEs still ringing, by Call-ID */
  private ringing = new Map<string, Ringing>();
  /** count of requests seen, by method (for debugging through logs) */
  readonly seen = new Map<string, number>();

  constructor(readonly spec: FarmPhoneSpec) {}

  handle(text: string, transport: Transport, port: number, source: { address: string; port: number }, send: Send): void {
    const req = parseRequest(text);
    if (!req) return; // garbage and responses: silently ignored, as phones do
    this.seen.set(req.method, (this.seen.get(req.method) ?? 0) + 1);
    const ctx: ResponseCtx = {
      userAgent: this.spec.userAgent,
      server: this.spec.server,
      allow: this.spec.allow,
      supported: this.spec.supported,
      contact: `<sip:${this.spec.ip}:${port}${transport === 'udp' ? '' : `;transport=${transport}`}>`,
      source,
    };
    const callId = header(req, 'call-id') ?? '';
    switch (req.method) {
      case 'OPTIONS':
        send(buildResponse(req, 200, 'OK', ctx, ['Accept: application/sdp', 'Accept-Language: en']));
        return;
      case 'INVITE': {
        this.expire();
        send(buildResponse(req, 100, 'Trying', ctx));
        send(buildResponse(req, 180, 'Ringing', ctx));
        if (this.ringing.size < 10_000) this.ringing.set(callId, { invite: req, ctx, send, at: Date.now() });
        return;
      }
      case 'CANCEL': {
        const r = this.ringing.get(callId);
        if (!r) {
          send(buildResponse(req, 481, 'Call/Transaction Does Not Exist', ctx));
          return;
        }
        this.ringing.delete(callId);
        send(buildResponse(req, 200, 'OK', ctx));
        r.send(buildResponse(r.invite, 487, 'Request Terminated', r.ctx));
        return;
      }
      case 'ACK':
        return;
      case 'BYE':
        send(buildResponse(req, 481, 'Call/Transaction Does Not Exist', ctx));
        return;
      default:
        send(buildResponse(req, 405, 'Method Not Allowed', ctx));
    }
  }

  /** Forget calls nobody cancelled (a real phone stops ringing eventually too). */
  private expire(): void {
    const old = Date.now() - 120_000;
    for (const [k, v] of this.ringing) if (v.at < old) this.ringing.delete(k);
  }
}
