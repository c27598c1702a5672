import type { TFunction } from 'i18next';
import type { Reach } from '../../../src/api/result.js';
import { inert } from '../../../src/util/inert.js';

/** What the echo server saw from outside: each SIP port, the ALG and NAT findings. */
export function ReachSummary({ t, reach }: { t: TFunction; reach: Reach }) {
  if (reach.probes.length === 0) return null;
  const yn = (v: boolean | null): string => (v === null ? '—' : v ? t('yes') : t('no'));
  return (
    <div className="reach" data-reach>
      <h3>{t('reach.title')}</h3>
      <p className="muted">{t('reach.summary', { ip: inert(reach.publicIp ?? '—', 60), alg: yn(reach.sipAlg), nat: reach.natFiltering ?? '—' })}</p>
      <table className="reach-probes">
        <tbody>
          {reach.probes.map((p) => (
            <tr key={`${p.transport}/${p.port}`}>
              <td>{p.transport}/{p.port}</td>
              <td className={p.reachable ? 'bad' : 'good'}>{p.reachable ? t('reach.reachable') : t('reach.closed')}</td>
              <td>{p.answeredBy ? inert(p.answeredBy, 160) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
