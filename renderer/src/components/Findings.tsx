import type { TFunction } from 'i18next';
import type { Finding } from '../../../src/api/result.js';

export function Findings({ t, findings }: { t: TFunction; findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section className="findings">
      <h2>{t('findings', { count: findings.length })}</h2>
      <ul>
        {findings.map((f) => (
          <li key={`${f.id}:${f.devices.join(',')}`} className={`sev-${f.severity}${f.exception ? ' excepted' : ''}`}>
            <span className="sev">{t(`severity.${f.severity}`)}</span> {f.title} <span className="devs">{f.devices.join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
