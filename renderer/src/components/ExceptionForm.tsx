import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { Finding } from '../../../src/api/result.js';

/** Accept a finding as a known risk (a reason is required), or withdraw the acceptance. */
export function ExceptionForm({ t, finding, busy, onAccept, onWithdraw }: {
  t: TFunction; finding: Finding; busy: boolean; onAccept: (reason: string) => void; onWithdraw: () => void;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  if (finding.exception) {
    return (
      <div className="exception accepted-box" data-accepted>
        <p><strong>{t('acceptedTitle')}</strong> {finding.exception.reason}</p>
        <p className="muted">{t('acceptedNote')}</p>
        <button type="button" name="withdraw" disabled={busy} onClick={onWithdraw}>{t('withdraw')}</button>
      </div>
    );
  }
  const empty = reason.trim() === '';
  return (
    <form className="exception" onSubmit={(e) => { e.preventDefault(); setTouched(true); if (!empty) onAccept(reason.trim()); }}>
      <label className="field">{t('acceptReason')}
        <textarea name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={touched && empty} aria-describedby="reason-help" />
      </label>
      <p id="reason-help" className={touched && empty ? 'error-text' : 'muted'}>{touched && empty ? t('reasonRequired') : t('acceptHelp')}</p>
      <button type="submit" name="accept" disabled={busy}>{t('accept')}</button>
    </form>
  );
}
