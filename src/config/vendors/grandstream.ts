// Grandstream P-values. Sources: the VENDOR-SETTINGS.md Grandstream table; the
// per-account numbers for account 2 (P402 server, P404 user, P413 port) follow
// the same GXP layout as account 1 (P47, P35, P40) in the real files.
import { bool01, mac, notBool01, serverUrl, text } from './transforms.js';
import type { VendorMap } from './rules.js';

// GXP16xx fw 1.0.4.57 commented template (madridist88/grandstream_provisioning cfg.xml), lines 87-93.
const GS_CFG = 'https://github.com/madridist88/grandstream_provisioning/blob/79aa88ca8a5a9bfa9e7e73b0848c09c9f33a91bd/cfg.xml';
// Grandstream GXP116x 1.0.8.9 default template (P2347, default 0) and sipXecs phone.xml (P243).
const GS_ACCEPT_PROXY_ONLY = 'https://github.com/sipXcom/sipxecs/blob/e7fef030c881ea1f77c6509eb44759a64b9a54a9/sipXgrandstream/etc/grandstream/phone.xml#L1779';

/** P237 Config Server Path; P212 Config Upgrade Via: 0 TFTP, 1 HTTP (default), 2 HTTPS. */
const P212 = { param: 'P212', table: { '0': 'tftp', '1': 'http', '2': 'https', '3': 'ftp', '4': 'ftps' }, fallback: 'http' };

export const grandstream: VendorMap = {
  id: 'grandstream',
  name: 'Grandstream',
  mac: { params: ['mac'], map: mac },
  accounts: [
    { registrar: ['P47'], user: ['P35'] },
    { registrar: ['P402'], user: ['P404'] },
  ],
  localSipPorts: { params: ['P40', 'P413'], default: { value: [5060], source: `${GS_CFG}#L87-L93` } },
  // P2347 "Accept Incoming SIP from Proxy Only" (account 1, newer GXP); P243 on older models. 0 = no (default).
  trustedServerOnly: { params: ['P2347', 'P243'], map: bool01, default: { value: false, source: GS_ACCEPT_PROXY_ONLY } },
  // P1310 "Disable Direct IP Call": 1 = direct IP calls disabled.
  directIpCalls: { params: ['P1310'], map: notBool01 },
  provisioningUrl: { derive: (get) => serverUrl(get, 'P237', P212) },
  nat: {
    stunServer: { params: ['P76'], map: text },
  },
};
