// Panasonic: "Panasonic_KX-UT670/01.022 (<mac>)", "Panasonic-KX-TGP600RU/01.061 (<mac>)".
// The model drops the region suffix (RU, NE, B04, X): "KX-TGP600".
import type { FingerprintEntry } from '../types.js';
import type { DeviceType } from '../../api/result.js';

const TYPES: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  [/^KX-(?:TGP|TGW|UDS|NCV)/, 'dect-base'],
  [/^KX-(?:NS|NCP|TDE|TDA|HTS|NSX)/, 'pbx'],
  [/^KX-(?:UT|HDV|DT|NT|TPA)/, 'desk-phone'],
];

export const panasonic: FingerprintEntry[] = [
  {
    id: 'panasonic-ua',
    vendor: 'Panasonic',
    type: null,
    pattern: /^Panasonic[-_ ](?<model>KX-[A-Z]{2,4}\d{2,4})[A-Z]{0,2}\d{0,2}(?:[/ ](?<firmware>\d+(?:\.\d+){1,3}))?(?:[ ;(]|$)/,
    typeByModel: TYPES,
    examples: [
      { value: 'Panasonic_KX-UT670/01.022 (0080f0123456)', expect: { vendor: 'Panasonic', model: 'KX-UT670', firmware: '01.022', type: 'desk-phone' } },
      { value: 'Panasonic-KX-TGP600RU/01.061 (080023e21a52)', expect: { vendor: 'Panasonic', model: 'KX-TGP600', firmware: '01.061', type: 'dect-base' } },
      { value: 'Panasonic-KX-TGP500B04/22.116.0.10 (0080f0aabbcc)', expect: { vendor: 'Panasonic', model: 'KX-TGP500', firmware: '22.116.0.10', type: 'dect-base' } },
    ],
    source: 'Panasonic SIP phone admin guides (User-Agent "Panasonic_<model>/<fw> (<mac>)"); provisioning scripts in public repos',
  },
  {
    // Web titles name the bare model ("KX-TGP500 Web Console"); KX- is Panasonic's own prefix.
    id: 'panasonic-bare-model',
    vendor: 'Panasonic',
    type: null,
    pattern: /^(?<model>KX-(?:UT|HDV|TGP|NS|NCP|TDE|DT|TPA)\d{2,4})[A-Z]{0,2}\d{0,2}(?:[ ]|$)/,
    typeByModel: TYPES,
    sources: ['http', 'mdns'],
    examples: [{ value: 'KX-TGP500 Web Console', expect: { vendor: 'Panasonic', model: 'KX-TGP500', firmware: null, type: 'dect-base' } }],
    source: 'Panasonic web UI page title',
  },
  {
    id: 'panasonic-any',
    vendor: 'Panasonic',
    type: null,
    pattern: /^Panasonic\b/i,
    examples: [{ value: 'Panasonic', expect: { vendor: 'Panasonic', model: null, firmware: null, type: null } }],
    source: 'Panasonic digest realm',
  },
];
