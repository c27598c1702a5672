// The phone farm: ONE process answering as N phones on N addresses, one socket
// per address and port. Run inside a lab namespace:
//   ip netns exec NS node --import tsx lab/farm/main.ts SPEC.json
// Prints one JSON line (FarmReady) on stdout when every socket is bound.
import { readFileSync } from 'node:fs';
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import { Bonjour } from 'bonjour-service';
import type { FarmReady, FarmSpec } from './spec.js';
import { FarmPhone } from './phone.js';
import type { Transport } from './phone.js';
import { StreamFramer } from './sip.js';
import { webUi } from '../web/registry.js';
import { startHostile } from './hostile.js';

const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as FarmSpec;
const cert = readFileSync(spec.certFile);
const key = readFileSync(spec.keyFile);
const failures: string[] = [];
let sockets = 0;

// A farm must outlive hostile input: log, never die.
process.on('uncaughtException', (e) => process.stderr.write(`farm: uncaught ${e.stack ?? e}\n`));
process.stdout.on('error', () => { /* parent went away (lab up keeps running) */ });
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => process.exit(0));

function bindUdp(phone: FarmPhone, port: number): Promise<void> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: 'udp4' });
    sock.once('error', (e) => { failures.push(`udp ${phone.spec.ip}:${port} ${e.message}`); resolve(); });
    sock.on('message', (msg, rinfo) => {
      phone.handle(msg.toString('latin1'), 'udp', port, rinfo, (text) => {
        sock.send(Buffer.from(text, 'latin1'), rinfo.port, rinfo.address, () => { /* loss is fine */ });
      });
    });
    sock.bind({ address: phone.spec.ip, port, exclusive: true }, () => {
      sock.removeAllListeners('error');
      sock.on('error', (e) => process.stderr.write(`farm: udp ${phone.spec.ip}:${port} ${e.message}\n`));
      sockets++;
      resolve();
    });
  });
}

function onStream(phone: FarmPhone, transport: Transport, port: number) {
  return (s: net.Socket): void => {
    const framer = new StreamFramer();
    s.setEncoding('latin1');
    s.setTimeout(60_000, () => s.destroy());
    s.on('error', () => s.destroy());
    const source = { address: s.remoteAddress ?? '', port: s.remotePort ?? 0 };
    s.on('data', (chunk: string) => {
      for (const msg of framer.push(chunk)) {
        phone.handle(msg, transport, port, source, (text) => { if (!s.destroyed) s.write(text, 'latin1'); });
      }
    });
  };
}

function listen(server: net.Server, what: string, ip: string, port: number): Promise<void> {
  return new Promise((resolve) => {
    server.once('error', (e) => { failures.push(`${what} ${ip}:${port} ${e.message}`); resolve(); });
    server.listen({ host: ip, port, backlog: 1024 }, () => {
      server.removeAllListeners('error');
      server.on('error', (e) => process.stderr.write(`farm: ${what} ${ip}:${port} ${e.message}\n`));
      sockets++;
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const jobs: Promise<void>[] = [];
  const bonjour = spec.phones.some((p) => p.mdns.length > 0) ? new Bonjour() : null;
  for (const ps of spec.phones) {
    if (ps.hostile) {
      jobs.push(startHostile(ps, { bound: () => { sockets++; }, failed: (what) => { failures.push(what); } }));
      continue;
    }
    const phone = new FarmPhone(ps);
    for (const port of ps.udp) jobs.push(bindUdp(phone, port));
    for (const port of ps.tcp) jobs.push(listen(net.createServer(onStream(phone, 'tcp', port)), 'tcp', ps.ip, port));
    for (const port of ps.tls) {
      const server = tls.createServer({ cert, key }, onStream(phone, 'tls', port));
      server.on('tlsClientError', () => { /* scanners hang up mid-handshake */ });
      jobs.push(listen(server, 'tls', ps.ip, port));
    }
    for (const w of ps.web) {
      const handler = webUi(w.ui)({ phone: ps, web: w });
      const safe: http.RequestListener = (req, res) => {
        try { handler(req, res); } catch (e) { res.destroy(); process.stderr.write(`farm: web ${e}\n`); }
      };
      const server = w.tls ? https.createServer({ cert, key }, safe) : http.createServer(safe);
      server.on('clientError', (_e, s) => s.destroy());
      jobs.push(listen(server, w.tls ? 'https' : 'http', ps.ip, w.port));
    }
    for (const m of ps.mdns) {
      bonjour?.publish({ name: m.name, host: m.host, type: m.type, protocol: m.protocol, port: m.port, txt: m.txt ?? {}, probe: false });
    }
  }
  await Promise.all(jobs);
  const ready: FarmReady = { ready: true, sockets, failures };
  process.stdout.write(JSON.stringify(ready) + '\n');
}

void main();
