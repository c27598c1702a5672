// Htek UC9xx `para` names (Account1.Sipserver …), with the P-numbers for files
// written without `para`. Source: the hl_provision templates in
// wazo-platform/wazo-provd-plugins plugins/wazo-htek and a public Laravel
// provisioning template (see test/fixtures/phone-configs/SOURCES.md). No source
// names an Htek setting for "accept SIP only from the server" or direct IP
// calls, nor the SRTP/NAT value codes, so those stay null.
import { mac, oneOf, text } from './transforms.js';
import { type VendorMap } from './rules.js';

// Account n's P-numbers (n = 1, 2) as the templates show them.
const P = {
  sipserver: ['P47', 'P747'],
  userId: ['P35', 'P735'],
  transport: ['P130', 'P830'],
  localPort: ['P40', 'P740'],
};
const ACCOUNTS = 6; // the templates loop accounts 1..6

// wazo-htek common/common.py `_SIP_TRANSPORT = {udp: 0, tcp: 1, tls: 2}`, `_SIP_TRANSPORT_DEF = 0`;
// "3-DNS SRV" only from a public template's comment ("0-UDP (default), 1-TCP, 2-TLS, 3-DNS SRV").
const transport = oneOf({ '0': 'udp', '1': 'tcp', '2': 'tls', '3': 'dns-srv' });

export const htek: VendorMap = {
  id: 'htek',
  name: 'Htek',
  mac: { params: ['Mac'], map: mac },
  accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
    registrar: [`Account${i + 1}.Sipserver`, `Profile${i + 1}_Sipserver`, ...(P.sipserver[i] ? [P.sipserver[i]!] : [])],
    user: [`Account${i + 1}.SipUserId`, ...(P.userId[i] ? [P.userId[i]!] : [])],
    transport: { params: [`Account${i + 1}.SipTransport`, ...(P.transport[i] ? [P.transport[i]!] : [])], map: transport },
  })),
  localSipPorts: { params: Array.from({ length: ACCOUNTS }, (_, i) => [`Account${i + 1}.LocalSipPort`, ...(P.localPort[i] ? [P.localPort[i]!] : [])]).flat() },
  provisioningUrl: { params: ['FirmwareUpGrade.ConfigServerPath', 'FirmwareUpGrade_ConfigServerPath', 'P237'], map: text },
};
