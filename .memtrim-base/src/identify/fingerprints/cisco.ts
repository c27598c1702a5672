// Cisco and its Linksys/Sipura heritage (SPA phones and ATAs), MPP and
// enterprise phones, IOS voice gateways, CUCM, TelePresence.
import type { DeviceType } from '../../api/result.js';
import type { FingerprintEntry } from '../types.js';

// SPA firmware: "7.6.2c", "1.4.1SR1(002)d", "1.3.5(004p_XU001)", "5.1.6(LS)".
const SPA_FW = String.raw`(?<firmware>\d+\.\d+[0-9A-Za-z.]{0,12}(?:\([0-9A-Za-z_]{1,24}\))?[a-z]?)`;
const SPA_TYPES: ReadonlyArray<readonly [RegExp, DeviceType]> = [
  [/^(?:SPA3\d{3}|SPA8000|SPA1\d\d|SPA2\d{2,3}|SPA232D|PAP2|ATA)/, 'ata'],
  [/^(?:SRP|WRP|RTP|WRT|RT\d)/, 'router'],
  [/^SPA9000/, 'pbx'],
  [/^SPA400/, 'gateway'],
];
const SPA_MODEL = String.raw`(?<model>(?:SPA|PAP|SRP|WRP|RTP|WRT|RT)\d{1,4}[A-Z0-9]{0,4})`;

function spaEntry(brand: 'Cisco' | 'Linksys' | 'Sipura', examples: FingerprintEntry['examples']): FingerprintEntry {
  return {
    id: `cisco-spa-${brand.toLowerCase()}`,
    vendor: brand,
    type: 'desk-phone',
    pattern: new RegExp(`^${brand}/${SPA_MODEL}-${SPA_FW}`),
    typeByModel: SPA_TYPES,
    examples,
    source: 'Cisco SPA/Linksys admin guides (User-Agent "<brand>/<model>-<fw>"); nmap/recog SIP Server examples',
  };
}

export const cisco: FingerprintEntry[] = [
  spaEntry('Cisco', [
    { value: 'Cisco/SPA504G-7.6.2', expect: { vendor: 'Cisco', model: 'SPA504G', firmware: '7.6.2', type: 'desk-phone' } },
    { value: 'Cisco/SPA112-1.4.1SR1(002)d-hisec', expect: { vendor: 'Cisco', model: 'SPA112', firmware: '1.4.1SR1(002)d', type: 'ata' } },
    { value: 'Cisco/SRP527-1.02.03(002)', expect: { vendor: 'Cisco', model: 'SRP527', firmware: '1.02.03(002)', type: 'router' } },
  ]),
  spaEntry('Linksys', [
    { value: 'Linksys/SPA2102-5.2.10', expect: { vendor: 'Linksys', model: 'SPA2102', firmware: '5.2.10', type: 'ata' } },
    { value: 'Linksys/SPA942-6.1.5(a)', expect: { vendor: 'Linksys', model: 'SPA942', firmware: '6.1.5(a)', type: 'desk-phone' } },
  ]),
  spaEntry('Sipura', [
    { value: 'Sipura/SPA2000-3.1.5(a)', expect: { vendor: 'Sipura', model: 'SPA2000', firmware: '3.1.5(a)', type: 'ata' } },
  ]),
  {
    // MPP (3PCC) and enterprise phones: "Cisco-CP8841-3PCC/11.3.7", "Cisco-CP-7960G/8.0".
    id: 'cisco-cp',
    vendor: 'Cisco',
    type: 'desk-phone',
    pattern: /^Cisco-(?<model>CP-?\d{4}[A-Z]{0,2}(?:-3PCC)?)\/(?<firmware>\d+[0-9A-Za-z.()-]{0,24})/,
    modelRewrite: [[/^CP(\d)/, 'CP-$1']],
    typeByModel: [[/^CP-(?:7832|8832)/, 'conference-phone'], [/^CP-6825/, 'dect-base']],
    examples: [
      { value: 'Cisco-CP8841-3PCC/11.3.7', expect: { vendor: 'Cisco', model: 'CP-8841-3PCC', firmware: '11.3.7', type: 'desk-phone' } },
      { value: 'Cisco-CP-7960G/8.0', expect: { vendor: 'Cisco', model: 'CP-7960G', firmware: '8.0', type: 'desk-phone' } },
      { value: 'Cisco-CP8832-3PCC/11.3.1', expect: { vendor: 'Cisco', model: 'CP-8832-3PCC', firmware: '11.3.1', type: 'conference-phone' } },
    ],
    source: 'Cisco IP Phone 6800/7800/8800 MPP admin guide (User-Agent); Cisco 79xx SIP firmware docs',
  },
  {
    id: 'cisco-ata19x',
    vendor: 'Cisco',
    type: 'ata',
    pattern: /^Cisco[-/ ]?(?<model>ATA ?19[0-2]|ATA ?18[6-8])(?:-MPP)?[-/ ]{1,2}v?(?<firmware>\d+[.-]\d+[0-9A-Za-z.()_-]{0,20})/,
    modelRewrite: [[/^ATA ?/, 'ATA']],
    examples: [
      { value: 'Cisco/ATA191-MPP-1.2.2(005)', expect: { vendor: 'Cisco', model: 'ATA191', firmware: '1.2.2(005)', type: 'ata' } },
    ],
    source: 'Cisco ATA 191/192 admin guide',
  },
  {
    // Real IOS voice gateways/CUBE send this as Server. Scanners have copied it,
    // but a LAN device that *answers* with it is an IOS gateway: we say so.
    id: 'cisco-ios-gateway',
    vendor: 'Cisco',
    type: 'gateway',
    pattern: /^Cisco-SIPGateway\/IOS-(?<firmware>[0-9][0-9A-Za-z.]{0,20})/,
    model: 'IOS SIP Gateway',
    examples: [
      { value: 'Cisco-SIPGateway/IOS-15.6.3.M0a', expect: { vendor: 'Cisco', model: 'IOS SIP Gateway', firmware: '15.6.3.M0a', type: 'gateway' } },
      { value: 'Cisco-SIPGateway/IOS-12.x', expect: { vendor: 'Cisco', model: 'IOS SIP Gateway', firmware: '12.x', type: 'gateway' } },
    ],
    source: 'nmap-service-probes sip-proxy `Server: Cisco-SIPGateway/IOS-...`; recog sip_banners.xml',
  },
  {
    id: 'cisco-cucm',
    vendor: 'Cisco',
    type: 'pbx',
    pattern: /^Cisco-CUCM(?<firmware>\d+(?:\.\d+){0,4})/,
    model: 'CUCM',
    examples: [{ value: 'Cisco-CUCM12.5', expect: { vendor: 'Cisco', model: 'CUCM', firmware: '12.5', type: 'pbx' } }],
    source: 'nmap-service-probes `Server: Cisco-CUCM([\\d.]+)`',
  },
  {
    id: 'cisco-telepresence',
    vendor: 'Cisco',
    type: 'conference-phone',
    pattern: /^TANDBERG\/\d{1,5} \((?<firmware>[A-Za-z]{1,4}\d+(?:\.\d+){1,4})/,
    model: 'TelePresence',
    examples: [{ value: 'TANDBERG/516 (TC5.1.4.295090)', expect: { vendor: 'Cisco', model: 'TelePresence', firmware: 'TC5.1.4.295090', type: 'conference-phone' } }],
    source: 'nmap-service-probes Tandberg matches; recog sip_banners.xml',
  },
];

export const ciscoFallback: FingerprintEntry[] = [
  {
    id: 'cisco-any',
    vendor: 'Cisco',
    type: null,
    pattern: /^Cisco(?:[ /-]|$)/,
    examples: [
      { value: 'Cisco SPA Configuration', expect: { vendor: 'Cisco', model: null, firmware: null, type: null } },
      { value: 'Cisco Systems, Inc. Configuration Utility', expect: { vendor: 'Cisco', model: null, firmware: null, type: null } },
    ],
    source: 'Cisco SPA / MPP web UI page titles',
  },
];
