import type { Finding } from '../../../src/api/result.js';
import { checksT, uiT, type Lang } from '../i18n.js';
import { groupByRootCause, findingKey } from '../model/findings.js';
import { SeverityBadge } from './SeverityBadge.js';
import { inert } from '../../../src/util/inert.js';

const SHOWN_IPS = 3;

/** Findings by root cause: the fix for the cause first, then each finding (click → detail). */
export function FindingGroups({ lang, findings, onOpen }: { lang: Lang; findings: Finding[]; onOpen: (key: string) => void }) {
  const t = uiT(lang);
  const tc = checksT(lang);
  if (findings.length === 0) return <p className="empty good-box">{t('noFindings')}</p>;
  // The first few affected IPs (device strings: inert), then how many more.
  const devicesLine = (ips: string[]): string => [ips.slice(0, SHOWN_IPS).map((ip) => inert(ip, 45)).join(', '), ips.length > SHOWN_IPS ? t('moreDevices', { count: ips.length - SHOWN_IPS }) : ''].filter(Boolean).join(' ');
  const cause = (c: string, part: 'title' | 'action' | 'owner'): string => String(tc(`rootCause.${c}.${part}`, { defaultValue: part === 'title' ? c : '' }));
  return (
    <section className="findings" aria-labelledby="findings-h">
      <h2 id="findings-h">{t('findings', { count: findings.length })}</h2>
      <p className="muted">{t('groupsIntro')}</p>
      {groupByRootCause(findings).map((g) => (
        <article key={g.rootCause} className="group" data-root-cause={g.rootCause}>
          <header>
            <h3>{cause(g.rootCause, 'title')}</h3>
            <span className="muted">{t('findingCount', { count: g.findings.length })} · {t('deviceCount', { count: g.devices.length })}</span>
          </header>
          {cause(g.rootCause, 'action') && <p className="action">{cause(g.rootCause, 'action')} {cause(g.rootCause, 'owner') && <span className="muted">({cause(g.rootCause, 'owner')})</span>}</p>}
          <ul>
            {g.findings.map((f) => (
              <li key={findingKey(f)} className={f.exception ? 'excepted' : ''} data-finding={f.id}>
                <button type="button" className="finding-row" onClick={() => onOpen(findingKey(f))}>
                  <SeverityBadge t={t} severity={f.severity} />
                  <span className="title">{f.title}</span>
                  {f.exception && <span className="accepted-mark">{t('accepted')}</span>}
                  <span className="devs">{devicesLine(f.devices)}</span>
                </button>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
