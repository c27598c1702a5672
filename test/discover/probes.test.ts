// Probes against loopback responders (127.0.0.0/8 only).
import { afterEach, describe, expect, it } from 'vitest';
import { ProbeTagger } from '../../src/discover/probes/tag.js';
import { UdpProbe } from '../../src/discover/probes/udp.js';
import { TcpProbe } from '../../src/discover/probes/tcp.js';
import { TlsProbe } from '../../src/discover/probes/tls.js';
import type { ProbeReply } from '../../src/discover/probes/types.js';
import { streamResponder, udpResponder } from './helpers/sip-responder.js';
import type { Responder } from './helpers/sip-responder.js';
import { createServer } from 'node:net';

const open: Responder[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});
const opts = { connectTimeoutMs: 1000, responseTimeoutMs: 1000 };

describe('ProbeTagger', () => {
  it('verifies its own tag and rejects other addresses, ports, keys and junk', () => {
    const t = new ProbeTagger();
    const ids = t.ids('udp', '127.0.0.5', 5062);
    expect(ids.branch.startsWith('z9hG4bK')).toBe(true);
    expect(t.verify('udp', '127.0.0.5', ids.callId)).toBe(5062);
    expect(t.verify('udp', '127.0.0.6', ids.callId)).toBeNull(); // reply from another address
    expect(t.verify('tcp', '127.0.0.5', ids.callId)).toBeNull();
    expect(t.verify('udp', '127.0.0.5', ids.callId.replace(/-5062$/, '-5060'))).toBeNull();
    expect(new ProbeTagger().verify('udp', '127.0.0.5', ids.callId)).toBeNull(); // another scan's key
    for (const junk of [undefined, '', 'abc@host', `gc${'z'.repeat(24)}-1`, `gc${'0'.repeat(24)}-99999`]) {
      expect(t.verify('udp', '127.0.0.5', junk)).toBeNull();
    }
  });
});

describe('UdpProbe', () => {
  async function probeOnce(r: Responder, wait = 300): Promise<{ replies: ProbeReply[]; probe: UdpProbe }> {
    const replies: ProbeReply[] = [];
    const probe = new UdpProbe({ tagger: new ProbeTagger(), localIpFor: () => '127.0.0.1', onReply: (x) => replies.push(x) });
    await probe.open();
    expect((await probe.send({ ip: r.ip, port: r.port }, 0)).ok).toBe(true);
    await new Promise((res) => setTimeout(res, wait));
    probe.close();
    return { replies, probe };
  }

  it('a failed bind rejects and leaves no socket open (bind sends nothing)', async () => {
    const udpHandles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'UDPWrap').length;
    const before = udpHandles();
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: bind fails with EADDRNOTAVAIL.
    const probe = new UdpProbe({ tagger: new ProbeTagger(), localIpFor: () => '127.0.0.1', onReply: () => {}, bindAddress: '192.0.2.1' });
    await expect(probe.open()).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
    await new Promise((res) => setTimeout(res, 20));
    expect(udpHandles()).toBe(before);
  });

  it('matches a phone answer by its tag and keeps the CSeq attempt number', async () => {
    const r = await udpResponder({ ip: '127.0.0.1', userAgent: 'Yealink SIP-T46S 66.86.0.15' });
    open.push(r);
    const { replies } = await probeOnce(r);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.msg.status).toBe(200);
    expect(replies[0]!.msg.headers.get('user-agent')).toBe('Yealink SIP-T46S 66.86.0.15');
    expect(replies[0]!.port).toBe(r.port);
    expect(replies[0]!.cseq).toBe(1);
  });

  it('ignores a reply with a wrong tag, garbage and oversized datagrams', async () => {
    for (const mode of ['wrong-tag', 'garbage', 'huge'] as const) {
      const r = await udpResponder({ ip: '127.0.0.1', mode });
      open.push(r);
      const { replies, probe } = await probeOnce(r, 200);
      expect(replies, mode).toHaveLength(0);
      expect(probe.ignored, mode).toBe(1);
    }
  });
});

describe('TcpProbe / TlsProbe', () => {
  it('reads an answer split over several segments (Content-Length framing)', async () => {
    const r = await streamResponder({ ip: '127.0.0.1', mode: 'split', userAgent: 'snom D715/10.1.54.13' });
    open.push(r);
    const out = await new TcpProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, opts);
    expect(out.kind).toBe('answer');
    if (out.kind === 'answer') expect(out.reply.msg.headers.get('user-agent')).toBe('snom D715/10.1.54.13');
  });

  it('waits past a 100 Trying for the final answer', async () => {
    const r = await streamResponder({ ip: '127.0.0.1', mode: 'provisional' });
    open.push(r);
    const out = await new TcpProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, opts);
    expect(out.kind === 'answer' && out.reply.msg.status).toBe(200);
  });

  it('speaks TLS to a self-signed phone', async () => {
    const r = await streamResponder({ ip: '127.0.0.1', tls: true, userAgent: 'PolycomVVX-VVX_450-UA/6.4.3.5018' });
    open.push(r);
    const out = await new TlsProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, opts);
    expect(out.kind).toBe('answer');
    if (out.kind === 'answer') expect(out.reply.msg.headers.get('user-agent')).toBe('PolycomVVX-VVX_450-UA/6.4.3.5018');
  });

  it('reports a closed port as refused (host alive)', async () => {
    const s = createServer();
    await new Promise<void>((res) => s.listen(0, '127.0.0.1', () => res()));
    const port = (s.address() as { port: number }).port;
    await new Promise<void>((res) => s.close(() => res()));
    const out = await new TcpProbe(new ProbeTagger()).probe({ ip: '127.0.0.1', port }, opts);
    expect(out.kind).toBe('refused');
  });

  it('a TLS probe against a plain TCP SIP port ends without an answer within the deadline', async () => {
    const r = await streamResponder({ ip: '127.0.0.1' });
    open.push(r);
    const out = await new TlsProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, { connectTimeoutMs: 500, responseTimeoutMs: 500 });
    expect(out.kind).toBe('no-answer');
  });

  it('hostile peers cost at most the deadline: garbage, endless bytes, slow drip, never-closing', async () => {
    const deadline = { connectTimeoutMs: 500, responseTimeoutMs: 400 };
    for (const mode of ['garbage', 'huge', 'slow', 'hold'] as const) {
      const r = await streamResponder({ ip: '127.0.0.1', mode });
      open.push(r);
      const t0 = performance.now();
      const out = await new TcpProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, deadline);
      expect(out.kind, mode).toBe('no-answer');
      expect(performance.now() - t0, mode).toBeLessThan(1500);
    }
  });

  it('an abort ends a pending probe at once', async () => {
    const r = await streamResponder({ ip: '127.0.0.1', mode: 'hold' });
    open.push(r);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t0 = performance.now();
    const out = await new TcpProbe(new ProbeTagger()).probe({ ip: r.ip, port: r.port }, { ...opts, responseTimeoutMs: 10_000, signal: ac.signal });
    expect(out.kind).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
