// The shape of fingerprint knowledge. Each entry is data that tests itself: its
// `examples` are run by test/identify/entries.test.ts (the rapid7/recog idea).
import type { DeviceType } from '../api/result.js';

/** Where a value came from; an entry may restrict itself to some sources. */
export type ValueSource = 'sip' | 'http' | 'mdns';

export interface FingerprintExample {
  value: string;
  expect: { vendor: string; model: string | null; firmware: string | null; type: DeviceType | null };
}

export interface FingerprintEntry {
  /** Stable id, `<family>-<what>`; shown in evidence as `matched`. */
  id: string;
  vendor: string;
  /** Fixed type; `typeByModel` refines it. null = the string does not say. */
  type: DeviceType | null;
  /**
   * Anchored (`^`), ReDoS-safe (no nested quantifiers) pattern over a
   * sanitised header value. Named groups `model` and `firmware` by default.
   */
  pattern: RegExp;
  fields?: { model?: number | string; firmware?: number | string };
  /** Model when the pattern names the product but captures none (e.g. "Asterisk"). */
  model?: string;
  /** Exact renames of a captured model. */
  modelMap?: Record<string, string>;
  /** Ordered substitutions applied to a captured model (e.g. "VVX_411" → "VVX 411"). */
  modelRewrite?: ReadonlyArray<readonly [RegExp, string]>;
  /** First matching rule sets the type from the (final) model. */
  typeByModel?: ReadonlyArray<readonly [RegExp, DeviceType]>;
  /** Only try this entry on values from these sources (default: all). */
  sources?: readonly ValueSource[];
  examples: FingerprintExample[];
  /** Where the format is documented or seen (vendor doc, nmap probe, capture). */
  source: string;
}

/** One identified value. */
export interface ValueMatch {
  entry: FingerprintEntry;
  vendor: string;
  model: string | null;
  firmware: string | null;
  type: DeviceType | null;
}
