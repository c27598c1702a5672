// The ghost-call client against loopback SIP servers (127.0.0.1 only): a phone
// that only says 100 Trying is cancelled after the wait; garbage and silence are
// "no answer"; public addresses are refused before any packet. The real peers
// (sipp, farm phones, kamailio) are in test/lab/ghost-call.test.ts.
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { assertTestable, ghostCallDevice } from '../../src/checks/ghost-call.js';

const servers: dgram.Socket[] = [];
afterEach(() => { for (const s of servers.splice(0)) s.close(); });

/** A loopback UDP "phone": answer(request text) → responses to send back. */
async function phone(answer: (req: string) => string[]): Promise<number> {
  const s = dgram.createSocket('udp4');
  servers.push(s);
  s.on('message', (buf, rinfo) => { for (const r of answer(buf.toString('utf8'))) s.send(r, rinfo.port, rinfo.address); });
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  return s.address().port;
}

const hdr = (req: string, name: string): string => new RegExp(`^${name}:.*$`, 'mi').exec(req)?.[0] ?? '';
function response(req: string, status: string, cseq?: string): string {
  return [`SIP/2.0 ${status}`, hdr(req, 'Via'), hdr(req, 'From'), `${hdr(req, 'To')};tag=abc`, hdr(req, 'Call-ID'), cseq ?? hdr(req, 'CSeq'), 'Content-Length: 0', '', ''].join('\r\n');
}

describe('ghost-call client (loopback)', () => {
  it('100 Trying only: waits briefly for ringing, then CANCELs and ACKs the 487; rang = false', async () => {
    const port = await phone((req) => {
      if (req.startsWith('INVITE')) return [response(req, '100 Trying')];
      if (req.startsWith('CANCEL')) return [response(req, '200 OK'), response(req, '487 Request Terminated', 'CSeq: 1 INVITE')];
      return [];
    });
    const out = await ghostCallDevice({ ip: '127.0.0.1', transport: 'udp', port }, { ringWaitMs: 200 });
    expect(out).toMatchObject({ tested: true, rang: false, status: 487 });
    expect(out.detail).toBe('100 Trying only, no ringing; cancelled: 487 Request Terminated');
    expect(out.trace).toEqual(['>INVITE', '<100', '>CANCEL', '<200 CANCEL', '<487', '>ACK']);
  });

  it('183 Session Progress counts as ringing', async () => {
    const port = await phone((req) => {
      if (req.startsWith('INVITE')) return [response(req, '183 Session Progress')];
      if (req.startsWith('CANCEL')) return [response(req, '200 OK'), response(req, '487 Request Terminated', 'CSeq: 1 INVITE')];
      return [];
    });
    expect(await ghostCallDevice({ ip: '127.0.0.1', transport: 'udp', port })).toMatchObject({ rang: true, status: 183 });
  });

  it('garbage and hostile answers are ignored: "no answer", no crash', async () => {
    const port = await phone(() => ['\u001b[31mnot sip at all\r\n\r\n', 'SIP/2.0 180 Ringing\r\nCall-ID: someone-else\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n', '\0'.repeat(3000)]);
    const out = await ghostCallDevice({ ip: '127.0.0.1', transport: 'udp', port }, { responseWaitMs: 800 });
    expect(out).toMatchObject({ tested: true, rang: false, status: null, detail: 'no answer' });
  });

  it('an unreachable TCP port is an untested device with the error, not a throw', async () => {
    const port = await phone(() => []); // UDP only: nothing listens on TCP
    const out = await ghostCallDevice({ ip: '127.0.0.1', transport: 'tcp', port }, { responseWaitMs: 800 });
    expect(out.tested).toBe(false);
    expect(out.detail).toMatch(/^error: /);
  });

  it('cancelled before any answer: a phone that starts ringing late is still CANCELled, never left ringing', async () => {
    const s = dgram.createSocket('udp4');
    servers.push(s);
    let invites = 0;
    s.on('message', (buf, rinfo) => {
      const req = buf.toString('utf8');
      const reply = (r: string): void => { s.send(r, rinfo.port, rinfo.address); };
      if (req.startsWith('INVITE') && ++invites === 1) setTimeout(() => reply(response(req, '180 Ringing')), 300); // slow to alert
      if (req.startsWith('CANCEL')) { reply(response(req, '200 OK')); reply(response(req, '487 Request Terminated', 'CSeq: 1 INVITE')); }
    });
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const out = await ghostCallDevice({ ip: '127.0.0.1', transport: 'udp', port: s.address().port }, { signal: ac.signal, finalWaitMs: 1500 });
    expect(out.trace).toEqual(['>INVITE', '<180', '>CANCEL', '<200 CANCEL', '<487', '>ACK']);
    expect(out).toMatchObject({ tested: true, rang: true, status: 180 });
    expect(invites).toBe(1); // no retransmission once cancelled
  });

  it('cancelled before the test starts: no INVITE is sent', async () => {
    let got = 0;
    const port = await phone(() => { got++; return []; });
    const ac = new AbortController();
    ac.abort();
    const out = await ghostCallDevice({ ip: '127.0.0.1', transport: 'udp', port }, { signal: ac.signal });
    expect(out).toMatchObject({ tested: false, detail: 'skipped: cancelled', trace: [] });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toBe(0);
  });

  it('never INVITEs a public address unless the scan allowed public targets', () => {
    expect(() => assertTestable('8.8.8.8', false)).toThrow(/not a private\/LAN address/);
    expect(() => assertTestable('10.1.2.3', false)).not.toThrow();
    expect(() => assertTestable('192.168.1.20', false)).not.toThrow();
    expect(() => assertTestable('100.64.0.5', false)).not.toThrow();
    expect(() => assertTestable('::ffff:8.8.4.4', false)).toThrow();
    expect(() => assertTestable('8.8.8.8', true)).not.toThrow();
  });
});
