// Reading a rendered report back with poppler (pdftotext, pdftoppm, pdfinfo, pdfimages):
// the tests check what a reader sees, not the document definition.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract, type MethodInput } from '../../src/api/contract.js';
import { renderReport } from '../../src/report/pdf.js';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/report/', import.meta.url));

/** Text per page (pdftotext separates pages with form feeds). */
export function pagesText(file: string, layout = false): string[] {
  const out = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = out.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

export function imageCount(file: string): number {
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return list.split('\n').slice(2).filter((l) => l.trim() !== '').length;
}

/** PNGs of the first pages into artifacts/report/ (gitignored), to look at. */
export function renderPngs(file: string, name: string, lastPage = 3): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '50', '-l', String(lastPage), '-png', file, join(ARTIFACTS, name)]);
}

/** The engine's path: the contract parses and defaults the input, then the report stage renders. */
export function report(input: MethodInput<'report'>, signal: AbortSignal = new AbortController().signal): ReturnType<typeof renderReport> {
  return renderReport(contract.report.input.parse(input), { signal, onProgress: () => {} });
}
