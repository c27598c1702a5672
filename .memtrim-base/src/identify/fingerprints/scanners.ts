// SIP scanners and attack/test tools. They come first in the table: their
// User-Agents sometimes borrow product names. A device on the LAN that answers
// with one of these is a scanner host (or a honeypot), and we say so.
import type { FingerprintEntry } from '../types.js';

export const scanners: FingerprintEntry[] = [
  {
    id: 'scanner-sipvicious',
    vendor: 'SIPVicious',
    type: 'scanner',
    // svmap/svwar/svcrack default User-Agent is "friendly-scanner".
    pattern: /^(?:friendly-scanner|sipvicious(?:[ -]?(?:pro|ng))?)(?:[ /]v?(?<firmware>\d+(?:\.\d+){1,3}))?(?:[ ]|$)/i,
    examples: [
      { value: 'friendly-scanner', expect: { vendor: 'SIPVicious', model: null, firmware: null, type: 'scanner' } },
      { value: 'sipvicious', expect: { vendor: 'SIPVicious', model: null, firmware: null, type: 'scanner' } },
    ],
    source: 'sipvicious svhelper default User-Agent; sipvicious/svmap man page',
  },
  {
    id: 'scanner-sipcli',
    vendor: 'sipcli',
    type: 'scanner',
    pattern: /^sipcli(?:\/v?(?<firmware>\d+(?:\.\d+){1,2}))?(?:[ ]|$)/i,
    examples: [{ value: 'sipcli/v1.8', expect: { vendor: 'sipcli', model: null, firmware: '1.8', type: 'scanner' } }],
    source: 'honeypot/IDS write-ups of SIP brute force traffic',
  },
  {
    id: 'scanner-vaxsip',
    vendor: 'VaxVoIP',
    type: 'scanner',
    pattern: /^(?<model>Vax(?:SIP|IP)?UserAgent)(?:\/(?<firmware>\d+(?:\.\d+){0,3}))?/i,
    examples: [{ value: 'VaxSIPUserAgent/3.1', expect: { vendor: 'VaxVoIP', model: 'VaxSIPUserAgent', firmware: '3.1', type: 'scanner' } }],
    source: 'honeypot/IDS write-ups of SIP scanning traffic',
  },
  {
    id: 'scanner-named-tools',
    vendor: 'SIP scanner',
    type: 'scanner',
    // Tools with no maker to name: the vendor column says what they are.
    pattern: /^(?<model>pplsip|sundayddr|sip-?scan(?:ner)?|smap|iWar|SIVuS|sipflood|inviteflood|VoIPER|siparmyknife|Nsauditor)(?:[ /]v?(?<firmware>\d+(?:\.\d+){1,3}))?(?:[ ]|$)/i,
    examples: [
      { value: 'pplsip', expect: { vendor: 'SIP scanner', model: 'pplsip', firmware: null, type: 'scanner' } },
      { value: 'sundayddr', expect: { vendor: 'SIP scanner', model: 'sundayddr', firmware: null, type: 'scanner' } },
      { value: 'SIPScan', expect: { vendor: 'SIP scanner', model: 'SIPScan', firmware: null, type: 'scanner' } },
    ],
    source: 'honeypot/IDS write-ups listing SIP scanner User-Agents',
  },
  {
    id: 'scanner-sipsak',
    vendor: 'sipsak',
    type: 'scanner',
    pattern: /^sipsak(?: (?<firmware>\d+\.\d+(?:\.\d+)?[a-z0-9-]{0,8}))?(?:[ ]|$)/i,
    model: 'sipsak',
    examples: [{ value: 'sipsak 0.9.7', expect: { vendor: 'sipsak', model: 'sipsak', firmware: '0.9.7', type: 'scanner' } }],
    source: 'sipsak source (User-Agent "sipsak <version>")',
  },
  {
    id: 'scanner-sipp',
    vendor: 'SIPp',
    type: 'scanner',
    pattern: /^SIPp(?:[ /]v?(?<firmware>\d+\.\d+(?:\.\d+)?))?(?:[ -]|$)/i,
    model: 'SIPp',
    examples: [{ value: 'SIPp/v3.6.1', expect: { vendor: 'SIPp', model: 'SIPp', firmware: '3.6.1', type: 'scanner' } }],
    source: 'SIPp scenario files (User-Agent chosen by the scenario author)',
  },
  {
    id: 'scanner-nmap',
    vendor: 'Nmap',
    type: 'scanner',
    pattern: /^Nmap ?NSE\b/i,
    model: 'NSE',
    examples: [{ value: 'Nmap NSE', expect: { vendor: 'Nmap', model: 'NSE', firmware: null, type: 'scanner' } }],
    source: 'nmap nselib/sip.lua default User-Agent',
  },
  {
    id: 'scanner-ozeki',
    vendor: 'Ozeki',
    type: 'scanner',
    pattern: /^Ozeki(?: VoIP SIP SDK| Phone System)?(?: v?(?<firmware>\d+(?:\.\d+){0,3}))?/i,
    examples: [{ value: 'Ozeki VoIP SIP SDK v10.0', expect: { vendor: 'Ozeki', model: null, firmware: '10.0', type: 'scanner' } }],
    source: 'honeypot write-ups: Ozeki SDK User-Agent in SIP scanning traffic',
  },
  {
    // The SDK's unmodified default; real apps built on it set their own name.
    id: 'scanner-portsip-sdk',
    vendor: 'PortSIP',
    type: 'scanner',
    pattern: /^PortSIP VoIP SDK(?: (?<firmware>\d+(?:\.\d+){1,3}))?/i,
    model: 'VoIP SDK',
    examples: [{ value: 'PortSIP VoIP SDK 11.2.3.1085', expect: { vendor: 'PortSIP', model: 'VoIP SDK', firmware: '11.2.3.1085', type: 'scanner' } }],
    source: 'honeypot write-ups: PortSIP SDK default User-Agent in scanning traffic',
  },
];
