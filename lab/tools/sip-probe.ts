// Ground-truth prober for lab tests, run INSIDE the scanner namespace:
//   ip netns exec NS node --import tsx lab/tools/sip-probe.ts < request.json
// Input: { targets: [{ ip, port, transport }], tries?, timeoutMs?, method?, count? }
// Output (stdout): JSON array of ProbeResult, in target order.
// Independent of src/ (the code under test). `method: 'INVITE'` runs the ghost
// call sequence: INVITE, expect 100/180, CANCEL, expect 200 + 487, ACK.
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { randomBytes } from 'node:crypto';

type Transport = 'udp' | 'tcp' | 'tls';
interface Target { ip: string; port: number; transport: Transport }
interface Request { targets: Target[]; tries?: number; timeoutMs?: number; method?: 'OPTIONS' | 'INVITE'; count?: number }
export interface ProbeResult extends Target {
  answered: boolean;
  status: number | null;
  statuses: number[];
  userAgent: string | null;
  server: string | null;
  raw: string | null;
  /** count mode: how many of `count` single-shot requests were answered */
  answeredCount?: number;
}

const rnd = (): string => randomBytes(6).toString('hex');

function request(method: string, t: Target, local: { ip: string; port: number }, callId: string, branch: string, cseq = 1): string {
  const proto = t.transport.toUpperCase();
  return [
    `${method} sip:probe@${t.ip}:${t.port} SIP/2.0`,
    `Via: SIP/2.0/${proto} ${local.ip}:${local.port};branch=z9hG4bK${branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:lab@${local.ip}>;tag=${callId.slice(0, 8)}`,
    `To: <sip:probe@${t.ip}>`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} ${method}`,
    `Contact: <sip:lab@${local.ip}:${local.port}>`,
    'Content-Length: 0', '', '',
  ].join('\r\n');
}

function headerOf(msg: string, name: string): string | null {
  const m = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'im').exec(msg.split('\r\n\r\n')[0] ?? '');
  return m ? m[1]!.trim() : null;
}
const statusOf = (msg: string): number | null => {
  const m = /^SIP\/2\.0 (\d{3})/.exec(msg);
  return m ? Number(m[1]) : null;
};

function split(buf: string): { msgs: string[]; rest: string } {
  const msgs: string[] = [];
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return { msgs, rest: buf };
    const len = Number(/(?:^|\r\n)(?:content-length|l)\s*:\s*(\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
    if (buf.length < end + 4 + len) return { msgs, rest: buf };
    msgs.push(buf.slice(0, end + 4 + len));
    buf = buf.slice(end + 4 + len);
  }
}

/** One dialogue over one "connection": send the first request, feed replies to `step`. */
async function converse(t: Target, timeoutMs: number, tries: number, script: Script): Promise<string[]> {
  const got: string[] = [];
  if (t.transport === 'udp') {
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, () => r()));
    const local = { ip: '0.0.0.0', port: sock.address().port };
    const send = (s: string): void => sock.send(s, t.port, t.ip, () => { /* ignore */ });
    return await new Promise<string[]>((resolve) => {
      let attempt = 0;
      let timer: NodeJS.Timeout;
      const finish = (): void => { clearTimeout(timer); sock.close(); resolve(got); };
      sock.on('error', finish);
      sock.on('message', (m) => { got.push(m.toString('latin1')); if (script.onReply(m.toString('latin1'), send, local)) finish(); });
      const fire = (): void => {
        if (got.length > 0 || attempt >= tries) { finish(); return; }
        attempt++;
        send(script.first(local));
        timer = setTimeout(fire, timeoutMs);
      };
      fire();
    });
  }
  return await new Promise<string[]>((resolve) => {
    const opts = { host: t.ip, port: t.port };
    const s = t.transport === 'tls' ? tls.connect({ ...opts, rejectUnauthorized: false }) : net.connect(opts);
    let rest = '';
    const timer = setTimeout(() => s.destroy(), timeoutMs * tries);
    const done = (): void => { clearTimeout(timer); s.destroy(); resolve(got); };
    s.on('error', done);
    s.on('close', done);
    s.setEncoding('latin1');
    s.on(t.transport === 'tls' ? 'secureConnect' : 'connect', () => {
      const local = { ip: s.localAddress ?? '0.0.0.0', port: s.localPort ?? 0 };
      s.write(script.first(local));
      s.on('data', (chunk: string) => {
        const r = split(rest + chunk);
        rest = r.rest;
        for (const m of r.msgs) {
          got.push(m);
          if (script.onReply(m, (x) => s.write(x), local)) { done(); return; }
        }
      });
    });
  });
}

interface Script {
  first(local: { ip: string; port: number }): string;
  /** true = conversation over */
  onReply(msg: string, send: (s: string) => void, local: { ip: string; port: number }): boolean;
}

function optionsScript(t: Target): Script {
  const callId = rnd();
  const branch = rnd();
  return { first: (l) => request('OPTIONS', t, l, callId, branch), onReply: (m) => (statusOf(m) ?? 0) >= 200 };
}

function inviteScript(t: Target): Script {
  const callId = rnd();
  const branch = rnd();
  let cancelled = false;
  let final = false;
  let cancelOk = false;
  return {
    first: (l) => request('INVITE', t, l, callId, branch),
    onReply: (m, send, l) => {
      const st = statusOf(m) ?? 0;
      const method = headerOf(m, 'CSeq')?.split(/\s+/)[1];
      if (st === 180 && !cancelled) { cancelled = true; send(request('CANCEL', t, l, callId, branch)); }
      if (method === 'CANCEL' && st >= 200) cancelOk = true;
      if (method === 'INVITE' && st >= 200) { final = true; send(request('ACK', t, l, callId, branch)); }
      return final && cancelOk;
    },
  };
}

function summarise(t: Target, msgs: string[]): ProbeResult {
  const statuses = msgs.map(statusOf).filter((s): s is number => s !== null);
  const finalMsg = msgs.find((m) => (statusOf(m) ?? 0) >= 200) ?? msgs[0] ?? null;
  return {
    ...t, answered: statuses.length > 0, status: finalMsg ? statusOf(finalMsg) : null, statuses,
    userAgent: finalMsg ? headerOf(finalMsg, 'User-Agent') : null,
    server: finalMsg ? headerOf(finalMsg, 'Server') : null, raw: finalMsg,
  };
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const req = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
  const timeoutMs = req.timeoutMs ?? 700;
  const tries = req.tries ?? 3;
  const results = await Promise.all(req.targets.map(async (t) => {
    if (req.count) { // loss measurement: `count` single-shot OPTIONS, spread over ~1 s
      let answered = 0;
      await Promise.all(Array.from({ length: req.count }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 5));
        if ((await converse(t, timeoutMs, 1, optionsScript(t))).length > 0) answered++;
      }));
      return { ...summarise(t, []), answeredCount: answered };
    }
    const script = req.method === 'INVITE' ? inviteScript(t) : optionsScript(t);
    return summarise(t, await converse(t, timeoutMs, tries, script));
  }));
  process.stdout.write(JSON.stringify(results));
}

void main();
