// The rule set: every rule the checks evaluate, in report order.
import type { Rule } from '../types.js';
import { deviceRules } from './device.js';
import { webRules } from './web.js';
import { siteRules } from './site.js';
import { firmwareRules } from './firmware.js';

export const RULES: readonly Rule[] = [...siteRules.slice(0, 1), ...deviceRules, ...webRules, ...firmwareRules, ...siteRules.slice(1)];
