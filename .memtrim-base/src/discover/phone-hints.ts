// What makes a host that answered no SIP a phone anyway (the phone that ignores
// strangers): vendor names in its web UI (title, auth realm, Server header) and
// phone-ish mDNS service types. Data, not if-chains: a new vendor is one line.

/** Vendor names as they appear in phone web UIs and mDNS names (case-insensitive, word-bounded). */
export const PHONE_VENDOR_PATTERNS: ReadonlyArray<{ vendor: string; pattern: RegExp }> = [
  { vendor: 'Yealink', pattern: /\byealink\b/i },
  { vendor: 'Grandstream', pattern: /\bgrandstream\b|\bGXP\d{3,4}\b|\bGRP\d{4}\b|\bHT8\d\d\b/i },
  { vendor: 'Snom', pattern: /\bsnom\b/i },
  { vendor: 'Cisco', pattern: /\bcisco\b|\bSPA\d{3}G?\b|\blinksys\b/i },
  { vendor: 'Poly', pattern: /\bpolycom\b|\bpoly\b|\bVVX\b|\bsoundpoint\b|\bsoundstation\b/i },
  { vendor: 'Fanvil', pattern: /\bfanvil\b/i },
  { vendor: 'Gigaset', pattern: /\bgigaset\b/i },
  { vendor: 'Avaya', pattern: /\bavaya\b/i },
  { vendor: 'Mitel', pattern: /\bmitel\b|\baastra\b/i },
  { vendor: 'Panasonic', pattern: /\bpanasonic\b|\bKX-(?:HDV|TGP|UT)\w*/i },
  { vendor: 'Alcatel', pattern: /\balcatel\b/i },
  { vendor: 'Htek', pattern: /\bhtek\b/i },
  { vendor: 'Akuvox', pattern: /\bakuvox\b/i },
  { vendor: 'Obihai', pattern: /\bobihai\b|\bobi\d{3}\b/i },
  { vendor: 'Unify', pattern: /\bunify\b|\bopenstage\b|\bopenscape\b/i },
  { vendor: 'Spectralink', pattern: /\bspectralink\b/i },
  { vendor: 'Auerswald', pattern: /\bauerswald\b/i },
  { vendor: 'Escene', pattern: /\bescene\b/i },
  { vendor: 'Flyingvoice', pattern: /\bflyingvoice\b/i },
];

/** mDNS service types (without the leading underscore) that only SIP devices / phones advertise. */
export const PHONE_MDNS_TYPES: ReadonlySet<string> = new Set(['sip', 'sips', 'yealink', 'grandstream', 'snom', 'polycom', 'poly']);

/** The phone vendor named in a free-text value, if any. */
export function phoneVendorIn(value: string | null | undefined): string | null {
  if (!value) return null;
  for (const { vendor, pattern } of PHONE_VENDOR_PATTERNS) if (pattern.test(value)) return vendor;
  return null;
}
