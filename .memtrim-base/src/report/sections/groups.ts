// Findings grouped by root cause: one fix, the findings it closes.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { actionFor } from '../model.js';
import { inert } from '../text.js';
import { fmtDate, heading, severityBadge, type SectionContext } from './context.js';
import { actionLine, rootCauseAction, rootCauseLabel } from './summary.js';

export function groups(c: SectionContext): Content[] {
  const { t, model, opts } = c;
  if (!model.checked) return [heading(t('groups.heading')), { text: t('summary.notChecked') }];
  const out: Content[] = [heading(t('groups.heading')), { text: t('groups.intro'), margin: [0, 0, 0, 6] }];
  if (model.groups.length === 0) out.push({ text: t('summary.noFindings') });
  else {
    const body: TableCell[][] = [[{ text: t('groups.fix'), style: 'th' }, { text: t('groups.closes'), style: 'th' }]];
    for (const g of model.groups) {
      const a = actionFor(g);
      body.push([
        {
          stack: [
            { text: [rootCauseLabel(c, g.rootCause), '  '], bold: true },
            severityBadge(c, g.worstSeverity ?? 'info'),
            { text: rootCauseAction(c, g), margin: [0, 2, 0, 2] },
            { text: actionLine(c, a), fontSize: 7, color: '#444' },
          ],
        },
        {
          ul: g.findings.map((f) => ({
            text: [
              { text: `${t(`severity.${f.severity}`)} `, bold: true },
              `${inert(f.title, 140)} `,
              { text: `(${inert(f.id, 60)}; ${t('groups.devices', { count: f.devices.length })})`, color: '#555' },
            ],
          })),
          fontSize: 8,
        },
      ]);
    }
    out.push({ table: { headerRows: 1, widths: [200, '*'], body }, layout: 'report' });
  }
  if (model.excepted.length > 0) {
    out.push({ text: t('groups.excepted'), style: 'h3' });
    out.push({
      ul: model.excepted.map((f) => ({
        text: [
          { text: `${inert(f.id, 60)} ${inert(f.title, 120)}: `, bold: true },
          t('groups.exceptedLine', {
            reason: inert(f.exception?.reason, 200),
            by: inert(f.exception?.by ?? t('groups.unknown'), 60),
            at: fmtDate(f.exception?.at, opts.lang) || t('groups.unknown'),
          }),
        ],
      })),
      fontSize: 8,
    });
  }
  return out;
}
