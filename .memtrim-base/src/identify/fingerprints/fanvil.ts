// Fanvil: "Fanvil <model> <firmware>[ <mac>]" (X-series desk phones, i-series
// door phones/intercoms, PA paging gateways).
import type { FingerprintEntry } from '../types.js';

export const fanvil: FingerprintEntry[] = [
  {
    id: 'fanvil-device',
    vendor: 'Fanvil',
    type: 'desk-phone',
    pattern: /^Fanvil[ -](?<model>[A-Za-z]{1,3}\d{1,3}[A-Za-z0-9]{0,6}(?:-[A-Z0-9]{1,4})?)(?: (?:V)?(?<firmware>\d+(?:\.\d+){1,4}))?(?:[ ;(]|$)/,
    typeByModel: [[/^[iI]\d/, 'unknown'], [/^PA\d/, 'unknown'], [/^W\d{3}/, 'dect-base'], [/^CS\d/, 'conference-phone']],
    examples: [
      { value: 'Fanvil X4U 2.12.1.1 0c383e123456', expect: { vendor: 'Fanvil', model: 'X4U', firmware: '2.12.1.1', type: 'desk-phone' } },
      { value: 'Fanvil X303 2.12.18.9 0c383e63963b', expect: { vendor: 'Fanvil', model: 'X303', firmware: '2.12.18.9', type: 'desk-phone' } },
      { value: 'Fanvil i16SV 2.4.0', expect: { vendor: 'Fanvil', model: 'i16SV', firmware: '2.4.0', type: 'unknown' } },
      { value: 'Fanvil PA2 2.12.16', expect: { vendor: 'Fanvil', model: 'PA2', firmware: '2.12.16', type: 'unknown' } },
      { value: 'Fanvil X303', expect: { vendor: 'Fanvil', model: 'X303', firmware: null, type: 'desk-phone' } },
    ],
    source: 'Fanvil SIP traces in public repositories ("Fanvil X303 2.12.18.9 <mac>", "Fanvil i16SV 2.4.0"); Fanvil firmware release notes',
  },
  {
    id: 'fanvil-any',
    vendor: 'Fanvil',
    type: null,
    pattern: /^Fanvil\b/i,
    examples: [{ value: 'Fanvil', expect: { vendor: 'Fanvil', model: null, firmware: null, type: null } }],
    source: 'Fanvil web server banner',
  },
];
