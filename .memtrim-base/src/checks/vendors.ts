// Vendor names as the fingerprint, the config readers and the OUI registry spell
// them, mapped to the remediation table's keys. Data, first match wins.
import type { VendorKey } from './types.js';

const VENDOR_PATTERNS: ReadonlyArray<readonly [RegExp, VendorKey]> = [
  [/yealink/i, 'yealink'],
  [/grandstream/i, 'grandstream'],
  [/snom/i, 'snom'],
  [/cisco|linksys|sipura/i, 'cisco'],
  [/poly(com)?\b|^poly/i, 'poly'],
  [/fanvil/i, 'fanvil'],
  [/gigaset|siemens home/i, 'gigaset'],
  [/panasonic/i, 'panasonic'],
  [/htek|hanlong/i, 'htek'],
];

/** The display names for texts ("Cisco (SPA/MPP)"). */
export const VENDOR_LABELS: Readonly<Record<VendorKey, string>> = {
  yealink: 'Yealink',
  grandstream: 'Grandstream',
  snom: 'Snom',
  cisco: 'Cisco SPA/MPP',
  poly: 'Poly/Polycom',
  fanvil: 'Fanvil',
  gigaset: 'Gigaset',
  panasonic: 'Panasonic',
  htek: 'Htek',
};

export function vendorKey(name: string | null | undefined): VendorKey | null {
  if (!name) return null;
  for (const [re, key] of VENDOR_PATTERNS) if (re.test(name)) return key;
  return null;
}
