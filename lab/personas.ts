// Vendor personas of the phone farm: real User-Agent strings as the devices send
// them (collected from public packet captures, provisioning logs and detection
// scripts), an IEEE OUI registered to the vendor (checked against `oui-data` in
// test/lab/lab.test.ts), the transports/ports the device answers on out of the
// box, and how its web UI introduces itself.
//
// User-Agent templates: `{mac}` = lower-case hex MAC without separators,
// `{MAC}` = upper-case, `{mac:}` = lower-case with colons (several vendors put
// the MAC in their User-Agent).

export interface PersonaWeb {
  /** key into `webUis` (lab/web/registry.ts) */
  ui: string;
  server: string;
  title: string;
  /** HTTP auth challenge on `/`, as the phone's login protects the UI */
  auth?: { scheme: 'Digest' | 'Basic'; realm: string };
  port: number;
  tls: boolean;
}

export interface Persona {
  id: string;
  vendor: string;
  model: string;
  /** null: a device that does not put a User-Agent in its responses */
  userAgent: string | null;
  /** `Server:` header in SIP responses, when the device sends one */
  server?: string;
  /** 6 hex digits, upper case, as oui-data keys them */
  oui: string;
  /** regex the OUI's registered organisation must match (test) */
  ouiOrg: RegExp;
  udp: number[];
  tcp: number[];
  tls: number[];
  allow: string;
  supported: string;
  web: PersonaWeb | null;
  /** mDNS instance-name prefix the device advertises with */
  mdnsName: string;
}

const ALLOW_PHONE = 'INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE';
const ALLOW_PBX = 'OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, PUBLISH, INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, MESSAGE, REFER';

function web(ui: string, server: string, title: string, extra: Partial<PersonaWeb> = {}): PersonaWeb {
  return { ui, server, title, port: 80, tls: false, ...extra };
}

export const personas: Persona[] = [
  {
    id: 'yealink-t46s', vendor: 'Yealink', model: 'SIP-T46S', userAgent: 'Yealink SIP-T46S 66.86.0.15',
    oui: '805EC0', ouiOrg: /yealink/i, udp: [5060], tcp: [5060], tls: [], allow: ALLOW_PHONE, supported: 'replaces, 100rel',
    web: web('yealink', 'yealink embed httpd', 'Yealink SIP-T46S Phone'), mdnsName: 'Yealink-SIP-T46S',
  },
  {
    id: 'yealink-t54w', vendor: 'Yealink', model: 'SIP-T54W', userAgent: 'Yealink SIP-T54W 96.86.0.100 {mac:}',
    oui: '249AD8', ouiOrg: /yealink/i, udp: [5060], tcp: [], tls: [5061], allow: ALLOW_PHONE, supported: 'replaces, 100rel',
    web: web('generic-login', 'yealink embed httpd', 'Yealink SIP-T54W Phone', { port: 443, tls: true }), mdnsName: 'Yealink-SIP-T54W',
  },
  {
    id: 'grandstream-gxp2170', vendor: 'Grandstream', model: 'GXP2170', userAgent: 'Grandstream GXP2170 1.0.11.23',
    oui: '000B82', ouiOrg: /grandstream/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PHONE, supported: 'replaces, path, timer',
    web: web('grandstream', 'Grandstream/1.10', 'Grandstream Device Configuration'), mdnsName: 'GXP2170',
  },
  {
    id: 'grandstream-grp2612w', vendor: 'Grandstream', model: 'GRP2612W', userAgent: 'Grandstream GRP2612W 1.0.5.67',
    oui: 'C074AD', ouiOrg: /grandstream/i, udp: [5060], tcp: [5060], tls: [], allow: ALLOW_PHONE, supported: 'replaces, path, timer',
    web: web('grandstream', 'Grandstream/1.10', 'Grandstream | GRP2612W',
      { auth: { scheme: 'Digest', realm: 'grandstream' } }), mdnsName: 'GRP2612W',
  },
  {
    id: 'snom-d785', vendor: 'Snom', model: 'D785', userAgent: 'snomD785/10.1.84.12',
    oui: '000413', ouiOrg: /snom/i, udp: [5060], tcp: [5060], tls: [5061], allow: ALLOW_PHONE, supported: 'timer, 100rel, replaces, from-change',
    web: web('snom', 'snom embedded', 'snom D785', { auth: { scheme: 'Basic', realm: 'snom' } }), mdnsName: 'snomD785',
  },
  {
    id: 'snom-d715', vendor: 'Snom', model: 'D715', userAgent: 'snomD715/10.1.54.13',
    oui: '1C7126', ouiOrg: /snom/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PHONE, supported: 'timer, 100rel, replaces, from-change',
    web: web('generic-login', 'snom embedded', 'snom D715'), mdnsName: 'snomD715',
  },
  {
    id: 'cisco-spa303', vendor: 'Cisco', model: 'SPA303', userAgent: 'Cisco/SPA303-7.4.7',
    oui: '00905F', ouiOrg: /cisco/i, udp: [5060], tcp: [], tls: [], allow: 'ACK, BYE, CANCEL, INFO, INVITE, NOTIFY, OPTIONS, REFER, UPDATE', supported: 'replaces',
    web: web('cisco-spa', 'lighttpd', 'Cisco SPA303 Configuration Utility'), mdnsName: 'SPA303',
  },
  {
    id: 'cisco-spa525g', vendor: 'Cisco', model: 'SPA525G', userAgent: 'Cisco/SPA525G-7.4.9a',
    oui: 'E8EDF3', ouiOrg: /cisco/i, udp: [5060], tcp: [], tls: [], allow: 'ACK, BYE, CANCEL, INFO, INVITE, NOTIFY, OPTIONS, REFER, UPDATE', supported: 'replaces',
    web: web('cisco-spa', 'lighttpd', 'Cisco SPA525G Configuration Utility',
      { auth: { scheme: 'Digest', realm: 'Cisco SPA525G' } }), mdnsName: 'SPA525G',
  },
  {
    id: 'poly-vvx450', vendor: 'Poly', model: 'VVX 450', userAgent: 'PolycomVVX-VVX_450-UA/6.4.3.5018',
    oui: '64167F', ouiOrg: /polycom|poly/i, udp: [5060], tcp: [5060], tls: [], allow: ALLOW_PHONE, supported: 'replaces, 100rel',
    web: web('polycom', 'Polycom SoundPoint IP Telephone HTTPd', 'Polycom - Configuration Utility',
      { auth: { scheme: 'Digest', realm: 'PLCM_SPIP' } }), mdnsName: 'VVX450',
  },
  {
    id: 'poly-vvx250', vendor: 'Poly', model: 'VVX 250', userAgent: 'PolycomVVX-VVX_250-UA/6.4.3.5156',
    oui: '0004F2', ouiOrg: /polycom|poly/i, udp: [], tcp: [], tls: [5061], allow: ALLOW_PHONE, supported: 'replaces, 100rel',
    web: web('generic-login', 'Polycom SoundPoint IP Telephone HTTPd', 'Polycom - Configuration Utility', { port: 443, tls: true }), mdnsName: 'VVX250',
  },
  {
    id: 'fanvil-x303', vendor: 'Fanvil', model: 'X303', userAgent: 'Fanvil X303 2.12.18.9 {mac}',
    oui: '0C383E', ouiOrg: /fanvil/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PHONE, supported: 'path, replaces',
    web: web('fanvil', 'Fanvil', 'Fanvil X303'), mdnsName: 'Fanvil-X303',
  },
  {
    id: 'gigaset-n510', vendor: 'Gigaset', model: 'N510 IP PRO', userAgent: 'Gigaset N510 IP PRO/42.250.00.000.000',
    oui: '7C2F80', ouiOrg: /gigaset/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PHONE, supported: 'replaces',
    web: web('generic-login', 'Gigaset', 'Gigaset N510 IP PRO'), mdnsName: 'Gigaset-N510',
  },
  {
    id: 'panasonic-kx-ut670', vendor: 'Panasonic', model: 'KX-UT670', userAgent: 'Panasonic_KX-UT670/01.022 ({mac})',
    oui: '0080F0', ouiOrg: /panasonic/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PHONE, supported: '100rel, replaces',
    web: web('generic-login', 'Embedded Web Server', 'KX-UT670', { auth: { scheme: 'Digest', realm: 'Panasonic' } }), mdnsName: 'KX-UT670',
  },
  {
    id: 'htek-uc912g', vendor: 'Htek', model: 'UC912G', userAgent: 'Htek UC912G {mac}',
    oui: '001FC1', ouiOrg: /hanlong/i, udp: [5062], tcp: [], tls: [], allow: ALLOW_PHONE, supported: 'replaces',
    web: web('generic-login', 'Htek', 'Htek UC912G'), mdnsName: 'UC912G',
  },
  {
    id: 'audiocodes-440hd', vendor: 'AudioCodes', model: '440HD', userAgent: 'AUDC-IPPhone/2.2.8.61 (440HDG-Rev0; {MAC})',
    oui: '00908F', ouiOrg: /audio ?codes/i, udp: [], tcp: [5060], tls: [], allow: ALLOW_PHONE, supported: 'replaces, 100rel',
    web: web('generic-login', 'AudioCodes', 'AudioCodes 440HD'), mdnsName: '440HD',
  },
  {
    id: 'obihai-obi202', vendor: 'Obihai', model: 'OBi202', userAgent: 'OBIHAI/OBi202-3.2.2.5921',
    oui: '9CADEF', ouiOrg: /obihai/i, udp: [5060, 5061], tcp: [], tls: [], allow: 'REFER, NOTIFY, ACK, BYE, CANCEL, INVITE, OPTIONS, UPDATE', supported: 'replaces',
    web: web('generic-login', 'OBi', 'OBi202', { auth: { scheme: 'Digest', realm: 'OBi202' } }), mdnsName: 'OBi202',
  },
  {
    id: 'avm-fritzbox-7590', vendor: 'AVM', model: 'FRITZ!Box 7590', userAgent: 'AVM FRITZ!Box 7590 154.07.57 (Jun 25 2024)',
    oui: '3CA62F', ouiOrg: /AVM/, udp: [5060], tcp: [5060], tls: [], allow: 'INVITE, ACK, OPTIONS, CANCEL, BYE, UPDATE, PRACK, INFO, SUBSCRIBE, NOTIFY, REFER, MESSAGE, PUBLISH', supported: '100rel, replaces, timer',
    web: web('generic-login', 'FRITZ!Box', 'FRITZ!Box'), mdnsName: 'FRITZ!Box-7590',
  },
  {
    id: 'freepbx-16', vendor: 'Sangoma', model: 'FreePBX 16', userAgent: 'FPBX-16.0.33(18.20.0)',
    oui: '005058', ouiOrg: /sangoma/i, udp: [5060, 5160], tcp: [5060], tls: [], allow: ALLOW_PBX, supported: '100rel, timer, replaces, norefersub',
    web: web('generic-login', 'Apache', 'FreePBX Administration'), mdnsName: 'freepbx',
  },
  {
    id: 'asterisk-18', vendor: 'Digium', model: 'Asterisk 18', userAgent: 'Asterisk PBX 18.20.0',
    oui: '000FD3', ouiOrg: /digium/i, udp: [5060], tcp: [], tls: [], allow: ALLOW_PBX, supported: 'replaces, timer',
    web: web('generic-login', 'Apache', 'Asterisk'), mdnsName: 'asterisk',
  },
  {
    id: 'freeswitch-1.10', vendor: 'FreeSWITCH', model: 'FreeSWITCH 1.10', userAgent: 'FreeSWITCH-mod_sofia/1.10.9-release~64bit',
    oui: '000C29', ouiOrg: /vmware/i, udp: [5060, 5080], tcp: [5080], tls: [], allow: 'INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, INFO, UPDATE, REGISTER, REFER, NOTIFY',
    supported: 'timer, path, replaces', web: web('generic-login', 'nginx', 'FusionPBX'), mdnsName: 'freeswitch',
  },
  // Not phones: the "silent addresses" of a layout (host up, answers ARP, no SIP).
  {
    id: 'workstation', vendor: 'Dell', model: 'OptiPlex', userAgent: null, oui: 'A4BB6D', ouiOrg: /dell/i,
    udp: [], tcp: [], tls: [], allow: '', supported: '', web: null, mdnsName: 'workstation',
  },
  {
    id: 'printer', vendor: 'HP', model: 'LaserJet', userAgent: null, oui: '3CD92B', ouiOrg: /hewlett/i,
    udp: [], tcp: [], tls: [], allow: '', supported: '', web: null, mdnsName: 'printer',
  },
];

export const personaById: ReadonlyMap<string, Persona> = new Map(personas.map((p) => [p.id, p]));

export function persona(id: string): Persona {
  const p = personaById.get(id);
  if (!p) throw new Error(`lab: unknown persona ${id}`);
  return p;
}

/** Fill a User-Agent template with the phone's MAC. */
export function renderUserAgent(template: string | null, mac: string | null): string | null {
  if (template === null) return null;
  const hex = (mac ?? '00:00:00:00:00:00').replace(/:/g, '').toLowerCase();
  return template
    .replaceAll('{mac:}', (mac ?? '00:00:00:00:00:00').toLowerCase())
    .replaceAll('{mac}', hex)
    .replaceAll('{MAC}', hex.toUpperCase());
}

/** A vendor MAC for the n-th phone of a lab: the persona's OUI + a deterministic NIC part. */
export function vendorMac(p: Persona, n: number, salt: number): string {
  const nic = ((salt * 7919 + n * 104729) & 0xffffff) ^ 0x5a5a5a;
  const b = [p.oui.slice(0, 2), p.oui.slice(2, 4), p.oui.slice(4, 6),
    ((nic >> 16) & 0xff).toString(16), ((nic >> 8) & 0xff).toString(16), (nic & 0xff).toString(16)];
  return b.map((x) => x.padStart(2, '0').toLowerCase()).join(':');
}
