// The shape of a rule: knowledge as data (like nuclei templates). A rule names
// what it needs, a small pure matcher over the evidence view, its root cause,
// its sources, and per-vendor remediation (web-UI path + config parameter).
import type { DeviceType, Severity } from '../api/result.js';
import type { EvidenceView } from './evidence.js';

export type RootCause = 'firewall' | 'phone-setting' | 'provisioning-template' | 'firmware' | 'network' | 'inventory';
export const ROOT_CAUSES: readonly RootCause[] = ['firewall', 'phone-setting', 'provisioning-template', 'firmware', 'network', 'inventory'];

/** Vendors with remediation entries: the config readers' vendors first, then the ones with sourced facts. */
export const VENDOR_KEYS = ['yealink', 'grandstream', 'snom', 'cisco', 'poly', 'fanvil', 'gigaset', 'panasonic', 'htek'] as const;
export type VendorKey = (typeof VENDOR_KEYS)[number];
/** The vendors the config readers know (issue 4): every phone-setting rule has a fix for each. */
export const CONFIG_VENDORS: readonly VendorKey[] = ['yealink', 'grandstream', 'snom', 'cisco', 'poly', 'fanvil'];

/** What a rule needs from the scan; absent input = the rule is "not checked", never a finding. */
export type Input = 'sip' | 'config' | 'web' | 'srtp' | 'transport' | 'reach' | 'reach-alg' | 'reach-nat' | 'ghost-call' | 'fingerprint' | 'firmware';

export interface EvidenceItem {
  device: string | null;
  probe: string;
  item: string;
  value: string;
}

/** One web-UI step: menu path as the vendor's (English) UI labels it, the setting, the value to choose. */
export interface WebStep {
  path: string[];
  setting: string;
  value: string;
}

export interface VendorFix {
  web: WebStep[];
  /** Config-file parameter name/value as the vendor's provisioning format spells it. */
  parameters: Array<{ name: string; value: string }>;
  /** Keys under `notes.` in checks.json: caveats (unverified paths, per-account numbering...). */
  notes?: string[];
  /** Where the vendor fact comes from. */
  sources: string[];
}

export interface Rule {
  /** Stable id, never reused: exceptions and reports refer to it. */
  id: string;
  severity: Severity;
  rootCause: RootCause;
  needs: Input[];
  references: string[];
  /** Key under `rules.` in checks.json with `title`, `description`, `fix`. */
  textKey: string;
  /** Interpolation values for the texts (e.g. the CVE id and fixed version). */
  textParams?: Record<string, string>;
  /** Interpolation values that are themselves checks.json keys (translated first). */
  paramKeys?: Record<string, string>;
  match: (ev: EvidenceView) => EvidenceItem[];
  vendors: Partial<Record<VendorKey, VendorFix>>;
}

/** Device types that are not desk phones but speak SIP on an office LAN. */
export const UNEXPECTED_TYPES: readonly DeviceType[] = ['pbx', 'softphone'];

/** What counts as "your phones" (verdict, report): everything but PBXs, softphones, scanners, routers, gateways. */
const NOT_PHONE_TYPES: ReadonlySet<DeviceType> = new Set<DeviceType>(['pbx', 'softphone', 'scanner', 'router', 'gateway']);
export const isPhoneType = (type: DeviceType | null | undefined): boolean => !type || !NOT_PHONE_TYPES.has(type);
