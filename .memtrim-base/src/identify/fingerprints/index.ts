// The ordered fingerprint table. First match wins, so the order is the policy:
// 1. scanners (they borrow names), 2. specific products, 3. vendor-only
// fallbacks (a banner that names the vendor but nothing else), 4. generic stacks.
import type { FingerprintEntry } from '../types.js';
import { scanners } from './scanners.js';
import { yealink, yealinkFallback } from './yealink.js';
import { grandstream, grandstreamFallback } from './grandstream.js';
import { snom, snomFallback } from './snom.js';
import { cisco, ciscoFallback } from './cisco.js';
import { poly, polyFallback } from './poly.js';
import { fanvil } from './fanvil.js';
import { gigaset } from './gigaset.js';
import { panasonic } from './panasonic.js';
import { phones } from './phones.js';
import { gateways } from './gateways.js';
import { pbx } from './pbx.js';
import { softphones } from './softphones.js';
import { servers } from './servers.js';

export const FINGERPRINTS: readonly FingerprintEntry[] = [
  ...scanners,
  ...yealink,
  ...grandstream,
  ...snom,
  ...cisco,
  ...poly,
  ...fanvil,
  ...gigaset,
  ...panasonic,
  ...phones,
  ...gateways,
  ...servers,
  ...pbx,
  ...softphones,
  ...yealinkFallback,
  ...grandstreamFallback,
  ...snomFallback,
  ...ciscoFallback,
  ...polyFallback,
];
