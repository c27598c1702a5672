import type { Progress } from '../../../src/api/progress.js';
import { commonT, uiT, type Lang } from '../i18n.js';

/** Progress of a long operation, with its cancel button. */
export function ProgressLine({ lang, progress, onCancel, name }: { lang: Lang; progress: Progress | null; onCancel: () => void; name: string }) {
  const t = uiT(lang);
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <div className="progress" role="status">
      <progress max={100} value={pct} />
      <span>{progress
        ? t('progress', { phase: commonT(lang)(`phase.${progress.phase}`), done: progress.done, total: progress.total, found: progress.found, seconds: (progress.elapsedMs / 1000).toFixed(1) })
        : t('working')}</span>
      <button type="button" name={name} onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
