// MAC → organisation (IEEE OUI registry, offline, from the maintained `oui-data`
// package) → canonical vendor and "makes phones?" (phone-vendors.ts).
import { createRequire } from 'node:module';
import { phoneVendorRule } from './phone-vendors.js';

export interface MacVendorInfo {
  /** IEEE organisation name, first line of the registry entry. */
  org: string | null;
  /** Canonical vendor name when the organisation is in our table. */
  vendor: string | null;
  /** Locally administered (randomised/virtual) MAC: the OUI says nothing. */
  randomized: boolean;
  phoneVendor: boolean;
}

/** oui-data: { "<6|7|9 hex digits, upper-case>": "Org\nAddress\n...\nCountry" } covering MA-L, MA-M, MA-S. */
type OuiTable = Readonly<Record<string, string>>;

let table: OuiTable | null = null;

/** Loaded on first use (5.6 MB of JSON): a scan that never reads a MAC never pays for it. */
function ouiTable(): OuiTable {
  table ??= createRequire(import.meta.url)('oui-data') as OuiTable;
  return table;
}

/** 'aa:bb:cc:dd:ee:ff' | 'aa-bb-..' | 'aabb.ccdd.eeff' | 'aabbccddeeff' | macOS '0:4:f2:1:2:3' → 'aa:bb:cc:dd:ee:ff', else null. */
export function normalizeMac(mac: string): string | null {
  const s = mac.trim().toLowerCase();
  let hex: string;
  if (/^[0-9a-f]{1,2}([:-])(?:[0-9a-f]{1,2}\1){4}[0-9a-f]{1,2}$/.test(s)) hex = s.split(/[:-]/).map((o) => o.padStart(2, '0')).join('');
  else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(s)) hex = s.replace(/\./g, '');
  else if (/^[0-9a-f]{12}$/.test(s)) hex = s;
  else return null;
  return hex.match(/../g)?.join(':') ?? null;
}

const NONE: MacVendorInfo = { org: null, vendor: null, randomized: false, phoneVendor: false };

export function macVendor(mac: string): MacVendorInfo {
  const norm = normalizeMac(mac);
  if (!norm) return { ...NONE };
  const hex = norm.replace(/:/g, '').toUpperCase();
  const first = parseInt(hex.slice(0, 2), 16);
  if (first & 0x02) return { ...NONE, randomized: true }; // U/L bit: locally administered
  if (first & 0x01) return { ...NONE }; // group (multicast) address: no device has it
  const t = ouiTable();
  // Longest prefix first: MA-S (36 bits) and MA-M (28 bits) subdivide an IEEE-owned MA-L.
  const entry = t[hex.slice(0, 9)] ?? t[hex.slice(0, 7)] ?? t[hex.slice(0, 6)];
  const org = entry?.split('\n')[0]?.trim() || null;
  if (!org) return { ...NONE };
  const rule = phoneVendorRule(org);
  return { org, vendor: rule?.vendor ?? null, randomized: false, phoneVendor: rule?.phoneVendor ?? false };
}
