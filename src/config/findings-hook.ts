// HOOK for the checks stage: the findings of one offline config file.
// The config stage leaves this empty on purpose; the checks engineer replaces the
// body with the same rule evaluation as applyChecks (src/checks/evaluate.ts) so
// that `ghostcall config` and readConfigFiles report the same findings as a scan.
import type { Finding, PhoneConfig } from '../api/result.js';
import { checkConfig } from '../checks/evaluate.js';

export interface ConfigFindingsContext {
  /** File name (offline) or URL (web reader) the config came from. */
  source: string;
  lang: 'en' | 'nl';
}

export function configFindings(config: PhoneConfig, ctx: ConfigFindingsContext): Finding[] {
  return checkConfig(config, { lang: ctx.lang, source: ctx.source });
}
