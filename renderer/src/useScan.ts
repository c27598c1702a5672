// Scan state for the UI: start, progress, cancel, result or translated error.
import { useCallback, useRef, useState } from 'react';
import type { Api } from '../../src/api/contract.js';
import type { ScanParamsInput, ScanResult } from '../../src/api/result.js';
import type { Progress } from '../../src/api/progress.js';
import type { EngineError } from '../../src/api/errors.js';

export interface ScanState {
  running: boolean;
  progress: Progress | null;
  result: ScanResult | null;
  error: { code: string; params: Record<string, unknown>; message: string } | null;
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
      const e = err as Partial<EngineError>;
      setState((s) => ({ ...s, running: false, error: { code: e.code ?? 'E_INTERNAL', params: e.params ?? {}, message: e.message ?? String(err) } }));
    } finally {
      abort.current = null;
    }
  }, [api]);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel };
}
