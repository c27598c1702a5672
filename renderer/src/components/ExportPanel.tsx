import { useState } from 'react';
import type { ScanResult } from '../../../src/api/result.js';
import type { Backend } from '../api.js';
import { uiT, type Lang } from '../i18n.js';
import { useExport } from '../hooks/useExport.js';
import { ProgressLine } from './ProgressLine.js';
import { LangSelect } from './LangSelect.js';
import { ErrorLine } from './ErrorLine.js';

/** Save the PDF report (org, site, language) or the scan's JSON; the main process asks where. */
export function ExportPanel({ lang, backend, result }: { lang: Lang; backend: Backend | null; result: ScanResult }) {
  const t = uiT(lang);
  const [org, setOrg] = useState('');
  const [siteName, setSiteName] = useState('');
  // The report follows the UI language until the admin picks another one here.
  const [picked, setReportLang] = useState<Lang | null>(null);
  const reportLang = picked ?? lang;
  const { state, savePdf, saveJson, cancel } = useExport(backend);
  return (
    <section className="export" aria-labelledby="export-h">
      <h2 id="export-h">{t('export.title')}</h2>
      <fieldset className="plain row" disabled={state.running}>
        <label className="field">{t('export.org')}<input name="org" value={org} maxLength={120} onChange={(e) => setOrg(e.target.value)} /></label>
        <label className="field">{t('export.site')}<input name="site" value={siteName} maxLength={120} onChange={(e) => setSiteName(e.target.value)} /></label>
        <label className="field">{t('export.lang')}
          <LangSelect name="reportLang" value={reportLang} onChange={setReportLang} />
        </label>
        <button type="button" name="savePdf" className="primary" onClick={() => void savePdf(result, { org, siteName, lang: reportLang })}>{t('export.pdf')}</button>
        <button type="button" name="saveJson" onClick={() => void saveJson(result, siteName)}>{t('export.json')}</button>
      </fieldset>
      <p className="muted">{t('export.help')}</p>
      {state.running && <ProgressLine lang={lang} progress={state.progress} onCancel={cancel} name="cancelReport" />}
      {state.saved && <p className="saved" role="status" data-saved={state.saved.kind}>
        {state.saved.kind === 'pdf' ? t('export.savedPdf', { name: state.saved.name, pages: state.saved.pages ?? 0 }) : t('export.savedJson', { name: state.saved.name })}
      </p>}
      {state.error && <ErrorLine error={state.error} lang={lang} />}
    </section>
  );
}
