// Test-only network guard: loaded first (`node --import tsx --import ./test/api/net-guard.ts …`
// or as the first import of a worker), it refuses and records every attempt to
// reach anything but loopback — UDP sends, multicast joins, TCP/TLS connects,
// name lookups, and ping/arping/probers started as child processes. Tests then
// assert that nothing was attempted ("refused before any packet is sent"), and a
// bug can never put a packet on the machine's real network.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import dgram from 'node:dgram';
import net from 'node:net';
import type * as Dns from 'node:dns';

const require = createRequire(import.meta.url);
const LOG = process.env.GHOSTCALL_NET_GUARD_LOG;

export interface GuardAttempt { kind: string; target: string }
const attempts: GuardAttempt[] = [];

export function guardAttempts(): GuardAttempt[] {
  return [...attempts];
}

export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function refuse(kind: string, target: string): never {
  const a = { kind, target };
  attempts.push(a);
  if (LOG) appendFileSync(LOG, `${JSON.stringify(a)}\n`);
  throw new Error(`NET-GUARD: refused ${kind} to ${target} (tests may only reach loopback)`);
}

// UDP: send(msg, [offset, length,] port, [address], [cb]) — the address is the first string after msg.
const udpSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
  const address = args.slice(1).find((a): a is string => typeof a === 'string');
  if (!isLoopback(address)) refuse('udp', String(address));
  return (udpSend as (...a: unknown[]) => void).apply(this, args);
} as typeof udpSend;
const udpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedConnect(this: dgram.Socket, ...args: unknown[]) {
  const address = args.find((a): a is string => typeof a === 'string');
  if (!isLoopback(address)) refuse('udp-connect', String(address));
  return (udpConnect as (...a: unknown[]) => void).apply(this, args);
} as typeof udpConnect;
for (const m of ['addMembership', 'addSourceSpecificMembership', 'setBroadcast'] as const) {
  const orig = dgram.Socket.prototype[m] as (...a: unknown[]) => void;
  (dgram.Socket.prototype as unknown as Record<string, unknown>)[m] = function guarded(this: dgram.Socket, ...args: unknown[]) {
    if (m === 'setBroadcast' && args[0] === false) return orig.apply(this, args);
    refuse(m, String(args[0]));
  };
}

// TCP/TLS (tls and http go through net.Socket#connect).
const tcpConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedTcp(this: net.Socket, ...args: unknown[]) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // internal normalized form [options, cb]
  let host: string | undefined;
  let path: string | undefined;
  if (first && typeof first === 'object') {
    const o = first as { host?: string; path?: string };
    host = o.host;
    path = o.path;
  } else if (typeof args[1] === 'string') host = args[1];
  if (!path && !isLoopback(host)) refuse('tcp', String(host));
  return (tcpConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof tcpConnect;

// Name lookups of anything but localhost/IP literals would query DNS (IP literals,
// e.g. the 0.0.0.0 of a bind, resolve locally: destinations are checked above).
const dns = require('node:dns') as typeof Dns;
const lookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function guardedLookup(host: string, ...rest: unknown[]) {
  if (net.isIP(host) === 0 && !isLoopback(host)) refuse('dns', host);
  return (lookup as (...a: unknown[]) => unknown)(host, ...rest);
};

// Child processes that send packets (node-arp pings before reading the ARP table).
const PROBERS = /(^|\/)(ping6?|arping|nmap|svmap|sipsak|sipp|curl|wget|nc|ncat)$/;
const cp = require('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync']) {
  const orig = cp[name] as (...a: unknown[]) => unknown;
  cp[name] = function guardedChild(file: string, ...rest: unknown[]) {
    const argv = Array.isArray(rest[0]) ? (rest[0] as unknown[]).map(String) : [];
    const words = name.startsWith('exec') && !name.startsWith('execFile') ? String(file).split(/\s+/) : [String(file), ...argv];
    if (PROBERS.test(words[0] ?? '')) {
      const hosts = words.slice(1).filter((w) => net.isIP(w) !== 0 || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(w));
      const outside = hosts.find((h) => !isLoopback(h));
      if (outside !== undefined) refuse(`exec:${words[0]}`, outside);
    }
    return orig.call(cp, file, ...rest);
  };
}
syncBuiltinESMExports();
