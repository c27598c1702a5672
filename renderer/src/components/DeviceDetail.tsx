import type { Device, Finding } from '../../../src/api/result.js';
import { inert } from '../../../src/util/inert.js';
import { uiT, type Lang } from '../i18n.js';
import { findingKey, findingsOf } from '../model/findings.js';
import { DataTable, Fields } from './Fields.js';
import { DeviceConfig } from './DeviceConfig.js';
import { SeverityBadge } from './SeverityBadge.js';

/** Everything the scan learned about one device; every device string inert. */
export function DeviceDetail({ lang, device: d, findings, score, onFinding }: { lang: Lang; device: Device; findings: Finding[]; score?: number; onFinding: (key: string) => void }) {
  const t = uiT(lang);
  const fp = d.fingerprint;
  const mine = findingsOf(findings, d.ip);
  const yn = (v: boolean | null | undefined): string => (v === null || v === undefined ? '—' : v ? t('yes') : t('no'));
  return (
    <article className="detail device-detail" data-device={d.ip}>
      <header>
        <h2>{inert(d.ip, 60)}</h2>
        <span className={d.sipAnswered ? 'bad' : 'good'}>{d.sipAnswered ? t('answersStrangers') : t('ignoresStrangers')}</span>
      </header>
      <Fields rows={[
        [t('col.mac'), d.mac ? `${d.mac}${d.macRandomized ? ` (${t('randomMac')})` : ''}` : null],
        [t('macVendor'), d.macVendor],
        [t('foundBy'), d.sources.join(', ')],
        [t('col.score'), score === undefined ? null : String(score)],
      ]} />

      <h3>{t('fingerprint')}</h3>
      {fp ? <>
        <Fields rows={[
          [t('col.vendor'), fp.vendor], [t('col.model'), fp.model], [t('col.firmware'), fp.firmware],
          [t('type'), fp.type ? t(`deviceType.${fp.type}`) : null],
          [t('confidence'), `${Math.round(fp.confidence * 100)} %`],
        ]} />
        {fp.evidence.length > 0 && <DataTable head={[t('col.source'), t('col.value'), t('matched')]} rows={fp.evidence.map((e) => [e.source, e.value, e.matched])} />}
      </> : <p className="muted">{t('noFingerprint')}</p>}

      <h3>{t('sipAnswers')}</h3>
      {d.sip.length > 0
        ? <DataTable className="sip" head={[t('col.transport'), t('col.port'), t('col.status'), 'User-Agent', 'Server', 'Allow', 'RTT']}
          rows={d.sip.map((s) => [s.transport, s.port, `${s.status} ${s.reason}`, s.userAgent, s.server, s.allow.join(', '), s.rttMs === null ? null : `${s.rttMs} ms`])} />
        : <p className="muted">{t('noSip')}</p>}

      <h3>{t('webUi')}</h3>
      {d.http.length > 0
        ? <DataTable head={[t('col.port'), 'TLS', t('col.status'), 'Server', t('col.title'), t('col.auth'), t('selfSigned'), t('cfg.error')]}
          rows={d.http.map((h) => [h.port, yn(h.tls), h.status, h.server, h.title, [h.authScheme, h.realm].filter(Boolean).join(' '), yn(h.selfSignedCert), h.error])} />
        : <p className="muted">{t('noWeb')}</p>}

      {d.mdns.length > 0 && <>
        <h3>mDNS</h3>
        <DataTable head={[t('col.name'), t('type'), t('col.port'), 'Host']} rows={d.mdns.map((m) => [m.name, `${m.type}/${m.protocol}`, m.port, m.host])} />
      </>}

      <h3>{t('config')}</h3>
      <DeviceConfig t={t} read={d.config} />

      {d.ghostCall?.tested && <>
        <h3>{t('ghostCall.result')}</h3>
        <p className={d.ghostCall.rang ? 'bad' : 'good'} data-ghost-call={String(d.ghostCall.rang)}>
          {d.ghostCall.rang ? t('ghostCall.rang') : d.ghostCall.rang === false ? t('ghostCall.notRang') : t('ghostCall.unknown')}
          {d.ghostCall.status !== null && ` (${d.ghostCall.status})`} {d.ghostCall.detail ? inert(d.ghostCall.detail, 200) : ''}
        </p>
      </>}

      <h3>{t('findings', { count: mine.length })}</h3>
      {mine.length > 0
        ? <ul className="device-findings">{mine.map((f) => (
          <li key={findingKey(f)} className={f.exception ? 'excepted' : ''}>
            <button type="button" className="finding-row" onClick={() => onFinding(findingKey(f))}>
              <SeverityBadge t={t} severity={f.severity} /><span className="title">{f.title}</span>{f.exception && <span className="accepted-mark">{t('accepted')}</span>}
            </button>
          </li>))}</ul>
        : <p className="muted">{t('noFindings')}</p>}
    </article>
  );
}
