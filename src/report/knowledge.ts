// What the report knows beyond the scan result, as data: who fixes each root
// cause and how much work it is, severity order and weights, device types that
// count as phones. Texts for these keys live in locales/{en,nl}/report.json.
import type { Severity } from '../api/result.js';
import type { RootCause } from '../checks/types.js';
import { SEVERITY_ORDER } from '../checks/score.js';

export type Who = 'it' | 'provider' | 'phoneAdmin';
export type Effort = 'minutes' | 'hours' | 'days';

export interface RootCauseInfo {
  who: Who;
  effort: Effort;
  /** Effort grows with the number of devices (a per-phone setting, not one central change). */
  perDevice: boolean;
}

/** Root causes the checks use (finding.rootCause); texts under `rootCause.<key>` in report.json. */
export const ROOT_CAUSES: Record<RootCause, RootCauseInfo> = {
  firewall: { who: 'it', effort: 'minutes', perDevice: false },
  network: { who: 'it', effort: 'minutes', perDevice: false },
  'phone-setting': { who: 'phoneAdmin', effort: 'hours', perDevice: true },
  'provisioning-template': { who: 'provider', effort: 'hours', perDevice: false },
  firmware: { who: 'phoneAdmin', effort: 'hours', perDevice: true },
  inventory: { who: 'it', effort: 'hours', perDevice: false },
};
export const DEFAULT_ROOT_CAUSE: RootCauseInfo = { who: 'it', effort: 'hours', perDevice: false };
/** From this many devices a per-device fix is a day's work rather than an hour's. */
export const MANY_DEVICES = 20;

/** Severity order and weights are the checks' (one definition: src/checks/score.ts). */
export const SEVERITIES: readonly Severity[] = SEVERITY_ORDER;
export const SEVERITY_RANK = Object.fromEntries(SEVERITY_ORDER.map((s, i) => [s, i])) as Readonly<Record<Severity, number>>;
export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#8b0000', high: '#d9480f', medium: '#e6a700', low: '#3b7dd8', info: '#868e96',
};

/** Typical RTP port range when the phones' own range is unknown (Yealink/Grandstream/Snom defaults lie inside it). */
export const DEFAULT_RTP_RANGE = '10000-20000';

/** The CFCA survey figure shown as "what ignoring it costs" (cited with source and caveat). */
export const FRAUD_FIGURE = {
  amountUsdBillion: 38.95,
  shareOfRevenue: 2.5,
  year: 2023,
  source: 'CFCA Global Telecommunications Fraud Loss Survey 2023',
  url: 'https://cfca.org/telecommunications-fraud-increased-12-in-2023-equating-to-an-estimated-38-95-billion-lost-to-fraud/',
} as const;
