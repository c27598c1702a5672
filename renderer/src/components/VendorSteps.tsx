import type { TFunction } from 'i18next';
import type { Finding } from '../../../src/api/result.js';
import type { MatchedFix } from '../model/findings.js';
import { inert } from '../../../src/util/inert.js';

type VendorFix = Finding['remediation']['vendors'][number];

/** One vendor's fix: the steps, and the config parameters as a copyable table. */
export function VendorFixCard({ t, fix, devices }: { t: TFunction; fix: VendorFix; devices?: string[] }) {
  return (
    <div className="vendor-fix" data-vendor={fix.vendor}>
      <h4>{fix.vendor}{devices && <span className="muted fix-devices"> · {devices.map((ip) => inert(ip, 45)).join(', ')}</span>}</h4>
      <ol>{fix.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
      {fix.parameters.length > 0 && (
        <table className="params">
          <thead><tr><th>{t('param.name')}</th><th>{t('param.value')}</th></tr></thead>
          <tbody>{fix.parameters.map((p) => <tr key={p.name}><td><code>{p.name}</code></td><td><code>{p.value}</code></td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}

/** Steps for the affected devices' vendors; the other vendors folded away. */
export function VendorSteps({ t, matched, others }: { t: TFunction; matched: MatchedFix[]; others: VendorFix[] }) {
  return (
    <>
      {matched.length > 0
        ? <div className="vendor-steps">{matched.map((v) => <VendorFixCard key={v.vendor} t={t} fix={v} devices={v.devices} />)}</div>
        : <p className="muted">{t('noVendorMatch')}</p>}
      {others.length > 0 && (
        <details className="other-vendors">
          <summary>{t('otherVendors', { count: others.length })}</summary>
          {others.map((v) => <VendorFixCard key={v.vendor} t={t} fix={v} />)}
        </details>
      )}
    </>
  );
}
