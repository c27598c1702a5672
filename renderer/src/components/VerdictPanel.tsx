import type { ScanResult } from '../../../src/api/result.js';
import { uiT, type Lang } from '../i18n.js';
import { inert } from '../../../src/util/inert.js';
import { ReachSummary } from './ReachSummary.js';

/** The answer to the app's one question, in its colour, with the score and what was (not) tested. */
export function VerdictPanel({ lang, result }: { lang: Lang; result: ScanResult }) {
  const t = uiT(lang);
  const site = result.site;
  const findings = result.findings ?? [];
  const accepted = findings.filter((f) => f.exception).length;
  const answering = result.devices.filter((d) => d.sipAnswered).length;
  return (
    <section className={`verdict-panel verdict-${site?.verdict ?? 'none'}`} aria-labelledby="verdict-q">
      <h2 id="verdict-q">{t('verdict.question')}</h2>
      {site
        ? <>
          <p className="verdict-answer" data-verdict={site.verdict}>{t(`verdict.${site.verdict}`)}</p>
          <p className="verdict-text">{site.verdictText}</p>
        </>
        : <p className="verdict-answer">{t('verdict.noChecks')}</p>}
      <dl className="stats">
        <div><dt>{t('stats.score')}</dt><dd data-stat="score">{site?.score ?? '—'}</dd></div>
        <div><dt>{t('stats.worst')}</dt><dd className={site?.worstSeverity ? `sev-text-${site.worstSeverity}` : ''}>{site?.worstSeverity ? t(`severity.${site.worstSeverity}`) : '—'}</dd></div>
        <div><dt>{t('stats.devices')}</dt><dd>{result.devices.length}</dd></div>
        <div><dt>{t('stats.answering')}</dt><dd>{answering}</dd></div>
        <div><dt>{t('stats.findings')}</dt><dd>{findings.length}</dd></div>
        <div><dt>{t('stats.accepted')}</dt><dd data-stat="accepted">{accepted}</dd></div>
      </dl>
      {result.reach && <ReachSummary t={t} reach={result.reach} />}
      {result.stats.cancelled && <p className="notice">{t('cancelled')}</p>}
      {result.reach?.error && <p className="notice" data-reach-error>{t('reach.failed', { detail: inert(result.reach.error, 200) })}</p>}
      {(result.checksNotRun?.length ?? 0) > 0 && <p className="muted">{t('notChecked', { count: result.checksNotRun?.length ?? 0 })}</p>}
      {result.warnings.length > 0 && <ul className="warnings">{result.warnings.map((w, i) => <li key={i}>{inert(w, 300)}</li>)}</ul>}
    </section>
  );
}
