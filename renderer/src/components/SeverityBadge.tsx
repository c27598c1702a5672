import type { TFunction } from 'i18next';
import type { Severity } from '../../../src/api/result.js';

export function SeverityBadge({ t, severity }: { t: TFunction; severity: Severity }) {
  return <span className={`sev sev-${severity}`}>{t(`severity.${severity}`)}</span>;
}
