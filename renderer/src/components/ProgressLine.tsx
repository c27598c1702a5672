import type { TFunction } from 'i18next';
import type { Progress } from '../../../src/api/progress.js';

export function ProgressLine({ t, progress }: { t: TFunction; progress: Progress | null }) {
  if (!progress) return <p className="progress" role="status">{t('scanning')}</p>;
  const pct = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="progress" role="status">
      <progress max={100} value={pct} />
      <span>{t('progress', { phase: progress.phase, done: progress.done, total: progress.total, found: progress.found, seconds: (progress.elapsedMs / 1000).toFixed(1) })}</span>
    </div>
  );
}
