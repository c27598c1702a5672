// Export: the main process asks where to save (save dialog); a PDF is then rendered
// by the engine's `report` method into that file (progress, cancel), JSON is written
// by the main process. A cancelled dialog is not an error.
import { useCallback, useRef, useState } from 'react';
import type { Backend } from '../api.js';
import type { ScanResult } from '../../../src/api/result.js';
import type { Progress } from '../../../src/api/progress.js';
import type { Lang } from '../i18n.js';
import { toUiError, type UiError } from '../model/errors.js';

export interface ReportOptions { org: string; siteName: string; lang: Lang }
export interface ExportState {
  running: boolean;
  progress: Progress | null;
  saved: { kind: 'pdf' | 'json'; name: string; pages?: number } | null;
  error: UiError | null;
}

const slug = (s: string): string => s.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40);
export const suggestedName = (siteName: string, scan: ScanResult): string => ['ghostcall', slug(siteName) || null, scan.startedAt.slice(0, 10)].filter(Boolean).join('-');

export function useExport(backend: Backend | null) {
  const [state, setState] = useState<ExportState>({ running: false, progress: null, saved: null, error: null });
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async (work: (signal: AbortSignal) => Promise<ExportState['saved']>) => {
    if (!backend || abort.current) return;
    const ac = new AbortController();
    abort.current = ac;
    setState({ running: true, progress: null, saved: null, error: null });
    try {
      const saved = await work(ac.signal);
      setState({ running: false, progress: null, saved, error: null });
    } catch (err) {
      setState({ running: false, progress: null, saved: null, error: toUiError(err) });
    } finally {
      abort.current = null;
    }
  }, [backend]);

  const savePdf = useCallback((scan: ScanResult, o: ReportOptions) => run(async (signal) => {
    const target = await backend!.save({ kind: 'pdf', suggestedName: suggestedName(o.siteName, scan) });
    if (!target?.token) return null;
    const out = await backend!.api.report(
      { scan, outFile: target.token, lang: o.lang, org: o.org.trim() || null, siteName: o.siteName.trim() || null },
      { signal, onProgress: (progress) => setState((s) => ({ ...s, progress })) },
    );
    return { kind: 'pdf', name: target.name, pages: out.pages };
  }), [backend, run]);

  const saveJson = useCallback((scan: ScanResult, siteName: string) => run(async () => {
    const target = await backend!.save({ kind: 'json', suggestedName: suggestedName(siteName, scan), scan });
    return target ? { kind: 'json', name: target.name } : null;
  }), [backend, run]);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, savePdf, saveJson, cancel };
}
