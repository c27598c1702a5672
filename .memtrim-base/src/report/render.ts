// pdfmake, locked down: fonts only from memory (Roboto, see fonts.ts) or the PDF
// standard Courier, no URL fetching at all, no local file access. A hostile value
// in the scan can therefore never make the renderer fetch or open anything: the
// only image is the logo, passed as a data URL.
import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { TABLE_LAYOUTS } from './doc.js';
import { FONT_DESCRIPTORS, STANDARD_FONT_NAMES, textFontFiles } from './fonts.js';

type PdfMake = typeof PdfMakeModule;
interface VirtualFs { writeFileSync(name: string, content: Buffer): void }

let engine: PdfMake | null = null;

/** pdfmake is loaded lazily: other commands do not pay for it. */
async function pdfmake(): Promise<PdfMake> {
  if (engine) return engine;
  const mod = (await import('pdfmake')) as PdfMake & { default?: PdfMake };
  const pm = (mod.default ?? mod) as PdfMake & { virtualfs: VirtualFs };
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path: string) => STANDARD_FONT_NAMES.has(path));
  pm.setTableLayouts(TABLE_LAYOUTS);
  for (const [name, bytes] of textFontFiles()) pm.virtualfs.writeFileSync(name, bytes);
  engine = pm;
  return pm;
}

/** Render a document to a file; `onProgress` gets 0..1 while pages are drawn and may throw to abort. */
export async function renderToFile(doc: TDocumentDefinitions, file: string, onProgress: (fraction: number) => void): Promise<void> {
  const pm = await pdfmake();
  // Fresh copies: pdfmake rewrites the font dictionary while resolving it. createPdf()
  // captures fonts and the progress callback, so concurrent renders stay apart (tested).
  pm.setFonts(structuredClone(FONT_DESCRIPTORS));
  pm.setProgressCallback(onProgress);
  try {
    await pm.createPdf(doc).write(file);
  } finally {
    pm.setProgressCallback(() => {});
  }
}
