// "Can the internet ring your phones?" — the site verdict (see docs/SCORING.md).
//
// exposed     : the reachability test ran and at least one SIP probe from outside was answered.
// not-exposed : the reachability test ran and no probe was answered.
// not-tested  : no usable reachability result (none, or it failed before probing).
// A ghost-call test that rang proves the phone rings for strangers on the LAN, not
// that the internet reaches it: it never decides the verdict, the text mentions it.
import type { Site } from '../api/result.js';
import { translator, type Lang } from '../i18n/index.js';
import type { EvidenceView } from './evidence.js';
import { exposedPhones, isPhone } from './rules/site.js';

export interface Verdict { verdict: Site['verdict']; verdictText: string; ringable: string[] }

export function siteVerdict(ev: EvidenceView, lang: Lang): Verdict {
  const t = translator(lang, 'checks');
  const phones = ev.devices.filter(isPhone);
  const rangOnLan = ev.devices.filter((d) => d.ghostCall?.tested && d.ghostCall.rang === true).length;
  const lanText = rangOnLan > 0 ? ` ${t('verdict.lanRang', { count: rangOnLan })}` : '';
  if (!ev.inputs.reach || !ev.reach) return { verdict: 'not-tested', verdictText: t('verdict.notTested') + lanText, ringable: [] };

  const probes = ev.reach.probes;
  const ports = [...new Set(probes.map((p) => `${p.transport}/${p.port}`))].join(', ');
  const open = probes.filter((p) => p.reachable);
  if (open.length === 0) return { verdict: 'not-exposed', verdictText: t('verdict.notExposed', { ports }) + lanText, ringable: [] };

  const ringable = new Set(exposedPhones(ev).map((x) => x.device?.ip).filter((ip): ip is string => !!ip));
  const openPorts = [...new Set(open.map((p) => `${p.transport}/${p.port}`))].join(', ');
  const verdictText = ringable.size > 0
    ? t('verdict.exposed', { count: ringable.size, total: Math.max(phones.length, ringable.size) })
    : t('verdict.exposedUnknown', { ports: openPorts });
  return { verdict: 'exposed', verdictText: verdictText + lanText, ringable: [...ringable] };
}
