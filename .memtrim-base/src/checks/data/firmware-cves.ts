// Known vulnerabilities of phone firmware: which model family, which firmware is
// affected, which release fixes it, and where that is written. Entries marked
// `unverified` name a fixed version that only a secondary source gives.
// Version semantics: affected when firmware < `fixed`; without `fixed`, affected when
// firmware <= `lastAffected`; with neither, every version (no fix, end of life).
import type { Severity } from '../../api/result.js';
import type { VendorKey } from '../types.js';

export interface FirmwareAdvisory {
  /** CVE id, or the vendor/researcher advisory id when no CVE was assigned. */
  id: string;
  vendor: VendorKey;
  /** Model family, matched against the fingerprint/config model. */
  models: RegExp;
  family: string;
  fixed: string | null;
  lastAffected: string | null;
  severity: Severity;
  confidence: 'confirmed' | 'unverified';
  sources: string[];
  /** Model/firmware pairs the entry must flag and must not flag: the table tests itself. */
  examples: { affected: [string, string | null]; safe: [string, string] | null };
}

export const FIRMWARE_ADVISORIES: FirmwareAdvisory[] = [
  {
    id: 'CVE-2013-5755', vendor: 'yealink', models: /T38G/i, family: 'SIP-T38G', fixed: null, lastAffected: null, severity: 'high', confidence: 'confirmed',
    sources: ['https://raw.githubusercontent.com/urcuqui/exploit-database/7eac4c3a2ce5b0fc0bdcaf2e527b225d78df42ee/platforms/hardware/remote/33739.txt', 'qweasader/gbn 2014/gb_yealink_voip_phone_mult_vuln.nasl'],
    examples: { affected: ['SIP-T38G', '38.70.0.125'], safe: null },
  },
  {
    id: 'CVE-2013-5756', vendor: 'yealink', models: /T38G/i, family: 'SIP-T38G', fixed: null, lastAffected: null, severity: 'high', confidence: 'confirmed',
    sources: ['https://raw.githubusercontent.com/urcuqui/exploit-database/7eac4c3a2ce5b0fc0bdcaf2e527b225d78df42ee/platforms/hardware/remote/33740.txt'],
    examples: { affected: ['SIP-T38G', null], safe: null },
  },
  {
    id: 'CVE-2020-5739', vendor: 'grandstream', models: /GXP-?16\d\d/i, family: 'GXP16xx', fixed: '1.0.5.3', lastAffected: '1.0.4.152', severity: 'high', confidence: 'confirmed',
    sources: ['qweasader/gbn 2020/grandstream/gb_grandstream_gxp1600_mult_vuln_apr20.nasl', 'https://nvd.nist.gov/vuln/detail/CVE-2020-5739'],
    examples: { affected: ['GXP1625', '1.0.4.140'], safe: ['GXP1625', '1.0.5.3'] },
  },
  {
    id: 'CVE-2023-50015', vendor: 'grandstream', models: /GXP-?14\d\d/i, family: 'GXP14xx', fixed: null, lastAffected: '1.0.8.9', severity: 'high', confidence: 'confirmed',
    sources: ['qweasader/gbn 2024/grandstream/gb_gxp_CVE-2023-50015.nasl', 'https://nvd.nist.gov/vuln/detail/CVE-2023-50015'],
    examples: { affected: ['GXP1450', '1.0.8.9'], safe: ['GXP1450', '1.0.8.10'] },
  },
  {
    id: 'CVE-2023-50015', vendor: 'grandstream', models: /GXP-?16\d\d/i, family: 'GXP16xx', fixed: null, lastAffected: '1.0.7.70', severity: 'high', confidence: 'confirmed',
    sources: ['qweasader/gbn 2024/grandstream/gb_gxp_CVE-2023-50015.nasl', 'https://nvd.nist.gov/vuln/detail/CVE-2023-50015'],
    examples: { affected: ['GXP1628', '1.0.7.64'], safe: ['GXP1628', '1.0.7.71'] },
  },
  {
    id: 'CVE-2026-2329', vendor: 'grandstream', models: /GXP-?16\d\d/i, family: 'GXP16xx', fixed: '1.0.7.81', lastAffected: '1.0.7.79', severity: 'critical', confidence: 'unverified',
    sources: ['psocik/ict _posts/2026-02-18-Critical-Grandstream-VoIP-Bug-Highlights-SMB-Security-Blind-Spot.md'],
    examples: { affected: ['GXP1630', '1.0.7.79'], safe: ['GXP1630', '1.0.7.81'] },
  },
  {
    id: 'SNOM-2015-SEC-CONSULT', vendor: 'snom', models: /^(snom\s*)?[378]\d\d\b/i, family: 'snom 3xx/7xx/8xx', fixed: '8.7.5.15', lastAffected: null, severity: 'high', confidence: 'confirmed',
    sources: ['http://pda.teltarif.de/snom-update-sicherheit-luecke/news/58300.html', 'https://old-blog.nfon.net/2015/01/14/sicherheitsluecke-bei-snom-telefonen-nfon-ag-informiert-zur-aktuellen-lage/index.html', 'qweasader/gbn 2015/gb_snom_mult_vuln_01_15.nasl'],
    examples: { affected: ['snom370', '8.7.3.25'], safe: ['snom370', '8.7.5.15'] },
  },
  {
    id: 'CVE-2015-0670', vendor: 'cisco', models: /SPA-?[35]\d\d(?!\d)/i, family: 'SPA300/SPA500', fixed: null, lastAffected: '7.5.5', severity: 'high', confidence: 'confirmed',
    sources: ['https://www.helpnetsecurity.com/2015/03/23/cisco-small-business-ip-phones-vulnerable-to-eavesdropping/', 'https://nvd.nist.gov/vuln/detail/CVE-2015-0670'],
    examples: { affected: ['SPA504G', '7.5.5'], safe: ['SPA504G', '7.6.2'] },
  },
  {
    id: 'CVE-2016-1469', vendor: 'cisco', models: /SPA-?(30\d|50\d|51\d)(?!\d)/i, family: 'SPA30x/50x/51x', fixed: '7.6.2', lastAffected: '7.5.7(6)', severity: 'medium', confidence: 'confirmed',
    sources: ['qweasader/gbn 2016/gb_cisco_spa_cisco-sa-20160831-spa.nasl', 'https://nvd.nist.gov/vuln/detail/CVE-2016-1469'],
    examples: { affected: ['SPA509G', '7.5.7(6)'], safe: ['SPA509G', '7.6.2'] },
  },
  {
    id: 'CVE-2024-20450', vendor: 'cisco', models: /SPA-?[35]\d\d(?!\d)/i, family: 'SPA300/SPA500', fixed: null, lastAffected: null, severity: 'critical', confidence: 'confirmed',
    sources: ['https://securityexpress.info/cisco-warns-of-critical-flaws-in-discontinued-ip-phones', 'https://nvd.nist.gov/vuln/detail/CVE-2024-20450', 'CVE-2024-20452', 'CVE-2024-20454'],
    examples: { affected: ['SPA525G2', '7.6.2'], safe: null },
  },
  {
    id: 'CVE-2023-20126', vendor: 'cisco', models: /SPA-?112/i, family: 'SPA112 ATA', fixed: null, lastAffected: null, severity: 'critical', confidence: 'confirmed',
    sources: ['https://pvplive.net/time-to-throw-this-unsecure-phone-adapter-in-the-trash-now-cisco-says-theyre-not-fixing-it-cisco-systems-news/', 'https://nvd.nist.gov/vuln/detail/CVE-2023-20126'],
    examples: { affected: ['SPA112', '1.4.1'], safe: null },
  },
  {
    id: 'CVE-2023-20078', vendor: 'cisco', models: /\b(CP-?)?68\d\d|\b(CP-?)?(78|88)\d\d.*(3PCC|MPP)/i, family: 'IP Phone 6800/7800/8800 Multiplatform', fixed: '11.3.7SR1', lastAffected: null, severity: 'critical', confidence: 'confirmed',
    sources: ['https://arcticwolf.com/resources/blog/cve-2023-20078/', 'https://www.sk-cert.sk/en/warning-of-critical-vulnerabilities-in-cisco-telephony-devices/index.html'],
    examples: { affected: ['CP-8851-3PCC', '11.3.6'], safe: ['CP-8851-3PCC', '11.3.7SR1'] },
  },
  {
    id: 'POLYCOM-TB-66743', vendor: 'poly', models: /SoundPoint|SoundStation|SPIP|SSIP/i, family: 'SoundPoint IP / SoundStation IP', fixed: null, lastAffected: '3.3.1', severity: 'medium', confidence: 'confirmed',
    sources: ['https://studylib.net/doc/18452536/technical-bulletin-66743'],
    examples: { affected: ['SoundPoint IP 650', '3.2.3'], safe: ['SoundPoint IP 650', '3.3.5'] },
  },
  {
    id: 'CVE-2026-0826', vendor: 'poly', models: /VVX/i, family: 'VVX', fixed: '6.4.8', lastAffected: null, severity: 'critical', confidence: 'unverified',
    sources: ['https://voipstackindex.com/news/hp-poly-vvx-trio-cve-2026-0826-voip-security-proof/', 'https://www.imtr.net/article/hp-security-advisory-av26-539-26a4'],
    examples: { affected: ['VVX 411', '6.4.3.2143'], safe: ['VVX 411', '6.4.8.1000'] },
  },
  {
    id: 'CVE-2026-0826', vendor: 'poly', models: /Trio.?8300/i, family: 'Trio 8300', fixed: '8.1.7', lastAffected: null, severity: 'critical', confidence: 'unverified',
    sources: ['https://www.imtr.net/article/hp-security-advisory-av26-539-26a4'],
    examples: { affected: ['Trio 8300', '8.1.6'], safe: ['Trio 8300', '8.1.7'] },
  },
  {
    id: 'CVE-2026-0826', vendor: 'poly', models: /Trio.?8[58]00/i, family: 'Trio 8500/8800', fixed: '7.2.8', lastAffected: null, severity: 'critical', confidence: 'unverified',
    sources: ['https://www.imtr.net/article/hp-security-advisory-av26-539-26a4'],
    examples: { affected: ['Trio 8800', '7.2.6'], safe: ['Trio 8800', '7.2.8'] },
  },
  // Fanvil, Gigaset, Panasonic, Htek: no advisory with a source naming models and a fixed firmware was found.
];
