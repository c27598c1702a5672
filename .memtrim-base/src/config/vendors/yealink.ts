// Yealink: new-style keys (`sip.trust_ctrl`, `account.N.*`, `static.*`) and the
// old sectioned keys (`sipAccount0.cfg/account/SIPListenPort`). Sources: the
// VENDOR-SETTINGS.md Yealink table (../shared/fixtures/phone-configs).
import { bool01, oneOf, text } from './transforms.js';
import { perAccount, range, type Get, type Picked, type VendorMap, type WebProtocol } from './rules.js';

const Y_T5 = 'https://manualshive.com/en/manual/yealink/sip-t5-series/sip-t5-series_administrators-manual_3909785-497.html';
// Yealink's own commented common-file template (y000000000038.cfg), lines 51-53 and 859-861.
const Y38 = 'https://github.com/CIGuy/AssertionPhones/blob/26534ef739a238f1584051163aa9ccafbe5ff058/y000000000038.cfg';

const ACCOUNTS = 16;
const old = (i: number, key: string) => `sipAccount${i}.cfg/account/${key}`;
const both = (key: string) => [key, `static.${key}`];

const transport = oneOf({ '0': 'udp', '1': 'tcp', '2': 'tls', '3': 'dns-naptr' });

// network.web_server_type: 0 disabled, 1 HTTP & HTTPS (default), 2 HTTP only, 3 HTTPS only [Y38 line 51].
const webServerType = oneOf<WebProtocol | 'off'>({ '0': 'off', '1': 'both', '2': 'http', '3': 'https' });

/** Newer `wui.http_enable`/`wui.https_enable` win over `network.web_server_type`. */
function webProtocol(get: Get): Picked<WebProtocol | null> | null {
  const http = [...both('wui.http_enable')].map((p) => [p, get(p)] as const).find(([, e]) => e);
  const https = [...both('wui.https_enable')].map((p) => [p, get(p)] as const).find(([, e]) => e);
  if (http || https) {
    const h = http ? bool01(http[1]!.value) !== false : true; // absent half: enabled by default
    const s = https ? bool01(https[1]!.value) !== false : true;
    const parameter = [http?.[0], https?.[0]].filter(Boolean).join(' + ');
    return { value: h && s ? 'both' : h ? 'http' : s ? 'https' : null, parameter };
  }
  for (const p of both('network.web_server_type')) {
    const e = get(p);
    const v = e && webServerType(e.value);
    if (v) return { value: v === 'off' ? null : v, parameter: p };
  }
  return null;
}

export const yealink: VendorMap = {
  id: 'yealink',
  name: 'Yealink',
  accounts: perAccount(ACCOUNTS, (n, i) => ({
    registrar: [`account.${n}.sip_server.1.address`, `account.${n}.sip_server_host`, old(i, 'SIPServerHost')],
    user: [`account.${n}.user_name`, old(i, 'UserName')],
    transport: { params: [`account.${n}.transport`, `account.${n}.sip_server.1.transport_type`, old(i, 'Transport')], map: transport },
  })),
  localSipPorts: {
    params: [...both('sip.listen_port'), ...range(ACCOUNTS, (n) => `account.${n}.sip_listen_port`), ...range(ACCOUNTS, (_n, i) => old(i, 'SIPListenPort'))],
  },
  trustedServerOnly: { params: both('sip.trust_ctrl'), map: bool01, default: { value: false, source: Y_T5 } },
  directIpCalls: { params: both('features.direct_ip_call_enable'), map: bool01, default: { value: true, source: `${Y38}#L859-L861` } },
  webProtocol: { params: ['network.web_server_type'], derive: webProtocol, default: { value: 'both', source: `${Y38}#L51-L53` } },
  provisioningUrl: {
    params: [...both('auto_provision.server.url'), 'autoprovision.server.url', 'autop.cfg/autoprovision/server_address'],
    map: text,
  },
  srtp: {
    params: ['account.1.srtp_encryption', old(0, 'srtp_encryption')],
    map: oneOf({ '0': 'off', '1': 'optional', '2': 'required' }),
  },
  nat: {
    stunServer: { params: [...both('sip.nat_stun.server'), 'sipAccount0.cfg/NAT/STUNServer'], map: text },
  },
};
