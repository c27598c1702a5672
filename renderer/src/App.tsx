// Screens: the scan form (always on top), then the results (verdict, findings by
// root cause, devices, export) or one detail (a finding, a device) with a way back.
import { useEffect, useMemo, useState } from 'react';
import { getBackend } from './api.js';
import { initialLang, uiT, type Lang } from './i18n.js';
import { useScan } from './hooks/useScan.js';
import { useResults } from './hooks/useResults.js';
import { findingKey } from './model/findings.js';
import { ScanForm } from './components/ScanForm.js';
import { ProgressLine } from './components/ProgressLine.js';
import { ErrorLine } from './components/ErrorLine.js';
import { VerdictPanel } from './components/VerdictPanel.js';
import { FindingGroups } from './components/FindingGroups.js';
import { FindingDetail } from './components/FindingDetail.js';
import { DeviceTable } from './components/DeviceTable.js';
import { DeviceDetail } from './components/DeviceDetail.js';
import { LangSelect } from './components/LangSelect.js';
import { ExportPanel } from './components/ExportPanel.js';

type View = { kind: 'results' } | { kind: 'finding'; key: string } | { kind: 'device'; ip: string };

export function App() {
  const backend = useMemo(() => getBackend(), []);
  const api = backend?.api ?? null;
  const [lang, setLang] = useState<Lang>(initialLang());
  const t = uiT(lang);
  const { state, start, cancel } = useScan(api);
  const shown = useResults(api, state.result, lang);
  const [view, setView] = useState<View>({ kind: 'results' });
  const result = shown.result;
  const findings = result?.findings ?? [];

  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  useEffect(() => { setView({ kind: 'results' }); }, [state.result]);
  useEffect(() => { window.scrollTo?.(0, 0); }, [view]);

  const finding = view.kind === 'finding' ? findings.find((f) => findingKey(f) === view.key) : undefined;
  const device = view.kind === 'device' ? result?.devices.find((d) => d.ip === view.ip) : undefined;
  const back = <button type="button" name="back" className="back" onClick={() => setView({ kind: 'results' })}>← {t('back')}</button>;

  return (
    <main>
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <p className="tagline">{t('tagline')}</p>
        <label className="lang">{t('language')}
          <LangSelect name="lang" value={lang} onChange={setLang} />
        </label>
      </header>
      {!backend && <p className="error" role="alert">{t('noBridge')}</p>}
      {/* hidden, not unmounted, on a detail page: the form keeps what the admin typed */}
      <div hidden={view.kind !== 'results'}><ScanForm t={t} running={state.running} onStart={(p) => void start({ ...p, lang })} /></div>
      {state.running && <ProgressLine lang={lang} progress={state.progress} onCancel={cancel} name="cancel" />}
      {state.error && <ErrorLine error={state.error} lang={lang} />}
      {shown.error && <ErrorLine error={shown.error} lang={lang} />}
      {result && <div className="results" hidden={view.kind !== 'results'}>
        <VerdictPanel lang={lang} result={result} />
        <FindingGroups lang={lang} findings={findings} onOpen={(key) => setView({ kind: 'finding', key })} />
        <DeviceTable t={t} devices={result.devices} site={result.site} onOpen={(ip) => setView({ kind: 'device', ip })} />
        <ExportPanel lang={lang} backend={backend} result={result} />
      </div>}
      {result && finding && <>{back}<FindingDetail lang={lang} finding={finding} devices={result.devices} busy={shown.busy}
        onDevice={(ip) => setView({ kind: 'device', ip })} onAccept={(r) => shown.accept(finding.id, r)} onWithdraw={() => shown.withdraw(finding.id)} /></>}
      {result && device && <>{back}<DeviceDetail lang={lang} device={device} findings={findings} score={result.site?.deviceScores[device.ip]}
        onFinding={(key) => setView({ kind: 'finding', key })} /></>}
      {result && view.kind !== 'results' && !finding && !device && back}
    </main>
  );
}
