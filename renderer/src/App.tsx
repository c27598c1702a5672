import { useMemo, useState } from 'react';
import { getApi } from './api.js';
import { initialLang, uiT, errorT, type Lang } from './i18n.js';
import { useScan } from './useScan.js';
import { ScanForm } from './components/ScanForm.js';
import { ProgressLine } from './components/ProgressLine.js';
import { DeviceTable } from './components/DeviceTable.js';
import { Findings } from './components/Findings.js';

export function App() {
  const api = useMemo(() => getApi(), []);
  const [lang, setLang] = useState<Lang>(initialLang());
  const t = uiT(lang);
  const { state, start, cancel } = useScan(api);
  return (
    <main>
      <header>
        <h1>{t('appTitle')}</h1>
        <p className="tagline">{t('tagline')}</p>
        <label className="lang">{t('language')}
          <select name="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="nl">Nederlands</option>
          </select>
        </label>
      </header>
      {!api && <p className="error" role="alert">window.ghostcall missing: run inside the Ghostcall app.</p>}
      <ScanForm t={t} running={state.running} onStart={(p) => void start({ ...p, lang })} onCancel={cancel} />
      {state.running && <ProgressLine t={t} progress={state.progress} />}
      {state.error && (
        <p className="error" role="alert" data-code={state.error.code}>
          {t('error')}: {errorT(lang)(state.error.code, { ...state.error.params, defaultValue: state.error.message })}
        </p>
      )}
      {state.result?.stats.cancelled && <p className="notice">{t('cancelled')}</p>}
      {state.result?.site && <p className={`verdict verdict-${state.result.site.verdict}`}>{state.result.site.verdictText}</p>}
      {state.result && <Findings t={t} findings={state.result.findings ?? []} />}
      {state.result && <DeviceTable t={t} devices={state.result.devices} />}
    </main>
  );
}
