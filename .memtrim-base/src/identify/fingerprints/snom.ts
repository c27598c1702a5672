// Snom: "snom<model>/<firmware>" (D-series, 3xx/7xx, PA1), sometimes "snomD785-SIP <fw>";
// the web UI titles itself "snom D785".
import type { FingerprintEntry } from '../types.js';

export const snom: FingerprintEntry[] = [
  {
    id: 'snom-phone',
    vendor: 'Snom',
    type: 'desk-phone',
    pattern: /^snom[ -]?(?<model>D\d{3}[A-Za-z]?|\d{3}[A-Za-z]?|PA1|M\d{2,3}[A-Z]?|C\d{3}|MeetingPoint|ONE)(?:-S[CI]P?)?(?:[-/ ](?:V\s?)?(?<firmware>\d+(?:[._]\d+){1,3}[a-z]?(?:-[A-Za-z0-9]+)?))?(?:[ ;(]|$)/i,
    modelRewrite: [[/^d(\d)/, 'D$1'], [/^m(\d)/, 'M$1'], [/^pa1$/i, 'PA1'], [/^c(\d)/, 'C$1']],
    typeByModel: [
      [/^M\d/, 'dect-base'],
      [/^(?:C\d|MeetingPoint)/, 'conference-phone'],
      [/^PA1$/, 'unknown'],
      [/^ONE$/, 'pbx'],
    ],
    examples: [
      { value: 'snomD785/10.1.54.13', expect: { vendor: 'Snom', model: 'D785', firmware: '10.1.54.13', type: 'desk-phone' } },
      { value: 'snom320/8.7.3.25', expect: { vendor: 'Snom', model: '320', firmware: '8.7.3.25', type: 'desk-phone' } },
      { value: 'snomD785-SIP 10.1.169.16', expect: { vendor: 'Snom', model: 'D785', firmware: '10.1.169.16', type: 'desk-phone' } },
      { value: 'snomPA1/8.7.5.17', expect: { vendor: 'Snom', model: 'PA1', firmware: '8.7.5.17', type: 'unknown' } },
      { value: 'snom M700', expect: { vendor: 'Snom', model: 'M700', firmware: null, type: 'dect-base' } },
      { value: 'snom D785', expect: { vendor: 'Snom', model: 'D785', firmware: null, type: 'desk-phone' } },
    ],
    source: 'nmap-service-probes `User-Agent: snom([\\w._-]+)/([\\w._-]+)`; Snom wiki firmware pages (x.y.z.w); Snom web UI titles',
  },
];

export const snomFallback: FingerprintEntry[] = [
  {
    id: 'snom-any',
    vendor: 'Snom',
    type: null,
    pattern: /^snom(?:[ /-]|$)/i,
    examples: [{ value: 'snom embedded', expect: { vendor: 'Snom', model: null, firmware: null, type: null } }],
    source: 'Snom web server banner',
  },
];
