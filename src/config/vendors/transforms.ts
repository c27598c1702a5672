// Value readers shared by the vendor maps. Each returns null for a value it
// does not understand (the field then falls back to the next parameter/default).
import type { Get, Picked } from './rules.js';

const first = (v: string) => v.trim().split(/[\s#;]/)[0]!.toLowerCase();

export const bool01 = (v: string): boolean | null => ({ '0': false, '1': true })[first(v)] ?? null;
export const notBool01 = (v: string): boolean | null => {
  const b = bool01(v);
  return b === null ? null : !b;
};
export const yesNo = (v: string): boolean | null =>
  ({ yes: true, no: false, true: true, false: false, '1': true, '0': false })[first(v)] ?? null;
export const onOff = (v: string): boolean | null => ({ on: true, off: false, '1': true, '0': false })[first(v)] ?? null;

export const port = (v: string): number | null => {
  const m = /^\s*(\d{1,5})\b/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 65535 ? n : null; // 0 = "use the default" on several vendors
};

export const text = (v: string): string | null => (v.trim() ? v.trim() : null);

/** Looks the (lower-cased, trimmed) value up in a table. */
export function oneOf<T>(table: Record<string, T>): (v: string) => T | null {
  const lower = Object.fromEntries(Object.entries(table).map(([k, val]) => [k.toLowerCase(), val]));
  return (v) => lower[v.trim().toLowerCase()] ?? lower[first(v)] ?? null;
}

/** 12 hex digits in any common spelling → aa:bb:cc:dd:ee:ff. */
export const mac = (v: string): string | null => {
  const hex = v.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.length === 12 ? hex.match(/../g)!.join(':') : null;
};

/**
 * A provisioning server given as an address plus a separate protocol parameter, as one
 * URL. An address that carries its own scheme wins; an absent or unknown protocol
 * takes `fallback` (the vendor's documented default), or leaves the address bare.
 */
export function serverUrl(get: Get, address: string, protocol: { param: string; table: Record<string, string>; fallback: string | null }): Picked<string | null> | null {
  const a = get(address);
  if (!a) return null;
  const v = a.value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return { value: v, parameter: address };
  const p = get(protocol.param);
  const scheme = p ? oneOf(protocol.table)(p.value) : null;
  const use = scheme ?? protocol.fallback;
  return { value: use ? `${use}://${v}` : v, parameter: scheme ? `${address} + ${protocol.param}` : address };
}

export const positiveNumber = (v: string): boolean | null => {
  const n = Number(v.trim());
  return Number.isFinite(n) ? n > 0 : null;
};
