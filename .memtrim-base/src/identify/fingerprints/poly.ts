// Poly (Polycom): "[Polycom/<fw> ]Polycom<family>-<model>-UA/<fw>[_<mac>]" for
// VVX/SoundPoint/SoundStation/Trio; newer Poly Edge/CCX; HDX/Group video.
import type { FingerprintEntry } from '../types.js';

export const poly: FingerprintEntry[] = [
  {
    id: 'poly-ua',
    vendor: 'Poly',
    type: 'desk-phone',
    pattern: /^(?:Polycom\/\S{1,24} )?Polycom(?:VVX|SoundPointIP|SoundStationIP|RealPresenceTrio)-(?<model>[A-Za-z]{2,5}_[A-Za-z0-9+]{1,12})-UA\/(?<firmware>\d+(?:\.\d+){2,3})/,
    modelRewrite: [[/^SPIP_/, 'SoundPoint IP '], [/^SSIP_/, 'SoundStation IP '], [/_/g, ' ']],
    typeByModel: [[/^(?:SoundStation|Trio)/, 'conference-phone']],
    examples: [
      { value: 'PolycomVVX-VVX_411-UA/5.9.5.0614', expect: { vendor: 'Poly', model: 'VVX 411', firmware: '5.9.5.0614', type: 'desk-phone' } },
      { value: 'PolycomSoundPointIP-SPIP_331-UA/4.0.15.1009', expect: { vendor: 'Poly', model: 'SoundPoint IP 331', firmware: '4.0.15.1009', type: 'desk-phone' } },
      { value: 'PolycomVVX-VVX_400-UA/4.1.4.7430_0004f2123456', expect: { vendor: 'Poly', model: 'VVX 400', firmware: '4.1.4.7430', type: 'desk-phone' } },
      { value: 'PolycomSoundStationIP-SSIP_7000-UA/4.0.8.1608', expect: { vendor: 'Poly', model: 'SoundStation IP 7000', firmware: '4.0.8.1608', type: 'conference-phone' } },
      { value: 'PolycomRealPresenceTrio-Trio_8800-UA/5.4.0.12197', expect: { vendor: 'Poly', model: 'Trio 8800', firmware: '5.4.0.12197', type: 'conference-phone' } },
      { value: 'Polycom/5.5.0.23866 PolycomVVX-VVX_501-UA/5.5.0.23866', expect: { vendor: 'Poly', model: 'VVX 501', firmware: '5.5.0.23866', type: 'desk-phone' } },
    ],
    source: 'Polycom UC Software admin guide (User-Agent); nmap-service-probes Polycom matches; recog sip_user_agents.xml examples',
  },
  {
    // Poly-branded phones (Edge E/B, CCX): "PolyEdge-Edge_E450-UA/8.0.1.3427", "Poly/Edge_E450".
    id: 'poly-edge-ccx',
    vendor: 'Poly',
    type: 'desk-phone',
    pattern: /^Poly(?:Edge|CCX)?[-/](?<model>(?:Edge|CCX)_[A-Z]?\d{3})(?:-UA)?(?:\/(?<firmware>\d+(?:\.\d+){2,3}))?/,
    modelRewrite: [[/_/g, ' ']],
    examples: [
      { value: 'Poly/Edge_E450', expect: { vendor: 'Poly', model: 'Edge E450', firmware: null, type: 'desk-phone' } },
      { value: 'PolyEdge-Edge_E350-UA/8.0.1.3427', expect: { vendor: 'Poly', model: 'Edge E350', firmware: '8.0.1.3427', type: 'desk-phone' } },
    ],
    source: 'Poly Edge E admin guide (User-Agent follows the UC Software form)',
  },
  {
    id: 'poly-video',
    vendor: 'Poly',
    type: 'conference-phone',
    pattern: /^Polycom ?(?<model>HDX ?\d{4}|RealPresenceGroup\d{3})(?: ?HD)?(?:\/| \(Release - )(?<firmware>\d+(?:\.\d+){1,3}(?:-\d+)?)/,
    modelRewrite: [[/^HDX ?/, 'HDX '], [/^RealPresenceGroup/, 'RealPresence Group ']],
    examples: [
      { value: 'Polycom HDX 9006 (Release - 3.0.6-37004)', expect: { vendor: 'Poly', model: 'HDX 9006', firmware: '3.0.6-37004', type: 'conference-phone' } },
      { value: 'PolycomRealPresenceGroup700/6.2.0', expect: { vendor: 'Poly', model: 'RealPresence Group 700', firmware: '6.2.0', type: 'conference-phone' } },
    ],
    source: 'nmap-service-probes Polycom HDX / RealPresence Group matches',
  },
  {
    // mDNS instance names and web titles name the bare model ("VVX250").
    id: 'poly-vvx-bare',
    vendor: 'Poly',
    type: 'desk-phone',
    pattern: /^(?:Polycom[ -]?)?VVX[ _-]?(?<model>\d{3})$/,
    modelRewrite: [[/^/, 'VVX ']],
    sources: ['http', 'mdns'],
    examples: [{ value: 'VVX250', expect: { vendor: 'Poly', model: 'VVX 250', firmware: null, type: 'desk-phone' } }],
    source: 'Poly VVX mDNS/Bonjour instance name',
  },
];

export const polyFallback: FingerprintEntry[] = [
  {
    id: 'poly-any',
    vendor: 'Poly',
    type: null,
    pattern: /^(?:Polycom(?:\b|[A-Z])|Poly\b)/,
    examples: [
      { value: 'Polycom SoundPoint IP Telephone HTTPd', expect: { vendor: 'Poly', model: null, firmware: null, type: null } },
      { value: 'Polycom - SoundPoint IP Web Configuration Utility', expect: { vendor: 'Poly', model: null, firmware: null, type: null } },
      { value: 'PolycomSPIP', expect: { vendor: 'Poly', model: null, firmware: null, type: null } },
    ],
    source: 'Polycom web server banner, page title and digest realm',
  },
];
