// Grandstream: "Grandstream <model>[ <hw-rev>] <firmware>"; older ATAs/gateways
// put a hardware revision ("V1.2A") between, the GXP14xx "Model HW .. SW .." form.
import type { FingerprintEntry } from '../types.js';

export const grandstream: FingerprintEntry[] = [
  {
    id: 'grandstream-device',
    vendor: 'Grandstream',
    type: null,
    pattern: /^Grandstream (?:Model HW )?(?<model>(?:GXP|GRP|GXV|GAC|GSC|BT|IP|DP|HT|GXW|UCM|WP|GDS|GVC|HandyTone|GXE)-?\d{2,4}[A-Z]{0,3})(?: {0,2}V\d\.\d[A-Z]?)?(?: {1,2}(?:SW )?(?<firmware>\d+\.\d+\.\d+\.\d+))?(?:[ ;(]|$)/,
    modelRewrite: [[/^(HT|GXW|DP|GXP|UCM)-/, '$1']],
    typeByModel: [
      [/^(?:GXP|GRP|GXV|BT|IP|WP)/, 'desk-phone'],
      [/^DP/, 'dect-base'],
      [/^(?:HT|HandyTone)/, 'ata'],
      [/^GXW/, 'gateway'],
      [/^(?:UCM|GXE)/, 'pbx'],
      [/^(?:GAC|GVC)/, 'conference-phone'],
    ],
    examples: [
      { value: 'Grandstream GXP2170 1.0.9.135', expect: { vendor: 'Grandstream', model: 'GXP2170', firmware: '1.0.9.135', type: 'desk-phone' } },
      { value: 'Grandstream GRP2614 1.0.5.33', expect: { vendor: 'Grandstream', model: 'GRP2614', firmware: '1.0.5.33', type: 'desk-phone' } },
      { value: 'Grandstream DP750 1.0.3.37', expect: { vendor: 'Grandstream', model: 'DP750', firmware: '1.0.3.37', type: 'dect-base' } },
      { value: 'Grandstream HT801 1.0.27.2', expect: { vendor: 'Grandstream', model: 'HT801', firmware: '1.0.27.2', type: 'ata' } },
      { value: 'Grandstream HT814 1.0.39.4', expect: { vendor: 'Grandstream', model: 'HT814', firmware: '1.0.39.4', type: 'ata' } },
      { value: 'Grandstream HT-502 V1.2A 1.0.17.5', expect: { vendor: 'Grandstream', model: 'HT502', firmware: '1.0.17.5', type: 'ata' } },
      { value: 'Grandstream GXW4216 V2.4B 1.0.21.1', expect: { vendor: 'Grandstream', model: 'GXW4216', firmware: '1.0.21.1', type: 'gateway' } },
      { value: 'Grandstream UCM6208V1.5A 1.0.20.38', expect: { vendor: 'Grandstream', model: 'UCM6208', firmware: '1.0.20.38', type: 'pbx' } },
      { value: 'Grandstream WP820 1.0.3.35', expect: { vendor: 'Grandstream', model: 'WP820', firmware: '1.0.3.35', type: 'desk-phone' } },
      { value: 'Grandstream Model HW GXP1400 SW 1.0.4.13 DevId 000b823704f7', expect: { vendor: 'Grandstream', model: 'GXP1400', firmware: '1.0.4.13', type: 'desk-phone' } },
      { value: 'Grandstream GXW-4008  V1.5A 1.0.16.2  chip V2.2', expect: { vendor: 'Grandstream', model: 'GXW4008', firmware: '1.0.16.2', type: 'gateway' } },
    ],
    source: 'nmap-service-probes `User-Agent: Grandstream (IP\\d+) ...`; antirek/sip-device-detector spec (GXP1400, GXW-4008, HT812); Grandstream firmware release notes (x.0.y.z)',
  },
  {
    id: 'grandstream-wave',
    vendor: 'Grandstream',
    type: 'softphone',
    pattern: /^Grandstream Wave(?: (?:Android|iOS|Lite|PC))?(?:[ /](?:v ?)?(?<firmware>\d+(?:\.\d+){1,3}))?(?:[ /]|$)/,
    model: 'Wave',
    examples: [
      { value: 'Grandstream Wave 1.0.5.7', expect: { vendor: 'Grandstream', model: 'Wave', firmware: '1.0.5.7', type: 'softphone' } },
    ],
    source: 'Grandstream Wave release notes (version numbering)',
  },
];

export const grandstreamFallback: FingerprintEntry[] = [
  {
    id: 'grandstream-any',
    vendor: 'Grandstream',
    type: null,
    pattern: /^Grandstream\b/i,
    examples: [
      { value: 'Grandstream Device Configuration', expect: { vendor: 'Grandstream', model: null, firmware: null, type: null } },
    ],
    source: 'Grandstream web UI page title',
  },
];
