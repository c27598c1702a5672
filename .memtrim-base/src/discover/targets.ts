// Scan targets: CIDR, ranges and single IPv4 addresses (or, with none, the subnets of
// this machine's interfaces), as merged uint32 ranges. Safety lives here: without
// allowPublic only private, CGNAT, link-local and loopback space may be swept, and
// size is capped (more than a /16 needs force; 2^24 never).
import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';
import ipaddr from 'ipaddr.js';
import { EngineError } from '../api/errors.js';

/** uint32, inclusive. */
export interface TargetRange {
  start: number;
  end: number;
}

export interface TargetSet {
  /** Sorted, merged (no overlap, no adjacency). */
  ranges: TargetRange[];
  count: number;
  /** The specs as given, or the interface subnets used (CIDR) when none were given. */
  specs: string[];
  fromInterfaces: boolean;
}

export interface ResolveOptions {
  allowPublic: boolean;
  force: boolean;
  /** Only this interface's subnets when no specs are given. */
  interface?: string;
  /** Injectable for tests; default os.networkInterfaces(). */
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

export type AddressClass = 'private' | 'cgnat' | 'link-local' | 'loopback' | 'public' | 'reserved';

export const SOFT_LIMIT = 65_536; // more than a /16 needs force
export const HARD_LIMIT = 2 ** 24; // never, even with force

/** Blocks allowed without allowPublic (RFC 1918, RFC 6598, RFC 3927, RFC 1122); classify() agrees (tested). */
const ALLOWED_CIDRS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8'] as const;
/** Never a unicast host: probing these is a mistake whatever the flags. */
const NEVER_CIDRS = ['0.0.0.0/8', '224.0.0.0/4', '255.255.255.255/32'] as const;

const CLASS_OF: Readonly<Record<string, AddressClass>> = {
  private: 'private', carrierGradeNat: 'cgnat', linkLocal: 'link-local', loopback: 'loopback', unicast: 'public',
};

function blocks(cidrs: readonly string[]): TargetRange[] {
  return cidrs.map((c) => {
    const [ip, bits] = c.split('/');
    return cidrRange(ipToInt(ip as string), Number(bits));
  });
}

let allowedBlocks: TargetRange[] | null = null;
let neverBlocks: TargetRange[] | null = null;

export function ipToInt(ip: string): number {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) throw new EngineError('E_BAD_TARGET', `not an IPv4 address: ${ip}`, { target: ip });
  return ipaddr.IPv4.parse(ip).octets.reduce((n, b) => n * 256 + b, 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function classify(ip: string): AddressClass {
  return CLASS_OF[ipaddr.IPv4.parse(intToIp(ipToInt(ip))).range()] ?? 'reserved';
}

/** All addresses of a prefix, network and broadcast included. */
export function cidrRange(base: number, bits: number): TargetRange {
  const size = 2 ** (32 - bits);
  const start = base - (base % size);
  return { start, end: start + size - 1 };
}

function bad(spec: string, reason: string): EngineError {
  return new EngineError('E_BAD_TARGET', `bad target "${spec}": ${reason}`, { target: spec, reason });
}

const QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function quad(spec: string, ip: string): number {
  if (!QUAD.test(ip) || !ipaddr.IPv4.isValidFourPartDecimal(ip)) throw bad(spec, 'not an IPv4 address');
  return ipToInt(ip);
}

/** Hosts of a CIDR: network and broadcast excluded below /31 (RFC 3021 /31s have no broadcast). */
function hostsOf(network: number, bits: number): TargetRange {
  const r = cidrRange(network, bits);
  return bits < 31 ? { start: r.start + 1, end: r.end - 1 } : r;
}

/** One spec → one range. Throws E_BAD_TARGET with the offending spec. */
export function parseSpec(raw: string): TargetRange {
  const spec = raw.trim();
  if (spec === '') throw bad(raw, 'empty');
  if (spec.includes(':')) {
    if (ipaddr.isValid(spec.split('/')[0] ?? '') || ipaddr.isValidCIDR(spec) || /^[0-9a-f:.[\]/-]+$/i.test(spec)) throw bad(spec, 'IPv6 not supported yet');
    throw bad(spec, 'not an IPv4 address, CIDR or range');
  }
  const cidr = /^([^/]+)\/(\d{1,2})$/.exec(spec);
  if (cidr) {
    const bits = Number(cidr[2]);
    if (bits > 32) throw bad(spec, 'prefix length above 32');
    return hostsOf(quad(spec, cidr[1] as string), bits);
  }
  const range = /^([^-]+)-([^-]+)$/.exec(spec);
  if (range) {
    const start = quad(spec, (range[1] as string).trim());
    const endText = (range[2] as string).trim();
    let end: number;
    if (/^\d{1,3}$/.test(endText)) {
      // Short form 10.0.0.10-50: the last octet only.
      const last = Number(endText);
      if (last > 255) throw bad(spec, 'last octet above 255');
      end = start - (start % 256) + last;
    } else end = quad(spec, endText);
    if (end < start) throw bad(spec, 'range end before its start');
    return { start, end };
  }
  if (spec.includes('/')) throw bad(spec, 'not a valid CIDR');
  const ip = quad(spec, spec);
  return { start: ip, end: ip };
}

export function mergeRanges(ranges: readonly TargetRange[]): TargetRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: TargetRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** First address of r that lies in none of the blocks, or null if r is covered. */
function firstOutside(r: TargetRange, blocksSorted: TargetRange[]): number | null {
  let cursor = r.start;
  for (const b of blocksSorted) {
    if (b.end < cursor) continue;
    if (b.start > cursor) return cursor;
    cursor = b.end + 1;
    if (cursor > r.end) return null;
  }
  return cursor <= r.end ? cursor : null;
}

/** First address of r inside one of the blocks, or null. */
function firstInside(r: TargetRange, blocksSorted: TargetRange[]): number | null {
  for (const b of blocksSorted) if (b.start <= r.end && b.end >= r.start) return Math.max(b.start, r.start);
  return null;
}

function checkAllowed(r: TargetRange, spec: string, allowPublic: boolean): void {
  neverBlocks ??= mergeRanges(blocks(NEVER_CIDRS));
  const never = firstInside(r, neverBlocks);
  if (never !== null && r.start === r.end) throw bad(spec, `${intToIp(never)} is not a unicast host address`);
  if (allowPublic) return;
  allowedBlocks ??= mergeRanges(blocks(ALLOWED_CIDRS));
  const outside = firstOutside(r, allowedBlocks);
  if (outside !== null) {
    const target = intToIp(outside);
    throw new EngineError('E_PUBLIC_TARGET', `${spec} includes ${target}, which is not a private, CGNAT, link-local or loopback address (use --allow-public)`, { target, spec });
  }
}

/** Multicast/broadcast/unspecified addresses inside a larger range are dropped silently. */
function withoutNever(r: TargetRange): TargetRange[] {
  neverBlocks ??= mergeRanges(blocks(NEVER_CIDRS));
  let parts: TargetRange[] = [r];
  for (const b of neverBlocks) {
    parts = parts.flatMap((p) => {
      if (b.end < p.start || b.start > p.end) return [p];
      const keep: TargetRange[] = [];
      if (p.start < b.start) keep.push({ start: p.start, end: b.start - 1 });
      if (p.end > b.end) keep.push({ start: b.end + 1, end: p.end });
      return keep;
    });
  }
  return parts;
}

/** The IPv4 subnets of the non-internal interfaces (or only `name`), as CIDR strings. */
export function interfaceSubnets(ifaces: NodeJS.Dict<NetworkInterfaceInfo[]>, name?: string): string[] {
  const out: string[] = [];
  for (const [ifName, addrs] of Object.entries(ifaces)) {
    if (name !== undefined && ifName !== name) continue;
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4' || a.internal || !a.cidr) continue;
      const bits = Number(a.cidr.split('/')[1]);
      const net = cidrRange(ipToInt(a.address), bits).start;
      out.push(`${intToIp(net)}/${bits}`);
    }
  }
  return [...new Set(out)];
}

export function resolveTargets(specs: string[], opts: ResolveOptions): TargetSet {
  const given = specs.map((s) => s.trim()).filter((s) => s !== '');
  let fromInterfaces = false;
  let used = given;
  if (given.length === 0) {
    fromInterfaces = true;
    const subnets = interfaceSubnets(opts.interfaces ?? networkInterfaces(), opts.interface);
    // A public subnet on an interface is skipped, not an error: the user asked for "my LAN".
    used = opts.allowPublic ? subnets : subnets.filter((s) => {
      try { checkAllowed(parseSpec(s), s, false); return true; } catch { return false; }
    });
    if (used.length === 0) {
      throw new EngineError('E_NO_TARGETS', opts.interface ? `no IPv4 subnet on interface ${opts.interface}` : 'no local IPv4 subnet found', { interface: opts.interface ?? null });
    }
  }
  const parsed: TargetRange[] = [];
  for (const spec of used) {
    const r = parseSpec(spec);
    checkAllowed(r, spec, opts.allowPublic);
    parsed.push(...withoutNever(r));
  }
  const ranges = mergeRanges(parsed);
  const count = ranges.reduce((n, r) => n + (r.end - r.start + 1), 0);
  if (count > HARD_LIMIT) {
    throw new EngineError('E_TARGET_TOO_LARGE', `${count} addresses: more than ${HARD_LIMIT} is never swept`, { count, limit: HARD_LIMIT, force: true });
  }
  if (count > SOFT_LIMIT && !opts.force) {
    throw new EngineError('E_TARGET_TOO_LARGE', `${count} addresses: more than ${SOFT_LIMIT} needs --force`, { count, limit: SOFT_LIMIT, force: false });
  }
  if (count === 0) throw new EngineError('E_NO_TARGETS', 'the targets hold no host address', { specs: used.join(' ') });
  return { ranges, count, specs: used, fromInterfaces };
}

/** Every address once, in ascending order. */
export function* iterateTargets(set: TargetSet): Generator<string> {
  for (const r of mergeRanges(set.ranges)) {
    for (let n = r.start; n <= r.end; n++) yield intToIp(n);
  }
}
