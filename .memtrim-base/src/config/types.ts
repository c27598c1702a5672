// Shared shapes of the config stage: a parsed file is a flat map of vendor
// parameter name → value (with the line it came from, for provenance and errors).
export const VENDOR_IDS = ['yealink', 'grandstream', 'snom', 'cisco', 'polycom', 'fanvil', 'gigaset', 'panasonic', 'htek'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export interface ParamEntry {
  value: string;
  line: number; // 1-based line in the source file
}
export type ParamMap = Map<string, ParamEntry>;

/** A file format: its content signature (detect.ts) and its pure parser. */
export interface FormatDef {
  id: string;
  vendor: VendorId;
  /** Vendor map to use when not the vendor's main one (vendors/index.ts FORMAT_MAPS). */
  map?: string;
  /** Higher wins when several signatures match. */
  priority: number;
  matches(text: string): boolean;
  parse(text: string): ParamMap;
}

/** A parse failure with the line it happened on (becomes E_PARSE per file). */
export class ConfigParseError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'ConfigParseError';
    this.line = line;
  }
}

/** Later keys win: a phone applies a config file top to bottom. */
export function setParam(map: ParamMap, key: string, value: string, line: number): void {
  map.delete(key); // keep insertion order = last occurrence
  map.set(key, { value, line });
}
