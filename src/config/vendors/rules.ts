// The shape of a vendor map: which vendor parameters feed which PhoneConfig
// field, how the value is read, and the vendor's documented default (with the
// URL of the document that says so) for when the parameter is absent.
import type { PhoneConfig } from '../../api/result.js';
import type { ParamEntry, VendorId } from '../types.js';

export type WebProtocol = NonNullable<PhoneConfig['webProtocol']>;
export type Srtp = NonNullable<PhoneConfig['srtp']>;

/** A present, non-empty parameter (empty = absent: the phone then uses its default). */
export type Get = (param: string) => ParamEntry | undefined;

export interface Picked<T> {
  value: T;
  parameter: string;
}

export interface Default<T> {
  value: T;
  /** Where the vendor documents this default. */
  source: string;
}

export interface FieldRule<T> {
  /** Candidate parameters; the first present one whose value is understood wins. */
  params?: readonly string[];
  map?: (value: string) => T | null;
  /** Values that mean "present, switched off": the field is null (with provenance), no default. */
  off?: readonly string[];
  /** For settings spread over several parameters; a null value = present but off/unknown. */
  derive?: (get: Get) => Picked<T | null> | null;
  default?: Default<T>;
}

export interface AccountRule {
  registrar: readonly string[];
  user: readonly string[];
  transport?: FieldRule<string>;
}

export interface VendorMap {
  id: VendorId;
  name: string; // as shown, e.g. "Yealink"
  model?: FieldRule<string>;
  mac?: FieldRule<string>;
  firmware?: FieldRule<string>;
  accounts: readonly AccountRule[];
  localSipPorts?: { params: readonly string[]; default?: Default<number[]> };
  trustedServerOnly?: FieldRule<boolean>;
  directIpCalls?: FieldRule<boolean>;
  webProtocol?: FieldRule<WebProtocol>;
  provisioningUrl?: FieldRule<string>;
  srtp?: FieldRule<Srtp>;
  nat?: { stunServer?: FieldRule<string>; sipAlgWorkaround?: FieldRule<boolean>; keepAlive?: FieldRule<boolean> };
}

/** Accounts 1..n from a template (`{n}` 1-based, `{i}` 0-based). */
export function perAccount(count: number, make: (n: number, i: number) => AccountRule): AccountRule[] {
  return Array.from({ length: count }, (_, i) => make(i + 1, i));
}

export function range(count: number, make: (n: number, i: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => make(i + 1, i));
}
