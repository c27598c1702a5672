// Gigaset IP DECT bases, `<ProviderFrame>` SYMB_ITEM IDs. Account 1 is written
// with no suffix (Gemeinschaft 5, sail) or with `_1` (wazo N720 template);
// accounts 2..6 carry `_n`. Sources: see formats/gigaset.ts. No public source
// names a Gigaset item for "accept SIP only from the registrar", direct IP
// calls, the local SIP port or the web UI protocol, so those stay null.
import { mac, oneOf, text } from './transforms.js';
import { perAccount, type Get, type Picked, type Srtp, type VendorMap } from './rules.js';

const ACCOUNTS = 6; // Gemeinschaft 5 ConfigGigasetController: MAX_SIP_ACCOUNTS = 6
const d1 = (item: string, n: number) => (n === 1 ? [`BS_IP_Data1.${item}`, `BS_IP_Data1.${item}_1`] : [`BS_IP_Data1.${item}_${n}`]);

export const gigaset: VendorMap = {
  id: 'gigaset',
  name: 'Gigaset',
  mac: { params: ['MAC_ADDRESS'], map: mac },
  accounts: perAccount(ACCOUNTS, (n) => ({
    registrar: [...d1('aucS_SIP_REGISTRAR', n), ...d1('aucS_SIP_SERVER', n), ...(n === 1 ? ['S_SIP_REGISTRAR', 'S_SIP_SERVER'] : [])],
    user: [...d1('aucS_SIP_USER_ID', n), ...(n === 1 ? ['S_SIP_USER_ID'] : [])],
  })),
  // "WEB UI: Settings - Management - Firmware update - Data Server" (wazo N720 template);
  // Gemeinschaft 5 points it at its provisioning host.
  provisioningUrl: { params: ['BS_IP_Data1.aucS_DATA_SERVER[0]'], map: text },
  nat: { stunServer: { params: [...d1('aucS_STUN_SERVER', 1)], map: text } },
};

// N670/N870 IP PRO: accounts are the VoIP provider profiles `SipProvider.<i>` (handsets point
// at one with `SipAccount.<hs>.ProviderId`; that link is not followed, so `user` stays null).
// TransportProtocol: wazo-gigaset maps udp → 1, tcp → 2, tls → 3, and its template turns on
// UseSIPS and SRTP together with "3" (plugins/wazo-gigaset/N870-83.v2.17.2/common.py, Nx70 base.tpl).
const PROVIDERS = 10;
const proTransport = oneOf({ '1': 'udp', '2': 'tcp', '3': 'tls' });

/** SRTP_Enabled 0/1; with it on, AcceptNonSRTPCalls 0 means SRTP is required (semantics per the names). */
function proSrtp(get: Get): Picked<Srtp | null> | null {
  const on = get('SipProvider.0.SRTP_Enabled');
  if (!on) return null;
  if (on.value.trim() === '0') return { value: 'off', parameter: 'SipProvider.0.SRTP_Enabled' };
  if (on.value.trim() !== '1') return null;
  const plain = get('SipProvider.0.AcceptNonSRTPCalls')?.value.trim();
  if (plain === '0') return { value: 'required', parameter: 'SipProvider.0.SRTP_Enabled + SipProvider.0.AcceptNonSRTPCalls' };
  if (plain === '1') return { value: 'optional', parameter: 'SipProvider.0.SRTP_Enabled + SipProvider.0.AcceptNonSRTPCalls' };
  return null;
}

export const gigasetPro: VendorMap = {
  id: 'gigaset',
  name: 'Gigaset',
  accounts: Array.from({ length: PROVIDERS }, (_, i) => ({
    registrar: [`SipProvider.${i}.RegServerAddress`, `SipProvider.${i}.ProxyServerAddress`, `SipProvider.${i}.Domain`],
    user: [],
    transport: { params: [`SipProvider.${i}.TransportProtocol`], map: proTransport },
  })),
  provisioningUrl: { params: ['Provisioning.global.ProvisioningServer'], map: text },
  srtp: { derive: proSrtp },
};
