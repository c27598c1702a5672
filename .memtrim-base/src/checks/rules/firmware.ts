// One rule per firmware advisory, generated from the data table: stable ids
// (GC-FW-<advisory>), severity from the advisory, the vendor's upgrade path as fix.
import type { DeviceView } from '../evidence.js';
import { item } from '../evidence.js';
import { FIRMWARE_ADVISORIES, type FirmwareAdvisory } from '../data/firmware-cves.js';
import { compareVersions } from '../version.js';
import type { Rule } from '../types.js';
import { UPGRADE_FIXES } from './fixes.js';

/** Whether a device runs an affected firmware. Unknown firmware counts only when no version is safe. */
export function isAffected(adv: FirmwareAdvisory, d: Pick<DeviceView, 'vendor' | 'model' | 'firmware'>): boolean {
  if (d.vendor !== adv.vendor || !d.model || !adv.models.test(d.model)) return false;
  if (!adv.fixed && !adv.lastAffected) return true;
  if (!d.firmware) return false;
  if (adv.fixed) return compareVersions(d.firmware, adv.fixed) === -1;
  const c = compareVersions(d.firmware, adv.lastAffected as string);
  return c === -1 || c === 0;
}

function ruleFor(ids: string, advs: FirmwareAdvisory[]): Rule {
  const first = advs[0] as FirmwareAdvisory;
  const fixedText = advs.map((a) => `${a.family}: ${a.fixed ?? '—'}`).join('; ');
  return {
    id: `GC-FW-${ids}`,
    severity: first.severity,
    rootCause: 'firmware',
    needs: ['firmware'],
    references: [...new Set([ids.startsWith('CVE-') ? ids : null, ...advs.flatMap((a) => a.sources)].filter((x): x is string => !!x))],
    textKey: advs.some((a) => a.fixed) ? 'GC-FW-UPGRADE' : 'GC-FW-NO-FIX',
    textParams: { advisory: ids, families: [...new Set(advs.map((a) => a.family))].join(', '), fixed: fixedText },
    paramKeys: { what: `cve.${ids}` },
    match: (ev) => ev.devices.flatMap((d) => {
      const adv = advs.find((a) => isAffected(a, d));
      return adv ? [item(d.ip, 'fingerprint', 'firmware', `${d.model ?? ''} ${d.firmware ?? 'unknown'}${adv.confidence === 'unverified' ? ' (fixed version unverified)' : ''}`.trim())] : [];
    }),
    // No fixed release: there is nothing to upgrade to, the generic text says replace or isolate.
    vendors: advs.some((a) => a.fixed) ? { [first.vendor]: UPGRADE_FIXES[first.vendor] } : {},
  };
}

/** Advisories that share an id (one CVE, several families) become one rule. */
export const firmwareRules: Rule[] = [...new Set(FIRMWARE_ADVISORIES.map((a) => a.id))]
  .map((id) => ruleFor(id, FIRMWARE_ADVISORIES.filter((a) => a.id === id)));
