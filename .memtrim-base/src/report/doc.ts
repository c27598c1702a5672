// The document definition: page setup, styles, header/footer with page numbers,
// and the sections in order. Pure: the scan and options in, a pdfmake doc out.
import type { Content, CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { SectionContext } from './sections/context.js';
import { TEXT_FONT } from './fonts.js';
import { fmtDate } from './sections/context.js';
import { cover, siteTitle } from './sections/cover.js';
import { summary } from './sections/summary.js';
import { groups } from './sections/groups.js';
import { inventory } from './sections/inventory.js';
import { devices } from './sections/devices.js';
import { firewall, reach } from './sections/network.js';
import { appendix } from './sections/appendix.js';

/** Thin grey rules, a shaded header row: readable when printed in black and white. */
export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  report: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0,
    hLineColor: () => '#ced4da',
    fillColor: (row: number) => (row === 0 ? '#e9ecef' : null),
    paddingTop: () => 2,
    paddingBottom: () => 2,
    paddingLeft: () => 3,
    paddingRight: () => 3,
  },
};

export function buildDocument(c: SectionContext, onPageCount: (pages: number) => void): TDocumentDefinitions {
  const { t, opts } = c;
  const site = siteTitle(c);
  const date = fmtDate(opts.now, opts.lang);
  const content: Content[] = [
    ...cover(c),
    ...summary(c),
    ...groups(c),
    ...inventory(c),
    ...devices(c),
    ...reach(c),
    ...firewall(c),
    ...appendix(c),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 45],
    language: opts.lang,
    info: { title: `${t('meta.title')}: ${site}`, subject: t('meta.subject'), creator: 'ghostcall', producer: 'ghostcall', author: opts.org ?? 'ghostcall' },
    header: (page: number) => (page === 1 ? null : {
      columns: [{ text: `${t('header.title')} · ${site}`, alignment: 'left' }, { text: date, alignment: 'right' }],
      margin: [40, 20, 40, 0], fontSize: 7.5, color: '#777',
    }),
    footer: (page: number, pages: number) => {
      onPageCount(pages);
      return { text: t('footer.page', { page, pages }), alignment: 'center', fontSize: 7.5, color: '#777', margin: [0, 15, 0, 0] };
    },
    content,
    defaultStyle: { font: TEXT_FONT, fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 16, bold: true, color: '#1c3d5a', margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, color: '#1c3d5a', margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
      th: { bold: true, fontSize: 8 },
      verdict: { fontSize: 15, bold: true },
      code: { fontSize: 6.5, lineHeight: 1.1 },
    },
  };
}
