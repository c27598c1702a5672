// The opt-in ghost-call test (off by default: ScanParams.ghostCallTest). It does
// what an internet SIP scanner does — a direct INVITE from "1000" to the phone's
// IP — and stops before anything reaches a person: CANCEL on ringing (180/183), or
// after a short wait when only 100 Trying came; ACK the final answer; if a 200 OK
// arrives anyway, ACK and BYE at once. No media is ever sent (the SDP offer names a
// port nobody listens on). A 180/183 proves the phone rings for strangers.
import { randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { CallContext } from '../api/contract.js';
import type { Device, ScanParams } from '../api/result.js';
import { buildAck, buildCancel, buildInvite, type RequestParams } from '../discover/sip/message.js';
import { callIdOf, cseqOf, type SipMessage } from '../discover/sip/parse.js';
import { openChannel, type SipChannel } from './sip-channel.js';

export type GhostCall = NonNullable<Device['ghostCall']>;

export interface GhostCallTarget { ip: string; transport: 'udp' | 'tcp' | 'tls'; port: number }

export interface GhostCallOptions {
  /** Caller id, as the scanners send it. */
  fromUser?: string;
  /** Wait for the first answer to the INVITE (ms). */
  responseWaitMs?: number;
  /** After 100 Trying, how long to wait for 180/183 before cancelling (ms). */
  ringWaitMs?: number;
  /** After CANCEL or BYE, how long to wait for the final answer (ms). */
  finalWaitMs?: number;
  allowPublic?: boolean;
  signal?: AbortSignal;
}

export interface GhostCallOutcome extends GhostCall {
  /** What went over the wire, for tests and logs: ">INVITE", "<180", ">CANCEL", "<487"... */
  trace: string[];
}

const T1 = 500;
const SAFE_RANGES = new Set(['private', 'loopback', 'linkLocal', 'carrierGradeNat', 'uniqueLocal']);
const NOT_PHONES = new Set(['pbx', 'gateway', 'scanner', 'router']);

/** An INVITE only goes to LAN addresses unless the user allowed public targets for the scan. */
export function assertTestable(ip: string, allowPublic: boolean): void {
  const addr = ipaddr.process(ip);
  if (!allowPublic && !SAFE_RANGES.has(addr.range())) throw new Error(`ghost-call test refused for ${ip}: not a private/LAN address`);
}

const token = (): string => randomBytes(8).toString('hex');

/** BYE for an answered call: the ACK's headers (To with the phone's tag) with method and CSeq swapped. */
function buildBye(p: RequestParams, toHeader: string): Buffer {
  const ack = buildAck({ ...p, cseq: 2 }, toHeader).toString('utf8');
  return Buffer.from(ack.replace(/^ACK /, 'BYE ').replace(/\r\nCSeq: 2 ACK\r\n/, '\r\nCSeq: 2 BYE\r\n'), 'utf8');
}

export async function ghostCallDevice(target: GhostCallTarget, opts: GhostCallOptions = {}): Promise<GhostCallOutcome> {
  assertTestable(target.ip, opts.allowPublic ?? false);
  const responseWaitMs = opts.responseWaitMs ?? 4000;
  const ringWaitMs = opts.ringWaitMs ?? 2000;
  const finalWaitMs = opts.finalWaitMs ?? 2000;
  let ch: SipChannel;
  try {
    ch = await openChannel(target.transport, target.ip, target.port, responseWaitMs);
  } catch (e) {
    return { tested: false, rang: null, status: null, detail: `error: ${(e as Error).message}`, trace: [] };
  }
  if (opts.signal?.aborted) {
    ch.close(); // cancelled while connecting: no INVITE at all (a listener would never fire now)
    return { tested: false, rang: null, status: null, detail: 'skipped: cancelled', trace: [] };
  }
  const p: RequestParams = {
    transport: target.transport, targetIp: target.ip, targetPort: target.port, localIp: ch.localIp, localPort: ch.localPort,
    callId: `${token()}@ghostcall`, branch: `z9hG4bK${token()}`, fromTag: token(), cseq: 1, fromUser: opts.fromUser ?? '1000', toUser: opts.fromUser ?? '1000',
  };
  const trace: string[] = [];
  return new Promise<GhostCallOutcome>((resolve) => {
    let provisional: number | null = null;
    let rang = false;
    let answered = false;
    let cancelled = false;
    /** Cancelled before any answer: the INVITE may still be in flight, so keep listening a while. */
    let aborting = false;
    let finalText: string | null = null;
    let done = false;
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number, fn: () => void): NodeJS.Timeout => { const t = setTimeout(() => { timers.delete(t); fn(); }, ms); timers.add(t); return t; };
    const clearAll = (): void => { for (const t of timers) clearTimeout(t); timers.clear(); };
    const send = (what: string, buf: Buffer): void => { trace.push(`>${what}`); ch.send(buf); };

    let finalStatus: number | null = null;
    const finish = (detail: string): void => {
      if (done) return;
      done = true;
      clearAll();
      opts.signal?.removeEventListener('abort', onAbort);
      ch.close();
      resolve({ tested: true, rang: rang || answered, status: answered ? 200 : (provisional !== null && provisional !== 100 ? provisional : (finalStatus ?? provisional)), detail, trace });
    };

    // UDP: Timer A retransmission of a request until something answers (RFC 3261 17.1.1.2).
    const retransmit = (what: string, buf: Buffer, stop: () => boolean): void => {
      if (ch.reliable) return;
      let interval = T1;
      const again = (): void => { if (done || stop()) return; send(what, buf); interval = Math.min(interval * 2, 4000); later(interval, again); };
      later(interval, again);
    };

    const cancel = (why: string): void => {
      if (cancelled || done || answered || finalStatus !== null) return;
      cancelled = true;
      const c = buildCancel(p);
      send('CANCEL', c);
      retransmit('CANCEL', c, () => finalStatus !== null);
      later(finalWaitMs, () => { if (!answered) finish(`${why}; no final answer after CANCEL`); });
    };

    const onAbort = (): void => {
      if (provisional !== null) { cancel('aborted'); return; }
      // The phone may have the INVITE already and start ringing any moment: stop
      // retransmitting, but stay a short while to CANCEL a late 1xx (or hang up a 200)
      // instead of leaving a phone ringing with nobody to stop it.
      aborting = true;
      later(finalWaitMs, () => { if (!cancelled && !answered) finish('aborted before any answer'); });
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    ch.onMessage((m: SipMessage) => {
      if (done || m.kind !== 'response' || m.status === null || callIdOf(m) !== p.callId) return;
      const cs = cseqOf(m);
      trace.push(`<${m.status}${cs && cs.method !== 'INVITE' ? ` ${cs.method}` : ''}`);
      if (!cs) return;
      if (cs.method === 'BYE') { finish(`answered ${finalText ?? '200 OK'}; hung up (BYE ${m.status})`); return; }
      if (cs.method !== 'INVITE') return; // 200 to our CANCEL: the 487 follows
      const code = m.status;
      const to = m.headers.get('to') ?? '';
      if (code < 200) {
        const first = provisional === null;
        if (code !== 100 || provisional === null) provisional = code;
        if (aborting && code === 100) { cancel('aborted'); return; }
        if (code === 100) {
          if (first) later(ringWaitMs, () => cancel('100 Trying only, no ringing'));
          return;
        }
        rang = true; // 180 Ringing / 183 Session Progress: the phone alerts its user
        // Next tick, not inline: a 200 OK already queued behind the 180 (auto-answer) is
        // handled first, and a CANCEL after a final answer would be pointless (RFC 3261 9.1).
        later(0, () => cancel(`${code} ${m.reason ?? ''}`.trim()));
        return;
      }
      if (code < 300) {
        // The phone picked up (or auto-answered): close the dialog at once, no media.
        if (answered) { send('ACK', buildAck({ ...p, branch: `z9hG4bK${token()}` }, to)); return; }
        answered = true;
        finalStatus = code;
        finalText = `${code} ${m.reason ?? ''}`.trim();
        send('ACK', buildAck({ ...p, branch: `z9hG4bK${token()}` }, to));
        const bye = buildBye({ ...p, branch: `z9hG4bK${token()}` }, to);
        send('BYE', bye);
        let byeDone = false;
        retransmit('BYE', bye, () => byeDone || done);
        later(finalWaitMs, () => { byeDone = true; finish(`answered ${finalText}; BYE sent, no answer to it`); });
        return;
      }
      // 3xx-6xx: ACK in the INVITE transaction (same branch), then done.
      finalStatus = code;
      send('ACK', buildAck(p, to));
      const text = `${code} ${m.reason ?? ''}`.trim();
      if (rang) finish(`rang (${provisional}); cancelled: ${text}`);
      else if (cancelled) finish(`100 Trying only, no ringing; cancelled: ${text}`);
      else finish(`rejected: ${text}`);
    });

    const invite = buildInvite({ ...p, fromUser: p.fromUser as string });
    send('INVITE', invite);
    retransmit('INVITE', invite, () => provisional !== null || finalStatus !== null || aborting);
    later(responseWaitMs, () => { if (provisional === null && finalStatus === null) finish(aborting ? 'aborted before any answer' : 'no answer'); });
  });
}

/** The transport/port a device answered SIP on, UDP first (what scanners use). */
export function ghostCallTarget(d: Device): GhostCallTarget | null {
  for (const t of ['udp', 'tcp', 'tls'] as const) {
    const s = d.sip.find((x) => x.transport === t);
    if (s) return { ip: d.ip, transport: t, port: s.port };
  }
  return null;
}

/**
 * The scan's ghost-call stage: one test per SIP-answering phone (never PBXs,
 * gateways, scanners or routers: an INVITE there could reach a real line), a few
 * at a time. Returns the devices with `ghostCall` set; unchanged when the test is off.
 */
export async function runGhostCallTests(devices: Device[], params: Pick<ScanParams, 'ghostCallTest' | 'allowPublic' | 'timeoutMs'>, ctx: Required<CallContext>): Promise<Device[]> {
  if (!params.ghostCallTest) return devices;
  const t0 = performance.now();
  const out = devices.map((d) => ({ ...d }));
  const todo = out.filter((d) => {
    const type = d.fingerprint?.type ?? null;
    if (type && NOT_PHONES.has(type)) { d.ghostCall = { tested: false, rang: null, status: null, detail: `skipped: ${type}` }; return false; }
    if (!d.sipAnswered || !ghostCallTarget(d)) { d.ghostCall = { tested: false, rang: null, status: null, detail: 'skipped: answers no SIP' }; return false; }
    return true;
  });
  let done = 0;
  let found = 0;
  const report = (): void => ctx.onProgress({ phase: 'ghost-call', done, total: todo.length, found, elapsedMs: performance.now() - t0 });
  report();
  const queue = [...todo];
  const worker = async (): Promise<void> => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      if (ctx.signal.aborted) { d.ghostCall = { tested: false, rang: null, status: null, detail: 'skipped: cancelled' }; continue; }
      let r: GhostCall;
      try {
        const { trace: _trace, ...res } = await ghostCallDevice(ghostCallTarget(d) as GhostCallTarget, {
          allowPublic: params.allowPublic, responseWaitMs: Math.max(params.timeoutMs, 2000), signal: ctx.signal,
        });
        r = res;
      } catch (e) {
        r = { tested: false, rang: null, status: null, detail: `error: ${(e as Error).message}` };
      }
      d.ghostCall = r;
      done++;
      if (r.rang) found++;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, todo.length) }, worker));
  return out;
}
