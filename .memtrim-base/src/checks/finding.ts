// A matched rule → a Finding in the chosen language, and accepted exceptions
// applied to it (the finding stays visible, marked, and stops counting).
import type { AcceptedException } from '../api/contract.js';
import type { Finding } from '../api/result.js';
import { translator, type Lang } from '../i18n/index.js';
import type { EvidenceItem, Rule, VendorFix, VendorKey } from './types.js';
import { VENDOR_KEYS } from './types.js';
import { VENDOR_LABELS } from './vendors.js';

type T = ReturnType<typeof translator>;

function params(rule: Rule, t: T): Record<string, string> {
  const out: Record<string, string> = { ...(rule.textParams ?? {}) };
  for (const [name, key] of Object.entries(rule.paramKeys ?? {})) out[name] = t(key);
  return out;
}

export function vendorSteps(fix: VendorFix, t: T): string[] {
  const steps = fix.web.map((w) => t('steps.web', { path: w.path.join(' → '), setting: w.setting, value: w.value }));
  if (fix.parameters.length > 0) steps.push(t('steps.params', { params: fix.parameters.map((p) => `${p.name} = ${p.value}`).join(', ') }));
  for (const n of fix.notes ?? []) steps.push(t(n));
  return steps;
}

/** Vendors of the affected devices first, then the rest in table order. */
function vendorOrder(rule: Rule, affectedVendors: Set<VendorKey>): VendorKey[] {
  const present = VENDOR_KEYS.filter((k) => rule.vendors[k]);
  return [...present.filter((k) => affectedVendors.has(k)), ...present.filter((k) => !affectedVendors.has(k))];
}

export function toFinding(rule: Rule, items: EvidenceItem[], lang: Lang, affectedVendors: Set<VendorKey>): Finding {
  const t = translator(lang, 'checks');
  const p = params(rule, t);
  const base = `rules.${rule.textKey}`;
  return {
    id: rule.id,
    severity: rule.severity,
    title: t(`${base}.title`, p),
    description: t(`${base}.description`, p),
    rootCause: rule.rootCause,
    evidence: items,
    devices: [...new Set(items.map((i) => i.device).filter((d): d is string => d !== null))],
    remediation: {
      generic: t(`${base}.fix`, p),
      vendors: vendorOrder(rule, affectedVendors).map((k) => {
        const fix = rule.vendors[k] as VendorFix;
        return { vendor: VENDOR_LABELS[k], steps: vendorSteps(fix, t), parameters: fix.parameters };
      }),
    },
    references: rule.references,
    exception: null,
  };
}

/**
 * An exception for all devices (device null) marks the whole finding. One for some
 * devices splits the finding: the excepted devices go into a copy that carries the
 * exception, so that the rest still counts and nothing disappears.
 */
export function applyExceptions(f: Finding, exceptions: AcceptedException[]): Finding[] {
  const mine = exceptions.filter((e) => e.findingId === f.id);
  const all = mine.find((e) => e.device === null);
  if (all) return [{ ...f, exception: { reason: all.reason, by: all.by, at: all.at } }];
  const perDevice = mine.filter((e) => e.device !== null && f.devices.includes(e.device));
  if (perDevice.length === 0) return [f];
  const excepted = new Set(perDevice.map((e) => e.device as string));
  const rest = f.devices.filter((d) => !excepted.has(d));
  const out: Finding[] = [];
  if (rest.length > 0 || f.evidence.some((e) => e.device === null)) {
    out.push({ ...f, devices: rest, evidence: f.evidence.filter((e) => e.device === null || !excepted.has(e.device)) });
  }
  for (const e of perDevice) {
    if (out.some((o) => o.exception && o.devices.includes(e.device as string))) continue;
    out.push({ ...f, devices: [e.device as string], evidence: f.evidence.filter((x) => x.device === e.device), exception: { reason: e.reason, by: e.by, at: e.at } });
  }
  return out;
}
