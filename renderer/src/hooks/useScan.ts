// Scan state for the UI: start, progress, cancel, result or error (a code, translated when shown).
import { useCallback, useRef, useState } from 'react';
import type { Api } from '../../../src/api/contract.js';
import type { ScanParamsInput, ScanResult } from '../../../src/api/result.js';
import type { Progress } from '../../../src/api/progress.js';
import { toUiError, type UiError } from '../model/errors.js';

export interface ScanState {
  running: boolean;
  progress: Progress | null;
  result: ScanResult | null;
  error: UiError | null;
}

export function useScan(api: Api | null) {
  const [state, setState] = useState<ScanState>({ running: false, progress: null, result: null, error: null });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (params: ScanParamsInput) => {
    if (!api || abort.current) return;
    const ac = new AbortController();
    abort.current = ac;
    setState({ running: true, progress: null, result: null, error: null });
    try {
      const result = await api.scan(params, { signal: ac.signal, onProgress: (progress) => setState((s) => ({ ...s, progress })) });
      setState((s) => ({ ...s, running: false, result }));
    } catch (err) {
      setState((s) => ({ ...s, running: false, error: toUiError(err) }));
    } finally {
      abort.current = null;
    }
  }, [api]);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel };
}
