import type { TFunction } from 'i18next';
import type { ConfigRead, PhoneConfig } from '../../../src/api/result.js';
import { DataTable, Fields } from './Fields.js';

const yesNo = (t: TFunction, v: boolean | null | undefined): string | null => (v === null || v === undefined ? null : v ? t('yes') : t('no'));

/** The normalised PhoneConfig fields, each with where it came from. The engine holds no secrets. */
function ConfigFields({ t, c }: { t: TFunction; c: PhoneConfig }) {
  const src = (field: string): string => {
    const p = c.provenance[field];
    return p ? [p.parameter, p.defaulted ? t('cfg.defaulted') : null].filter(Boolean).join(' · ') : '';
  };
  const rows: Array<[string, string, string | null]> = [
    ['trustedServerOnly', t('cfg.trustedServerOnly'), yesNo(t, c.trustedServerOnly)],
    ['directIpCalls', t('cfg.directIpCalls'), yesNo(t, c.directIpCalls)],
    ['webProtocol', t('cfg.webProtocol'), c.webProtocol],
    ['srtp', t('cfg.srtp'), c.srtp],
    ['localSipPorts', t('cfg.localSipPorts'), c.localSipPorts?.join(', ') ?? null],
    ['provisioningUrl', t('cfg.provisioningUrl'), c.provisioningUrl],
    ['nat', t('cfg.stun'), c.nat?.stunServer ?? null],
    ['firmware', t('col.firmware'), c.firmware],
    ['model', t('col.model'), c.model],
  ];
  return (
    <>
      <DataTable className="config" head={[t('cfg.setting'), t('cfg.value'), t('cfg.source')]} rows={rows.map(([f, label, v]) => [label, v, src(f)])} />
      {c.accounts.length > 0 && (
        <DataTable head={[t('cfg.registrar'), t('cfg.user'), t('cfg.transport')]} rows={c.accounts.map((a) => [a.registrar, a.user, a.transport])} />
      )}
    </>
  );
}

export function DeviceConfig({ t, read }: { t: TFunction; read: ConfigRead | null | undefined }) {
  if (!read) return <p className="muted">{t('cfg.notRead')}</p>;
  return (
    <>
      <Fields rows={[
        [t('cfg.access'), <span className={`access access-${read.access}`} data-access={read.access}>{t(`access.${read.access}`)}</span>],
        [t('cfg.webUi'), read.webUi?.url],
        [t('cfg.error'), read.error],
      ]} />
      {read.exposures.length > 0 && <>
        <h4>{t('cfg.exposures')}</h4>
        <DataTable head={[t('cfg.path'), t('cfg.what')]} rows={read.exposures.map((e) => [e.path, e.what])} />
      </>}
      {read.config ? <ConfigFields t={t} c={read.config} /> : <p className="muted">{t('cfg.none')}</p>}
    </>
  );
}
