// Page 2: the management summary, on ONE page — the verdict in numbers, the
// site risk (worst finding + summed score + chart), the three actions that
// matter, what ignoring them costs, and the point-in-time facts.
import type { Content } from 'pdfmake/interfaces.js';
import type { RootCauseGroup } from '../group.js';
import type { Action } from '../model.js';
import { FRAUD_FIGURE, ROOT_CAUSES, SEVERITIES, SEVERITY_COLOR } from '../knowledge.js';
import { severityBars } from '../chart.js';
import { inert } from '../text.js';
import { fmtDate, heading, type SectionContext } from './context.js';

export function rootCauseLabel(c: SectionContext, key: string): string {
  return Object.hasOwn(ROOT_CAUSES, key) ? c.t(`rootCause.${key}.label`) : inert(key, 60);
}

/** The plain-language fix for a group: from the report's own texts, else the checks' generic remediation. */
export function rootCauseAction(c: SectionContext, g: RootCauseGroup): string {
  if (Object.hasOwn(ROOT_CAUSES, g.rootCause)) return c.t(`rootCause.${g.rootCause}.action`);
  return c.t('rootCause.other', { text: inert(g.findings[0]?.remediation.generic ?? g.rootCause, 200) });
}

/** Who, effort, and what the fix closes (site-wide fixes name no devices). */
export function actionLine(c: SectionContext, a: Action): string {
  const values = { who: c.t(`who.${a.who}`), effort: c.t(`effort.${a.effort}`), findings: a.group.findings.length, devices: a.group.devices.length };
  return c.t(a.group.devices.length > 0 ? 'summary.actionLine' : 'summary.actionLineSite', values);
}

function verdictLine(c: SectionContext): Content[] {
  const { t, model } = c;
  const total = model.phones.length;
  switch (model.verdict) {
    case 'exposed':
      return [{ text: model.exposedCount > 0 ? t('verdict.exposed', { count: model.exposedCount, total }) : t('verdict.exposedUnknown'), style: 'verdict', color: SEVERITY_COLOR.critical }];
    case 'not-exposed':
      return [{ text: t('verdict.notExposed', { total }), style: 'verdict', color: '#2b8a3e' }];
    default:
      return [
        { text: t('verdict.notTested'), style: 'verdict', color: '#555' },
        { text: t('verdict.howToTest'), fontSize: 9, margin: [0, 2, 0, 0] },
      ];
  }
}

function riskBlock(c: SectionContext): Content {
  const { t, model } = c;
  if (!model.checked) return { text: t('summary.notChecked'), fontSize: 9 };
  if (!model.worst || !model.worstSeverity) return { text: t('summary.noFindings'), bold: true, color: '#2b8a3e' };
  return {
    stack: [
      { text: t('summary.worst'), fontSize: 8, color: '#555' },
      { text: t(`severity.${model.worstSeverity}`).toUpperCase(), fontSize: 18, bold: true, color: SEVERITY_COLOR[model.worstSeverity] },
      { text: inert(model.worst.title, 120), fontSize: 9, margin: [0, 0, 0, 6] },
      { text: t('summary.scoreSum'), fontSize: 8, color: '#555' },
      { text: String(Math.round(model.score * 10) / 10), fontSize: 18, bold: true },
      { text: t('summary.scoreDetail', { count: model.open.length }), fontSize: 8 },
    ],
  };
}

function actions(c: SectionContext): Content[] {
  const { t, model } = c;
  if (!model.checked) return [];
  if (model.actions.length === 0) return [{ text: t('summary.noActions') }];
  return [{
    ol: model.actions.map((a) => ({
      stack: [
        { text: rootCauseAction(c, a.group), bold: true },
        { text: actionLine(c, a), fontSize: 8, color: '#444' },
      ],
      margin: [0, 0, 0, 4],
    })),
  }];
}

function chart(c: SectionContext): Content {
  const bars = severityBars(c.model.counts, { width: 160, height: 10 });
  return {
    table: {
      widths: [60, 160, 30],
      body: SEVERITIES.map((s) => [
        { text: c.t(`severity.${s}`), fontSize: 8 },
        { svg: bars[s], width: 160, margin: [0, 1, 0, 0] },
        { text: String(c.model.counts[s]), fontSize: 8, bold: true },
      ]),
    },
    layout: 'noBorders',
  };
}

export function summary(c: SectionContext): Content[] {
  const { t, model, scan, opts } = c;
  const rang = scan.devices.filter((d) => d.ghostCall?.rang === true).length;
  const ghostTested = scan.params.ghostCallTest || scan.devices.some((d) => d.ghostCall?.tested);
  const reach = scan.reach ?? null;
  const scanDate = fmtDate(scan.startedAt, opts.lang, true);
  return [
    heading(t('summary.heading')),
    { text: t('summary.question'), bold: true, fontSize: 11, margin: [0, 0, 0, 2] },
    ...verdictLine(c),
    { text: t('summary.numbers', { phones: model.phones.length, devices: model.devices.length, answering: model.answering.length }), fontSize: 9, margin: [0, 4, 0, 0] },
    { text: ghostTested ? t('summary.rang', { count: rang }) : t('summary.rangNotRun'), fontSize: 9 },
    {
      columns: [
        { width: 200, stack: [{ text: t('summary.risk'), style: 'h3' }, riskBlock(c)] },
        model.checked
          ? { width: '*', stack: [{ text: t('summary.bySeverity'), style: 'h3' }, chart(c)] }
          : { width: '*', text: '' },
      ],
      columnGap: 20,
      margin: [0, 8, 0, 4],
    },
    ...(model.checked ? [{ text: t('summary.actionsHeading'), style: 'h3' } as Content, ...actions(c)] : []),
    { text: t('summary.costHeading'), style: 'h3' },
    { text: t('summary.cost'), fontSize: 9 },
    { text: t('summary.costFigure', { amount: FRAUD_FIGURE.amountUsdBillion, year: FRAUD_FIGURE.year, share: FRAUD_FIGURE.shareOfRevenue }), fontSize: 9, margin: [0, 2, 0, 0] },
    { text: t('summary.costSource', { source: FRAUD_FIGURE.source, url: FRAUD_FIGURE.url }), fontSize: 7, color: '#555' },
    { text: t('summary.costCaveat'), fontSize: 7, color: '#555', italics: true },
    {
      margin: [0, 8, 0, 0],
      table: {
        widths: ['*'],
        body: [[{
          stack: [
            { text: reach?.publicIp ? t('summary.publicIp', { ip: inert(reach.publicIp, 60), date: fmtDate(reach.testedAt, opts.lang, true) }) : t('summary.publicIpNone'), fontSize: 9 },
            { text: t('summary.scanDate', { date: scanDate }), fontSize: 9 },
            { text: t('summary.pointInTime', { date: scanDate }), fontSize: 8, italics: true, color: '#444' },
          ],
          fillColor: '#f1f3f5',
        }]],
      },
      layout: 'noBorders',
    },
  ];
}
