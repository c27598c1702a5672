// Cisco SPA/Linksys and MPP flat profiles (element = web-UI label with `_`, line
// suffix `_N_`), enterprise SEP*.cnf.xml (dotted paths) and 79xx SIP text.
// Sources: the VENDOR-SETTINGS.md Cisco table. Two maps: SPA/MPP flat profiles
// (`cisco`) and enterprise SEP/79xx files (`ciscoEnterprise`), whose settings differ.
import { oneOf, text, yesNo } from './transforms.js';
import { perAccount, range, type VendorMap } from './rules.js';

// SPA9000 Administration Guide p.254-255: "Restrict Source IP" (default no).
const SPA9000a = 'http://www.manualowl.com/m/Linksys/SPA921/Manual/40161?page=256';

const LINES = 12;

export const cisco: VendorMap = {
  id: 'cisco',
  name: 'Cisco',
  // Flat-profile schema URL names the model: xmlns="http://www.sipura.net/xsd/SPA2102".
  model: { params: ['@xmlns'], map: (v) => /\/xsd\/([A-Za-z0-9-]+)\/?$/.exec(v.trim())?.[1] ?? null },
  accounts: [
    ...perAccount(LINES, (n) => ({
      registrar: [`Proxy_${n}_`],
      user: [`User_ID_${n}_`],
      // "SIP Transport" (UDP default, TLS selectable); element name by the labelling rule.
      transport: { params: [`SIP_Transport_${n}_`], map: oneOf({ udp: 'udp', tcp: 'tcp', tls: 'tls', auto: 'auto' }) },
    })),
  ],
  localSipPorts: {
    params: range(LINES, (n) => `SIP_Port_${n}_`),
  },
  // "Restrict Source IP" (element name by the labelling rule; not seen in a sample file).
  trustedServerOnly: { params: ['Restrict_Source_IP_1_', 'Restrict_Source_IP'], map: yesNo, default: { value: false, source: SPA9000a } },
  directIpCalls: { params: ['Enable_IP_Dialing_1_'], map: yesNo },
  // SPA/MPP web server: HTTP (port 80); "Enable Web Server" no = no web UI.
  webProtocol: { params: ['Enable_Web_Server'], map: (v) => (yesNo(v) ? 'http' : null), off: ['no', 'false', '0'] },
  // A profile rule may start with options (`[--key …] url`): the URL is what follows.
  provisioningUrl: { params: ['Profile_Rule'], map: (v) => text(v.replace(/^\s*\[[^\]]*\]\s*/, '')) },
  srtp: {
    params: ['Secure_Call_Setting_1_', 'Secure_Call_Setting'],
    map: (v) => {
      const b = yesNo(v);
      return b === null ? null : b ? 'optional' : 'off';
    },
  },
  nat: {
    stunServer: { params: ['STUN_Server'], map: text },
    keepAlive: { params: ['NAT_Keep_Alive_Enable_1_'], map: yesNo },
  },
};


/** Enterprise SIP firmware: SEP<MAC>.cnf.xml (dotted paths) and 79xx `key:value` text. */
export const ciscoEnterprise: VendorMap = {
  id: 'cisco',
  name: 'Cisco',
  firmware: { params: ['loadInformation'], map: text },
  accounts: perAccount(LINES, (n) => ({
    registrar: [`sipProfile.sipLines.line${n}.proxy`, `proxy${n}_address`],
    user: [`sipProfile.sipLines.line${n}.name`, `line${n}_name`],
  })),
  localSipPorts: { params: ['sipProfile.voipControlPort', 'voip_control_port'] },
};
