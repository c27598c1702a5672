import type { Device, Finding } from '../../../src/api/result.js';
import { inert } from '../../../src/util/inert.js';
import { checksT, uiT, type Lang } from '../i18n.js';
import { vendorSteps } from '../model/findings.js';
import { SeverityBadge } from './SeverityBadge.js';
import { VendorSteps } from './VendorSteps.js';
import { ExceptionForm } from './ExceptionForm.js';

interface Props {
  lang: Lang;
  finding: Finding;
  devices: Device[];
  busy: boolean;
  onDevice: (ip: string) => void;
  onAccept: (reason: string) => void;
  onWithdraw: () => void;
}

/** A finding: why it matters, the evidence, the generic fix and the steps for the affected vendors. */
export function FindingDetail({ lang, finding: f, devices, busy, onDevice, onAccept, onWithdraw }: Props) {
  const t = uiT(lang);
  const { matched, others } = vendorSteps(f, devices);
  return (
    <article className={`detail finding-detail${f.exception ? ' excepted' : ''}`} data-finding={f.id}>
      <header>
        <SeverityBadge t={t} severity={f.severity} />
        <h2>{f.title}</h2>
        {f.exception && <span className="accepted-mark">{t('accepted')}</span>}
      </header>
      <p className="muted"><code>{f.id}</code> · {t('rootCause')}: {String(checksT(lang)(`rootCause.${f.rootCause}.title`, { defaultValue: f.rootCause }))}</p>
      {f.description && <p className="description">{f.description}</p>}

      <h3>{t('affected', { count: f.devices.length })}</h3>
      <ul className="chips">
        {f.devices.map((ip) => <li key={ip}><button type="button" className="link" data-device={ip} onClick={() => onDevice(ip)}>{inert(ip, 60)}</button></li>)}
      </ul>

      <h3>{t('evidence')}</h3>
      <table className="evidence">
        <thead><tr><th>{t('col.device')}</th><th>{t('col.probe')}</th><th>{t('col.item')}</th><th>{t('col.value')}</th></tr></thead>
        <tbody>{f.evidence.map((e, i) => <tr key={i}><td>{e.device ? inert(e.device, 60) : '—'}</td><td>{inert(e.probe, 80)}</td><td>{inert(e.item, 80)}</td><td className="wrap">{inert(e.value, 300)}</td></tr>)}</tbody>
      </table>

      <h3>{t('fix')}</h3>
      <p className="generic-fix">{f.remediation.generic}</p>
      <h3>{t('vendorFix')}</h3>
      <VendorSteps t={t} matched={matched} others={others} />

      {f.references.length > 0 && <>
        <h3>{t('references')}</h3>
        <ul className="refs">{f.references.map((r) => <li key={r}>{/^https?:\/\//.test(r) ? <a href={r} target="_blank" rel="noreferrer noopener">{r}</a> : r}</li>)}</ul>
      </>}

      <h3>{t('exceptionTitle')}</h3>
      <ExceptionForm key={f.id} t={t} finding={f} busy={busy} onAccept={onAccept} onWithdraw={onWithdraw} />
    </article>
  );
}
