// Page 1: site, date, who audited (name and logo set by the user), tool version.
import type { Content } from 'pdfmake/interfaces.js';
import { inert } from '../text.js';
import { fmtDate, type SectionContext } from './context.js';

export function siteTitle(c: SectionContext): string {
  return c.opts.siteName ? inert(c.opts.siteName, 80) : c.t('cover.unnamedSite');
}

export function cover(c: SectionContext): Content[] {
  const { t, opts, scan } = c;
  const row = (label: string, value: string): Content[] => [{ text: label, color: '#555' }, { text: value, bold: true }];
  return [
    opts.logo ? { image: 'logo', fit: [160, 80], margin: [0, 0, 0, 30] } : { text: '', margin: [0, 0, 0, 110] },
    { text: t('cover.title'), fontSize: 28, bold: true, color: '#1c3d5a' },
    { text: t('cover.subtitle'), fontSize: 16, color: '#555', margin: [0, 6, 0, 40] },
    {
      table: {
        widths: [110, '*'],
        body: [
          row(t('cover.site'), siteTitle(c)),
          row(t('cover.date'), fmtDate(opts.now, opts.lang)),
          row(t('cover.auditor'), opts.org ? inert(opts.org, 100) : t('cover.noAuditor')),
          row(t('cover.scanPeriod'), `${fmtDate(scan.startedAt, opts.lang, true)}`),
          row(t('cover.tool'), `ghostcall ${inert(scan.tool.version, 40)}`),
        ],
      },
      layout: 'noBorders',
      fontSize: 12,
    },
    { text: t('cover.confidential'), fontSize: 9, color: '#777', margin: [0, 60, 0, 0] },
  ];
}
