// Gigaset IP DECT: Nx70 multicell/single cell "Gigaset N870 IP PRO/83.V2.43.0+build.<git>;<MAC>",
// N510/N720 "Gigaset N510 IP PRO/42.250.00.000.000", consumer bases "C530A IP/42.231.00.000.000".
import type { FingerprintEntry } from '../types.js';

export const gigaset: FingerprintEntry[] = [
  {
    id: 'gigaset-nx70',
    vendor: 'Gigaset',
    type: 'dect-base',
    pattern: /^Gigaset (?<model>N\d{3}E? (?:IP|VI|DM) PRO)\/\d{1,3}\.V(?<firmware>\d+\.\d+\.\d+)/,
    examples: [
      { value: 'Gigaset N870 IP PRO/83.V2.43.0+build.5f0a106;7C2F80XXXXXX', expect: { vendor: 'Gigaset', model: 'N870 IP PRO', firmware: '2.43.0', type: 'dect-base' } },
      { value: 'Gigaset N670 IP PRO/83.V2.26.0+build.e6c1b5b;7C2F80XXXXXX;Handset=20', expect: { vendor: 'Gigaset', model: 'N670 IP PRO', firmware: '2.26.0', type: 'dect-base' } },
    ],
    source: 'Gigaset pro wiki "FAQ Nx70 - User agent" (teamwork.gigaset.com/gigawiki)',
  },
  {
    id: 'gigaset-dect',
    vendor: 'Gigaset',
    type: 'dect-base',
    pattern: /^Gigaset (?<model>[A-Z]{1,2}\d{3}[A-Z]?(?: (?:IP|DM|DECT|GO))?(?: PRO)?)(?:\/(?<firmware>\d+(?:\.\d+){1,5}))?(?:[ ;(]|$)/,
    typeByModel: [[/^(?:DE|Maxwell)/, 'desk-phone']],
    examples: [
      { value: 'Gigaset N510 IP PRO/42.245.00.000.000', expect: { vendor: 'Gigaset', model: 'N510 IP PRO', firmware: '42.245.00.000.000', type: 'dect-base' } },
      { value: 'Gigaset N510 IP PRO', expect: { vendor: 'Gigaset', model: 'N510 IP PRO', firmware: null, type: 'dect-base' } },
    ],
    source: 'Gigaset N510 IP PRO admin manual / provisioning logs; Gigaset pro wiki',
  },
  {
    // Consumer IP bases omit the brand but keep its unmistakable firmware form.
    id: 'gigaset-consumer',
    vendor: 'Gigaset',
    type: 'dect-base',
    pattern: /^(?<model>[CSAE]\d{3}[A-Z]{0,2} (?:IP|GO))\/(?<firmware>\d{2}\.\d{3}\.\d{2}\.\d{3}\.\d{3})$/,
    examples: [{ value: 'C530A IP/42.231.00.000.000', expect: { vendor: 'Gigaset', model: 'C530A IP', firmware: '42.231.00.000.000', type: 'dect-base' } }],
    source: 'antirek/sip-device-detector spec (C530A IP)',
  },
  {
    id: 'gigaset-any',
    vendor: 'Gigaset',
    type: null,
    pattern: /^Gigaset\b/i,
    examples: [{ value: 'Gigaset-N510', expect: { vendor: 'Gigaset', model: null, firmware: null, type: null } }],
    source: 'Gigaset mDNS instance name / web banner',
  },
];
