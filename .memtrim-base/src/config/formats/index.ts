// Every supported file format, in one table (detect.ts picks by signature).
import type { FormatDef } from '../types.js';
import { yealinkCfg, yealinkOldCfg } from './yealink.js';
import { grandstreamPvalues, grandstreamXml } from './grandstream.js';
import { snomXml, snomText, snomM3 } from './snom.js';
import { ciscoFlatXml, ciscoFlatText, ciscoSepXml, ciscoSipText } from './cisco.js';
import { polycomXml } from './polycom.js';
import { fanvilXml, fanvilText } from './fanvil.js';
import { gigasetProviderXml, gigasetProXml } from './gigaset.js';
import { panasonicText } from './panasonic.js';
import { htekXml } from './htek.js';

export const FORMATS: readonly FormatDef[] = [
  yealinkCfg, yealinkOldCfg,
  grandstreamPvalues, grandstreamXml,
  snomXml, snomText, snomM3,
  ciscoFlatXml, ciscoFlatText, ciscoSepXml, ciscoSipText,
  polycomXml,
  fanvilXml, fanvilText,
  gigasetProviderXml, gigasetProXml,
  panasonicText,
  htekXml,
];
