// The PDF report (issue 6): the scan result in, a PDF file out, in Dutch or
// English. Library choice and the layout are explained in docs/REPORT.md.
import { rename, rm, stat } from 'node:fs/promises';
import type { CallContext, MethodParsedInput } from '../api/contract.js';
import { EngineError } from '../api/errors.js';
import type { Progress } from '../api/progress.js';
import { translator } from '../i18n/index.js';
import { buildDocument } from './doc.js';
import { loadLogo } from './logo.js';
import { buildModel } from './model.js';
import { renderToFile } from './render.js';
import type { SectionContext } from './sections/context.js';

export type ReportInput = MethodParsedInput<'report'>;

/** Provider servers go into firewall rules verbatim: IPs, CIDRs, ranges or host names only. */
const SERVER_RE = /^[A-Za-z0-9][A-Za-z0-9.:/_-]{0,99}$/;
const MAX_SERVERS = 32;

export function checkProviderServers(servers: readonly string[]): string[] {
  const list = servers.map((s) => s.trim()).filter(Boolean);
  if (list.length > MAX_SERVERS) throw new EngineError('E_BAD_INPUT', `at most ${MAX_SERVERS} provider servers`, { detail: `at most ${MAX_SERVERS} provider servers`, max: MAX_SERVERS });
  const bad = list.find((s) => !SERVER_RE.test(s));
  if (bad !== undefined) throw new EngineError('E_BAD_INPUT', `not an address or host name: ${bad.slice(0, 100)}`, { detail: `provider server "${bad.slice(0, 100)}" is not an address or host name`, value: bad.slice(0, 100) });
  return list;
}

export async function renderReport(input: ReportInput, ctx: Required<CallContext>): Promise<{ outFile: string; pages: number; bytes: number }> {
  const started = performance.now();
  // done/total in percent of the work; found = the devices the report covers.
  const progress = (done: number): void => {
    const p: Progress = { phase: 'report', done, total: 100, found: input.scan.devices.length, elapsedMs: Math.round(performance.now() - started) };
    ctx.onProgress(p);
  };
  const abortIfCancelled = (): void => {
    if (ctx.signal.aborted) throw new EngineError('E_CANCELLED', 'cancelled');
  };
  abortIfCancelled();
  const providerServers = checkProviderServers(input.providerServers);
  const logo = input.logoFile ? await loadLogo(input.logoFile) : null;
  const c: SectionContext = {
    t: translator(input.lang, 'report'),
    scan: input.scan,
    model: buildModel(input.scan),
    opts: { lang: input.lang, org: input.org, siteName: input.siteName, providerServers, logo, now: new Date() },
  };
  let pages = 0;
  const doc = buildDocument(c, (n) => { pages = n; });
  if (logo) doc.images = { logo };
  progress(10);
  abortIfCancelled();

  // Write next to the target and rename: a failed or cancelled render leaves no half PDF behind.
  const tmp = `${input.outFile}.${process.pid}.tmp`;
  let last = 10;
  try {
    await renderToFile(doc, tmp, (fraction) => {
      if (ctx.signal.aborted) throw new EngineError('E_CANCELLED', 'cancelled');
      const done = 10 + Math.floor(fraction * 89);
      if (done >= last + 5) { last = done; progress(done); }
    });
    abortIfCancelled();
    await rename(tmp, input.outFile);
  } catch (err) {
    await rm(tmp, { force: true });
    if (err instanceof EngineError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code && /^E[A-Z]+$/.test(e.code)) throw new EngineError('E_FILE', `cannot write ${input.outFile}: ${e.message}`, { file: input.outFile, detail: e.code });
    throw new EngineError('E_INTERNAL', `report rendering failed: ${e.message}`, { detail: `report rendering failed: ${e.message}` });
  }
  const { size } = await stat(input.outFile);
  progress(100);
  return { outFile: input.outFile, pages, bytes: size };
}
