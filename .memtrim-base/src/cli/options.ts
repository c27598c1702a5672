// Option value parsers and the bridge from commander's options to the contract's
// input. Ranges and defaults live in the contract's schemas (src/api/result.ts):
// the CLI only parses text into values and shows the schema's defaults in --help.
import { InvalidArgumentError } from 'commander';
import ipaddr from 'ipaddr.js';
import type { z } from 'zod';
import { TransportSchema, type Transport } from '../api/result.js';
import { cliT } from './context.js';

export function parseInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(String(cliT()('usage.notInteger')));
  return Number(value.trim());
}

/** A parser accepting one of `allowed` (commander's own `choices` text would be English only). */
export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    const v = value.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(v)) return v as T;
    throw new InvalidArgumentError(String(cliT()('usage.oneOf', { allowed: allowed.join(', ') })));
  };
}

/** Comma-separated list, empty items dropped. */
export function parseList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** `5060,5061` or `5060-5062`; each 1–65535. */
export function parsePorts(value: string): number[] {
  const out: number[] = [];
  for (const item of parseList(value)) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(item);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!m || lo < 1 || hi > 65535 || hi < lo) throw new InvalidArgumentError(String(cliT()('usage.badPorts', { value: item })));
    for (let p = lo; p <= hi; p++) out.push(p);
  }
  if (out.length === 0) throw new InvalidArgumentError(String(cliT()('usage.badPorts', { value })));
  return [...new Set(out)];
}

export function parseTransports(value: string): Transport[] {
  const out: Transport[] = [];
  for (const item of parseList(value.toLowerCase())) {
    const t = TransportSchema.safeParse(item);
    if (!t.success) throw new InvalidArgumentError(String(cliT()('usage.badTransports', { value: item, allowed: TransportSchema.options.join(', ') })));
    if (!out.includes(t.data)) out.push(t.data);
  }
  if (out.length === 0) throw new InvalidArgumentError(String(cliT()('usage.badTransports', { value, allowed: TransportSchema.options.join(', ') })));
  return out;
}

/** A schema default as shown in help: lists comma-joined, booleans and empties not shown. */
export function showDefault(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length ? value.join(',') : undefined;
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return String(value);
  return undefined;
}

/** One schema issue as a translated line naming the option (`--rate: must be at most 100000`). */
export function issueText(issue: z.core.$ZodIssue, optionFor: (path: PropertyKey[]) => string): string {
  const t = cliT();
  const option = optionFor(issue.path);
  let detail: string;
  if (issue.code === 'too_small') detail = String(t('usage.atLeast', { min: String(issue.minimum) }));
  else if (issue.code === 'too_big') detail = String(t('usage.atMost', { max: String(issue.maximum) }));
  else detail = String(t('usage.invalidValue'));
  return String(t('usage.badOption', { option, detail }));
}

/** A dotted-quad IPv4 (or IPv6) literal in 127.0.0.0/8 or ::1. */
function isLoopbackAddress(s: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(s) && !ipaddr.IPv6.isValid(s)) return false;
  return ipaddr.parse(s).range() === 'loopback';
}

/**
 * True when every target spec lies inside loopback (single address, CIDR or range).
 * mDNS is then skipped: it multicasts on the real LAN whatever the targets are.
 */
export function onlyLoopback(specs: readonly string[]): boolean {
  if (specs.length === 0) return false;
  return specs.every((spec) => {
    const s = spec.trim();
    const cidr = /^(.+)\/(\d{1,3})$/.exec(s);
    if (cidr) {
      const [, addr = '', bits] = cidr;
      if (!isLoopbackAddress(addr)) return false;
      return ipaddr.parse(addr).kind() === 'ipv4' ? Number(bits) >= 8 && Number(bits) <= 32 : Number(bits) === 128;
    }
    const range = /^([^-]+)-([^-]+)$/.exec(s);
    if (range) return isLoopbackAddress(range[1] ?? '') && isLoopbackAddress(range[2] ?? '');
    return isLoopbackAddress(s);
  });
}
