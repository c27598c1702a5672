// Proof that the hostile devices really misbehave (a scan test against a harmless
// farm would pass for nothing). Runs INSIDE the scanner namespace, independent of src/:
//   ip netns exec NS node --import tsx lab/tools/hostile-check.ts '{"base":"10.77.0."}'
// Prints one JSON object of measurements (see Checks).
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { hostileDevice } from '../farm/hostile-devices.js';
import type { HostileId } from '../farm/hostile-devices.js';

const { base } = JSON.parse(process.argv[2] ?? '{"base":"10.77.0."}') as { base: string };
const ipOf = (id: HostileId): string => `${base}${hostileDevice(id).offset}`;

function options(ip: string, port: number): Buffer {
  const id = randomBytes(8).toString('hex');
  return Buffer.from([`OPTIONS sip:check@${ip}:${port} SIP/2.0`, `Via: SIP/2.0/UDP 0.0.0.0:9;branch=z9hG4bK${id};rport`, 'Max-Forwards: 70',
    `From: <sip:check@lab>;tag=${id}`, `To: <sip:check@${ip}>`, `Call-ID: ${id}`, 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', ''].join('\r\n'));
}

/** Every datagram one OPTIONS brings back within `ms`: sizes, sources and raw bytes. */
function udpReplies(ip: string, ms = 800): Promise<{ from: string; size: number; raw: Buffer }[]> {
  return new Promise((resolve) => {
    const got: { from: string; size: number; raw: Buffer }[] = [];
    const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
    s.on('message', (m, r) => got.push({ from: `${r.address}:${r.port}`, size: m.length, raw: m }));
    s.bind(0, () => {
      s.send(options(ip, 5060), 5060, ip);
      setTimeout(() => { s.close(); resolve(got); }, ms);
    });
  });
}

/** Bytes a TCP server sends within `ms` after our OPTIONS, and how the connection ended. */
function tcpRead(ip: string, port: number, ms: number, request: Buffer | string = options(ip, port)): Promise<{ bytes: number; ended: string; head: string }> {
  return new Promise((resolve) => {
    let bytes = 0;
    let head = '';
    let ended = 'open';
    const s = net.connect({ host: ip, port }, () => s.write(request));
    s.on('data', (c: Buffer) => { bytes += c.length; if (head.length < 200) head += c.toString('latin1'); });
    s.on('error', (e: NodeJS.ErrnoException) => { ended = e.code ?? 'error'; });
    s.on('close', () => { if (ended === 'open') ended = 'closed'; });
    setTimeout(() => { s.destroy(); resolve({ bytes, ended, head: head.slice(0, 200) }); }, ms);
  });
}

async function main(): Promise<void> {
  const [flood, spoof, other, ansi, garbage, badLen, ua60k] = await Promise.all(
    (['sip-flood', 'sip-spoofed-callid', 'sip-other-port', 'sip-ansi', 'sip-garbage', 'sip-bad-length', 'sip-ua-60k'] as const).map((id) => udpReplies(ipOf(id))),
  );
  const get = (id: HostileId, ms: number): Promise<{ bytes: number; ended: string; head: string }> => {
    const w = hostileDevice(id).listens.web[0]!;
    // https-plain gets the start of a TLS ClientHello: it must answer in plain HTTP anyway
    return tcpRead(ipOf(id), w.port, ms, w.tls ? Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0, 0, 1, 0]) : 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  };
  const web = {
    huge: await get('http-huge', 1000), drip: await get('http-drip', 2500), redirect: await get('http-redirect-loop', 500),
    markup: await get('http-title-markup', 500), wrongType: await get('http-wrong-type', 500), plain: await get('https-plain', 500),
  };
  const [silent, drip, endless, fifty, reset] = await Promise.all([
    tcpRead(ipOf('tcp-silent'), 5060, 2500), tcpRead(ipOf('tcp-drip'), 5060, 2500), tcpRead(ipOf('tcp-endless-header'), 5060, 1000),
    tcpRead(ipOf('tcp-50mb'), 5060, 1000), tcpRead(ipOf('tcp-reset'), 5060, 1000),
  ]);
  const out = {
    floodCopies: flood!.length,
    spoofSources: [...new Set(spoof!.map((r) => r.from.split(':')[0]))].sort(),
    otherPortSources: [...new Set(other!.map((r) => r.from))],
    ansiHasEsc: ansi!.some((r) => r.raw.includes(0x1b) && r.raw.includes(Buffer.from('\u202e'))),
    garbageDatagrams: garbage!.length,
    garbageMaxSize: Math.max(0, ...garbage!.map((r) => r.size)),
    badLengthReplies: badLen!.length,
    ua60kSize: Math.max(0, ...ua60k!.map((r) => r.size)),
    web: Object.fromEntries(Object.entries(web).map(([k, v]) => [k, { bytes: v.bytes, ended: v.ended, head: v.head.slice(0, 120) }])),
    tcpSilent: silent, tcpDrip: drip, tcpEndless: { bytes: endless.bytes, ended: endless.ended },
    tcp50mb: { bytes: fifty.bytes, ended: fifty.ended, head: fifty.head.split('\r\n\r\n')[0] }, tcpReset: { bytes: reset.bytes, ended: reset.ended },
  };
  process.stdout.write(JSON.stringify(out));
}

void main();
