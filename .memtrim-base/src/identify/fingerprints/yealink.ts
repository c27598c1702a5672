// Yealink: "Yealink <model> <firmware>[ <mac>]". Model keeps Yealink's own
// spelling ("SIP-T46S", "W60B", "CP960"); firmware is "<hw-id>.<major>.<minor>.<build>".
import type { FingerprintEntry } from '../types.js';

const FW = String.raw`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,4}`;

export const yealink: FingerprintEntry[] = [
  {
    id: 'yealink-phone',
    vendor: 'Yealink',
    type: 'desk-phone',
    // The model must contain a digit, so "Yealink Phone Web" is not a model.
    pattern: new RegExp(String.raw`^Yealink[ _-](?:SIP )?(?<model>[A-Za-z][A-Za-z-]{0,6}\d[A-Za-z0-9_-]{0,16})(?: (?<firmware>${FW}))?(?:[ ;(]|$)`),
    typeByModel: [
      [/^(?:SIP-)?W\d{2}[A-Z]?$/, 'dect-base'],
      [/^(?:SIP-)?(?:CP9\d\d|VC\d{3})/, 'conference-phone'],
      [/^(?:SIP-)?MVC|^(?:SIP-)?MeetingBar/i, 'conference-phone'],
    ],
    examples: [
      { value: 'Yealink SIP-T46S 66.86.0.15', expect: { vendor: 'Yealink', model: 'SIP-T46S', firmware: '66.86.0.15', type: 'desk-phone' } },
      { value: 'Yealink SIP-T54W 96.86.0.100', expect: { vendor: 'Yealink', model: 'SIP-T54W', firmware: '96.86.0.100', type: 'desk-phone' } },
      { value: 'Yealink SIP-T54W 96.86.0.100 80:5e:c0:12:34:56', expect: { vendor: 'Yealink', model: 'SIP-T54W', firmware: '96.86.0.100', type: 'desk-phone' } },
      { value: 'Yealink W60B 77.85.0.20', expect: { vendor: 'Yealink', model: 'W60B', firmware: '77.85.0.20', type: 'dect-base' } },
      { value: 'Yealink W70B 146.85.0.15', expect: { vendor: 'Yealink', model: 'W70B', firmware: '146.85.0.15', type: 'dect-base' } },
      { value: 'Yealink CP960 73.85.0.5', expect: { vendor: 'Yealink', model: 'CP960', firmware: '73.85.0.5', type: 'conference-phone' } },
      { value: 'Yealink VP59 91.85.0.5', expect: { vendor: 'Yealink', model: 'VP59', firmware: '91.85.0.5', type: 'desk-phone' } },
      { value: 'Yealink SIP VP-T49G 51.80.0.100', expect: { vendor: 'Yealink', model: 'VP-T49G', firmware: '51.80.0.100', type: 'desk-phone' } },
      { value: 'Yealink SIP-T27G 69.86.0.15', expect: { vendor: 'Yealink', model: 'SIP-T27G', firmware: '69.86.0.15', type: 'desk-phone' } },
      { value: 'Yealink SIP-T46S Phone', expect: { vendor: 'Yealink', model: 'SIP-T46S', firmware: null, type: 'desk-phone' } },
      { value: 'Yealink-SIP-T46S', expect: { vendor: 'Yealink', model: 'SIP-T46S', firmware: null, type: 'desk-phone' } },
    ],
    source: 'nmap-service-probes `match sip ... User-Agent: Yealink (SIP-[\\w_]+) ([\\d.]+)`; Yealink admin guides (firmware naming <hw>.<x>.<y>.<z>); public SIP traces',
  },
  {
    // Video phones answer with the bare model (nmap: "User-Agent: (VP\d+\w*) ([\d.]+)").
    id: 'yealink-vp-bare',
    vendor: 'Yealink',
    type: 'desk-phone',
    pattern: new RegExp(String.raw`^(?<model>VP5[0-9]|VP530)[A-Z]? (?<firmware>${FW})$`),
    examples: [
      { value: 'VP59 91.283.0.35', expect: { vendor: 'Yealink', model: 'VP59', firmware: '91.283.0.35', type: 'desk-phone' } },
    ],
    source: 'nmap-service-probes Yealink VP match (bare "VPnn <version>")',
  },
];

/** Vendor named, product not understood (web servers, titles, odd UAs). */
export const yealinkFallback: FingerprintEntry[] = [
  {
    id: 'yealink-any',
    vendor: 'Yealink',
    type: null,
    pattern: /^Yealink\b/i,
    examples: [
      { value: 'yealink embed httpd', expect: { vendor: 'Yealink', model: null, firmware: null, type: null } },
      { value: 'Yealink Phone Web', expect: { vendor: 'Yealink', model: null, firmware: null, type: null } },
    ],
    source: 'Yealink web UI HTTP Server header ("yealink embed httpd") and page titles',
  },
];
