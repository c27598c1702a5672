// The opt-in ghost-call test against real peers in the lab: a sipp UAS that rings
// (INVITE → 100/180, then our CANCEL → 200 + 487, our ACK: no call), the stock
// `sipp -sn uas` that answers 200 at once (we ACK and BYE: the call ends, no media),
// a farm phone, kamailio (403), and a dead address. Runs in the scanner namespace.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeLab, withLab } from '../helpers/lab.js';
import type { Lab } from '../../lab/index.js';
import { REPO_ROOT } from '../../lab/farm/launch.js';
import type { GhostCallOutcome } from '../../src/checks/ghost-call.js';
import type { Device } from '../../src/api/result.js';

/** A UAS that rings until cancelled, and fails its call if anything else happens (shared sipp scenario). */
const RINGING_UAS = join(REPO_ROOT, 'test', 'fixtures', 'sipp', 'ringing-uas.xml');

async function ghostCall(lab: Lab, input: unknown): Promise<unknown> {
  const r = await lab.exec([process.execPath, '--import', 'tsx', `${REPO_ROOT}/test/lab/ghost-call-runner.ts`], { input: JSON.stringify(input), timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`ghost-call runner failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Start one sipp for exactly one call (-m 1) in the peer namespace; resolves with its exit code and the messages it saw. */
function sippOnce(lab: Lab, ip: string, port: number, scenario: string[], name: string): { ready: Promise<void>; done: Promise<{ code: number | null; messages: string }> } {
  const log = join(lab.dir, `${name}-messages.log`);
  const done = lab.execIn(lab.ns.peer!, ['sipp', ...scenario, '-i', ip, '-p', String(port), '-m', '1', '-nostdin', '-timeout', '30s',
    '-trace_msg', '-message_file', log], { timeoutMs: 40_000 })
    .then((r) => ({ code: r.code, messages: existsSync(log) ? readFileSync(log, 'utf8') : '' }));
  const ready = (async () => {
    for (let i = 0; i < 50; i++) {
      const ss = await lab.execIn(lab.ns.peer!, ['ss', '-lun']);
      if (ss.stdout.includes(`${ip}:${port}`)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sipp did not bind ${ip}:${port}`);
  })();
  return { ready, done };
}

/** 200 OKs to the INVITE in a sipp message log (messages are separated by dashed lines). */
const answersToInvite = (messages: string): number =>
  messages.split(/^-{5,}.*$/m).filter((m) => /^SIP\/2\.0 200 /m.test(m) && /^CSeq: 1 INVITE/m.test(m)).length;
const requestsIn = (messages: string): string[] => [...messages.matchAll(/^(INVITE|CANCEL|ACK|BYE) sip:/gm)].map((m) => m[1] as string);

describeLab('ghost-call test in the lab', () => {
  const lab = withLab({ layout: 'small' });

  it('a ringing sipp UAS: INVITE, 180 → CANCEL, 487 → ACK; sipp sees exactly that and no call', async () => {
    const ip = lab().phones.find((p) => p.persona === 'sipp-uas')!.ip;
    const sipp = sippOnce(lab(), ip, 5070, ['-sf', RINGING_UAS], 'ringing');
    await sipp.ready;
    const [out] = await ghostCall(lab(), { targets: [{ ip, transport: 'udp', port: 5070 }] }) as GhostCallOutcome[];
    const s = await sipp.done;
    expect(out).toMatchObject({ tested: true, rang: true, status: 180 });
    expect(out!.detail).toBe('rang (180); cancelled: 487 Request Terminated');
    expect(out!.trace).toEqual(['>INVITE', '<100', '<180', '>CANCEL', '<200 CANCEL', '<487', '>ACK']);
    expect(s.code, s.messages).toBe(0); // the scenario completed: CANCEL and ACK arrived as expected
    expect(requestsIn(s.messages)).toEqual(['INVITE', 'CANCEL', 'ACK']);
    expect(s.messages).toMatch(/^From: "1000" <sip:1000@/m);
    expect(answersToInvite(s.messages)).toBe(0); // never answered
  });

  it('the stock `sipp -sn uas` answers 200 at once: we ACK and BYE immediately, the call ends cleanly', async () => {
    const ip = lab().phones.find((p) => p.persona === 'sipp-uas')!.ip;
    const sipp = sippOnce(lab(), ip, 5072, ['-sn', 'uas'], 'stock-uas');
    await sipp.ready;
    const [out] = await ghostCall(lab(), { targets: [{ ip, transport: 'udp', port: 5072 }] }) as GhostCallOutcome[];
    const s = await sipp.done;
    expect(out).toMatchObject({ tested: true, rang: true, status: 200 });
    expect(out!.detail).toBe('answered 200 OK; hung up (BYE 200)');
    expect(out!.trace).not.toContain('>CANCEL'); // a CANCEL after a final answer would be pointless
    expect(s.code, s.messages).toBe(0);
    expect(requestsIn(s.messages)).toEqual(['INVITE', 'ACK', 'BYE']);
    expect(answersToInvite(s.messages)).toBe(1);
  });

  it('a farm phone rings and is cancelled; kamailio refuses (403); a dead address: no answer', async () => {
    const phone = lab().phones.find((p) => p.kind === 'farm' && p.udp.length > 0)!;
    const kam = lab().phones.find((p) => p.persona === 'kamailio')!;
    const out = await ghostCall(lab(), { targets: [
      { ip: phone.ip, transport: 'udp', port: phone.udp[0] },
      { ip: kam.ip, transport: 'udp', port: 5060 },
      { ip: lab().deadIps[0], transport: 'udp', port: 5060 },
    ], responseWaitMs: 1500 }) as GhostCallOutcome[];
    expect(out[0]).toMatchObject({ tested: true, rang: true, status: 180 });
    expect(out[0]!.trace).toEqual(expect.arrayContaining(['>CANCEL', '<487', '>ACK']));
    expect(out[0]!.trace).not.toContain('>BYE');
    expect(out[1]).toMatchObject({ tested: true, rang: false, status: 403, detail: 'rejected: 403 Forbidden' });
    expect(out[1]!.trace).toEqual(['>INVITE', '<403', '>ACK']);
    expect(out[2]).toMatchObject({ tested: true, rang: false, status: null, detail: 'no answer' });
    expect(out[2]!.trace.filter((x) => x === '>INVITE').length).toBeGreaterThan(1); // Timer A retransmissions
  });

  it('the scan stage tests phones over TCP too, skips PBXs and silent devices, and reports progress', async () => {
    const tcpPhone = lab().phones.find((p) => p.kind === 'farm' && p.tcp.length > 0)!;
    const kam = lab().phones.find((p) => p.persona === 'kamailio')!;
    const base = { mac: null, macVendor: null, macRandomized: false, mdns: [], http: [] };
    const ev = (transport: 'udp' | 'tcp', port: number) => ({ transport, port, status: 200, reason: 'OK', userAgent: null, server: null, allow: [], supported: [], contact: null, rttMs: 1 });
    const devices: Device[] = [
      { ...base, ip: tcpPhone.ip, sipAnswered: true, sources: ['sip'], sip: [ev('tcp', tcpPhone.tcp[0]!)] },
      { ...base, ip: kam.ip, sipAnswered: true, sources: ['sip'], sip: [ev('udp', 5060)], fingerprint: { vendor: 'Kamailio', model: null, firmware: null, type: 'pbx', confidence: 0.9, evidence: [] } },
      { ...base, ip: lab().deadIps[1] ?? lab().deadIps[0]!, sipAnswered: false, sources: ['arp'], sip: [] },
    ];
    const { devices: out, progress } = await ghostCall(lab(), { devices }) as { devices: Device[]; progress: Array<{ phase: string; done: number; total: number; found: number }> };
    expect(out[0]!.ghostCall).toMatchObject({ tested: true, rang: true, status: 180 });
    expect(out[1]!.ghostCall).toEqual({ tested: false, rang: null, status: null, detail: 'skipped: pbx' });
    expect(out[2]!.ghostCall).toEqual({ tested: false, rang: null, status: null, detail: 'skipped: answers no SIP' });
    expect(progress.at(-1)).toMatchObject({ phase: 'ghost-call', done: 1, total: 1, found: 1 });
  });
});
