// The scan as shown: the rules re-evaluated (contract method `checks`) whenever the
// accepted exceptions or the UI language change, so titles, the verdict text and the
// score always match what the admin sees. The scan itself is never changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AcceptedException, Api } from '../../../src/api/contract.js';
import type { ScanResult } from '../../../src/api/result.js';
import type { Lang } from '../i18n.js';
import { toUiError, type UiError } from '../model/errors.js';

const NONE: AcceptedException[] = [];

export function useResults(api: Api | null, scan: ScanResult | null, lang: Lang) {
  // Exceptions belong to one scan: a new scan starts without any (no reset race).
  const [accepted, setAccepted] = useState<{ scan: ScanResult | null; list: AcceptedException[] }>({ scan: null, list: NONE });
  const exceptions = accepted.scan === scan ? accepted.list : NONE;
  const [evaluated, setEvaluated] = useState<{ scan: ScanResult | null; result: ScanResult | null }>({ scan: null, result: null });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current; // any later run makes this one's answer stale
    setError(null);
    if (!api || !scan || scan.params.checks === false || (exceptions.length === 0 && scan.params.lang === lang)) {
      setEvaluated({ scan, result: scan });
      setBusy(false);
      return;
    }
    setBusy(true);
    api.checks({ scan, lang, exceptions })
      .then((result) => { if (mine === seq.current) setEvaluated({ scan, result }); })
      .catch((err: unknown) => { if (mine === seq.current) setError(toUiError(err)); })
      .finally(() => { if (mine === seq.current) setBusy(false); });
  }, [api, scan, lang, exceptions]);

  const accept = useCallback((findingId: string, reason: string) => {
    setAccepted((cur) => {
      const list = cur.scan === scan ? cur.list : NONE;
      return { scan, list: [...list.filter((e) => e.findingId !== findingId), { findingId, device: null, reason, by: null, at: new Date().toISOString() }] };
    });
  }, [scan]);
  const withdraw = useCallback((findingId: string) => {
    setAccepted((cur) => ({ scan, list: (cur.scan === scan ? cur.list : NONE).filter((e) => e.findingId !== findingId) }));
  }, [scan]);

  // Until the first evaluation of a new scan arrives, show the scan as the engine returned it.
  const result = evaluated.scan === scan ? evaluated.result : scan;
  return { result, exceptions, busy, error, accept, withdraw };
}
