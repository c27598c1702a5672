// The expected normalised values of every repo fixture, written out by hand from
// the fixture files (not captured from the code's output).
import type { PhoneConfig } from '../../src/api/result.js';

type Expected = Omit<PhoneConfig, 'provenance'>;
interface Case {
  file: string;
  vendor: string;
  format: string;
  config: Expected;
  /** field → [parameter, defaulted] */
  provenance: Record<string, [string | null, boolean]>;
}

const base = { model: null, mac: null, firmware: null, srtp: null, nat: null, provisioningUrl: null, webProtocol: null, directIpCalls: null, trustedServerOnly: null, localSipPorts: null };
const nat = (n: Partial<NonNullable<PhoneConfig['nat']>>) => ({ stunServer: null, sipAlgWorkaround: null, keepAlive: null, ...n });

export const CASES: Case[] = [
  {
    file: 'yealink/unsafe-common-y000000000044.cfg', vendor: 'yealink', format: 'yealink-cfg',
    config: { ...base, vendor: 'Yealink', accounts: [{ registrar: 'pbx.example.test', user: '201', transport: 'udp' }], localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, webProtocol: 'both', provisioningUrl: 'http://prov.example.test/yealink/', srtp: 'off' },
    provenance: { trustedServerOnly: ['sip.trust_ctrl', false], directIpCalls: ['features.direct_ip_call_enable', false], localSipPorts: ['account.1.sip_listen_port', false], provisioningUrl: ['static.auto_provision.server.url', false], 'accounts[0].registrar': ['account.1.sip_server.1.address', false], webProtocol: ['wui.http_enable + wui.https_enable', false] },
  },
  {
    file: 'yealink/safe-805ec0aabbcc.cfg', vendor: 'yealink', format: 'yealink-cfg',
    config: { ...base, vendor: 'Yealink', accounts: [{ registrar: 'sbc.example.test', user: '1042', transport: 'tls' }, { registrar: 'sbc.example.test', user: '1043', transport: 'tls' }], localSipPorts: [15060, 15062], trustedServerOnly: true, directIpCalls: false, webProtocol: 'https', provisioningUrl: 'https://prov.example.test/yealink/?token=***', srtp: 'required' },
    provenance: { trustedServerOnly: ['sip.trust_ctrl', false], 'accounts[0].transport': ['account.1.sip_server.1.transport_type', false], webProtocol: ['static.wui.http_enable + static.wui.https_enable', false], srtp: ['account.1.srtp_encryption', false] },
  },
  {
    file: 'yealink/defaults-only-account.cfg', vendor: 'yealink', format: 'yealink-cfg',
    config: { ...base, vendor: 'Yealink', accounts: [{ registrar: '192.0.2.10', user: '300', transport: null }], trustedServerOnly: false, directIpCalls: true, webProtocol: 'both' },
    provenance: { trustedServerOnly: ['sip.trust_ctrl', true], directIpCalls: ['features.direct_ip_call_enable', true], webProtocol: ['network.web_server_type', true] },
  },
  {
    file: 'yealink/oldstyle-t28.cfg', vendor: 'yealink', format: 'yealink-old-cfg',
    config: { ...base, vendor: 'Yealink', accounts: [{ registrar: '192.0.2.20', user: '310', transport: null }], localSipPorts: [5070], trustedServerOnly: false, directIpCalls: true, webProtocol: 'both', provisioningUrl: 'ftp://192.0.2.5/phones/', srtp: 'optional', nat: nat({ stunServer: 'stun.example.test' }) },
    provenance: { localSipPorts: ['sipAccount0.cfg/account/SIPListenPort', false], provisioningUrl: ['autop.cfg/autoprovision/server_address', false], srtp: ['sipAccount0.cfg/account/srtp_encryption', false], trustedServerOnly: ['sip.trust_ctrl', true] },
  },
  {
    file: 'grandstream/cfg000b82aabbcc.xml', vendor: 'grandstream', format: 'grandstream-xml',
    config: { ...base, vendor: 'Grandstream', mac: '00:0b:82:aa:bb:cc', accounts: [{ registrar: 'pbx.example.test', user: '2001', transport: null }], localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, provisioningUrl: 'http://prov.example.test/gs' },
    provenance: { trustedServerOnly: ['P2347', false], directIpCalls: ['P1310', false], localSipPorts: ['P40', false], provisioningUrl: ['P237 + P212', false], mac: ['mac', false] },
  },
  {
    file: 'grandstream/gxp-safe-pvalues.txt', vendor: 'grandstream', format: 'grandstream-pvalues',
    config: { ...base, vendor: 'Grandstream', accounts: [{ registrar: 'sbc.example.test', user: '2002', transport: null }, { registrar: 'sbc.example.test', user: '2003', transport: null }], localSipPorts: [15060, 15062], trustedServerOnly: true, directIpCalls: false, provisioningUrl: 'https://prov.example.test/gs/', nat: nat({ stunServer: 'stun.example.test' }) },
    provenance: { localSipPorts: ['P40, P413', false], 'accounts[1].user': ['P404', false], trustedServerOnly: ['P2347', false] },
  },
  {
    file: 'snom/snom-d785-unsafe.xml', vendor: 'snom', format: 'snom-xml',
    config: { ...base, vendor: 'Snom', accounts: [{ registrar: 'pbx.example.test', user: '401', transport: null }], localSipPorts: [5060], trustedServerOnly: false, webProtocol: 'http', provisioningUrl: 'http://prov.example.test/snom/{mac}.xml', srtp: 'off' },
    provenance: { trustedServerOnly: ['filter_registrar', false], webProtocol: ['webserver_type', false], 'accounts[0].registrar': ['user_host1', false], srtp: ['user_srtp1', false] },
  },
  {
    file: 'snom/snom-safe.xml', vendor: 'snom', format: 'snom-xml',
    config: { ...base, vendor: 'Snom', accounts: [{ registrar: 'sbc.example.test', user: '402', transport: null }], localSipPorts: [5062], trustedServerOnly: true, webProtocol: 'https', provisioningUrl: 'https://prov.example.test/snom/', srtp: 'required' },
    provenance: { srtp: ['user_savp1', false], localSipPorts: ['network_id_port', false] },
  },
  {
    file: 'snom/snom-text.cfg', vendor: 'snom', format: 'snom-text',
    config: { ...base, vendor: 'Snom', accounts: [{ registrar: 'pbx.example.test', user: '403', transport: null }], localSipPorts: [5070], trustedServerOnly: false, webProtocol: 'both' },
    provenance: { trustedServerOnly: ['filter_registrar', false], webProtocol: ['webserver_type', false] },
  },
  {
    file: 'cisco/spa504g-unsafe.xml', vendor: 'cisco', format: 'cisco-flat-profile-xml',
    config: { ...base, vendor: 'Cisco', model: 'SPA504G', accounts: [{ registrar: 'pbx.example.test', user: '501', transport: null }], localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, webProtocol: 'http', provisioningUrl: 'http://prov.example.test/spa$MA.cfg', srtp: 'off', nat: nat({ keepAlive: false }) },
    provenance: { trustedServerOnly: ['Restrict_Source_IP_1_', true], directIpCalls: ['Enable_IP_Dialing_1_', false], model: ['@xmlns', false], provisioningUrl: ['Profile_Rule', false] },
  },
  {
    file: 'cisco/mpp-cp8851-safe.xml', vendor: 'cisco', format: 'cisco-flat-profile-xml',
    config: { ...base, vendor: 'Cisco', accounts: [{ registrar: 'sbc.example.test', user: '502', transport: 'tls' }], localSipPorts: [5061], trustedServerOnly: true, directIpCalls: false, webProtocol: null, provisioningUrl: 'https://prov.example.test/mpp/$PSN.xml?auth=***', srtp: 'optional', nat: nat({ stunServer: 'stun.example.test', keepAlive: true }) },
    provenance: { trustedServerOnly: ['Restrict_Source_IP_1_', false], webProtocol: ['Enable_Web_Server', false], 'accounts[0].transport': ['SIP_Transport_1_', false] },
  },
  {
    file: 'cisco/spa-flat-text.cfg', vendor: 'cisco', format: 'cisco-flat-profile-text',
    config: { ...base, vendor: 'Cisco', accounts: [{ registrar: 'pbx.example.test', user: '503', transport: null }], localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, webProtocol: 'http', provisioningUrl: 'tftp://192.0.2.30/spa$MA.cfg' },
    provenance: { directIpCalls: ['Enable_IP_Dialing_1_', false], localSipPorts: ['SIP_Port_1_', false] },
  },
  {
    file: 'cisco/SEP0004f2aabbcc.cnf.xml', vendor: 'cisco', format: 'cisco-sep-cnf-xml',
    config: { ...base, vendor: 'Cisco', mac: '00:04:f2:aa:bb:cc', firmware: 'SIP45.9-4-2SR3-1S', accounts: [{ registrar: 'cucm.example.test', user: '6001', transport: null }], localSipPorts: [5060] },
    provenance: { firmware: ['loadInformation', false], localSipPorts: ['sipProfile.voipControlPort', false], 'accounts[0].registrar': ['sipProfile.sipLines.line1.proxy', false], mac: [null, false] },
  },
  {
    file: 'polycom/0004f2aabbcc.cfg', vendor: 'polycom', format: 'polycom-xml',
    config: { ...base, vendor: 'Polycom', mac: '00:04:f2:aa:bb:cc', accounts: [{ registrar: 'pbx.example.test', user: '701', transport: 'udp' }], localSipPorts: [5060], trustedServerOnly: false, webProtocol: 'http', provisioningUrl: 'http://prov.example.test/poly', srtp: 'off' },
    provenance: { trustedServerOnly: ['voIpProt.SIP.requestValidation.1.method', true], webProtocol: ['httpd.cfg.secureTunnelEnabled', false], provisioningUrl: ['device.prov.serverName', false] },
  },
  {
    file: 'polycom/site-safe.cfg', vendor: 'polycom', format: 'polycom-xml',
    config: { ...base, vendor: 'Polycom', accounts: [{ registrar: 'sbc.example.test', user: '702', transport: 'tls' }], localSipPorts: [5070], trustedServerOnly: true, webProtocol: 'https', provisioningUrl: 'https://prov.example.test/poly', srtp: 'required', nat: nat({ keepAlive: true }) },
    provenance: { trustedServerOnly: ['voIpProt.SIP.requestValidation.1.method', false], webProtocol: ['httpd.cfg.secureTunnelRequired', false], srtp: ['sec.srtp.require', false], provisioningUrl: ['device.prov.serverName + device.prov.serverType', false] },
  },
  {
    file: 'fanvil/0c383eaabbcc.xml', vendor: 'fanvil', format: 'fanvil-xml',
    config: { ...base, vendor: 'Fanvil', mac: '0c:38:3e:aa:bb:cc', accounts: [{ registrar: 'pbx.example.test', user: '801', transport: null }], localSipPorts: [5060], provisioningUrl: 'http://prov.example.test/fanvil' },
    provenance: { localSipPorts: ['SIP_CONFIG_MODULE.SIP__Port', false], 'accounts[0].registrar': ['SIP_CONFIG_MODULE.SIP_Line_List.SIP_Line_List_Entry1.Register_Addr', false] },
  },
  {
    file: 'fanvil/config-text.cfg', vendor: 'fanvil', format: 'fanvil-text',
    config: { ...base, vendor: 'Fanvil', accounts: [{ registrar: 'sbc.example.test', user: '802', transport: null }], localSipPorts: [5062], nat: nat({ stunServer: 'stun.example.test' }) },
    provenance: { localSipPorts: ['SIP CONFIG MODULE.SIP Port', false], provisioningUrl: ['AUTOUPDATE CONFIG MODULE.Download Server IP', false] },
  },
  {
    file: 'panasonic/Config0080F0AABBCC.cfg', vendor: 'panasonic', format: 'panasonic-text',
    // SIP_DETECT_SSAF_1 is given twice (N, then Y): the phone applies the first value.
    config: { ...base, vendor: 'Panasonic', accounts: [{ registrar: 'pbx.example.test', user: '601', transport: null }], localSipPorts: [5060], trustedServerOnly: false, provisioningUrl: 'http://prov.example.test/panasonic/Config{MAC}.cfg' },
    provenance: { trustedServerOnly: ['SIP_DETECT_SSAF_1', false], localSipPorts: ['SIP_SRC_PORT_1', false], provisioningUrl: ['CFG_STANDARD_FILE_PATH', false], 'accounts[0].registrar': ['SIP_RGSTR_ADDR_1', false], 'accounts[0].user': ['SIP_AUTHID_1', false] },
  },
  {
    file: 'panasonic/kx-hdv-safe.cfg', vendor: 'panasonic', format: 'panasonic-text',
    config: { ...base, vendor: 'Panasonic', accounts: [{ registrar: 'sbc.example.test', user: '602', transport: 'tls' }, { registrar: 'sbc.example.test', user: '603', transport: 'tls' }], localSipPorts: [15061, 15063], trustedServerOnly: true, provisioningUrl: 'https://prov.example.test/panasonic/Config{MAC}.cfg' },
    provenance: { trustedServerOnly: ['SIP_DETECT_SSAF_1', false], 'accounts[1].transport': ['SIP_TRANSPORT_2', false], localSipPorts: ['SIP_SRC_PORT_1, SIP_SRC_PORT_2', false] },
  },
  {
    file: 'gigaset/n510-unsafe-7c2f80aabbcc.xml', vendor: 'gigaset', format: 'gigaset-provider-xml',
    config: { ...base, vendor: 'Gigaset', mac: '7c:2f:80:aa:bb:cc', accounts: [{ registrar: 'pbx.example.test', user: '701', transport: null }], provisioningUrl: 'http://prov.example.test/gigaset', nat: nat({ stunServer: 'stun.example.test' }) },
    provenance: { mac: ['MAC_ADDRESS', false], 'accounts[0].registrar': ['BS_IP_Data1.aucS_SIP_REGISTRAR_1', false], provisioningUrl: ['BS_IP_Data1.aucS_DATA_SERVER[0]', false], 'nat.stunServer': ['BS_IP_Data1.aucS_STUN_SERVER_1', false] },
  },
  {
    file: 'gigaset/c610-two-accounts.xml', vendor: 'gigaset', format: 'gigaset-provider-xml',
    // Account 2's registrar is empty: the SIP server item stands in.
    config: { ...base, vendor: 'Gigaset', mac: '7c:2f:80:dd:ee:ff', accounts: [{ registrar: 'sbc.example.test', user: '702', transport: null }, { registrar: 'sbc.example.test', user: '703', transport: null }] },
    provenance: { 'accounts[0].registrar': ['BS_IP_Data1.aucS_SIP_REGISTRAR', false], 'accounts[1].registrar': ['BS_IP_Data1.aucS_SIP_SERVER_2', false], 'accounts[1].user': ['BS_IP_Data1.aucS_SIP_USER_ID_2', false] },
  },
  {
    file: 'htek/cfg001fc1aabbcc.xml', vendor: 'htek', format: 'htek-xml',
    config: { ...base, vendor: 'Htek', mac: '00:1f:c1:aa:bb:cc', accounts: [{ registrar: 'pbx.example.test:5060', user: '801', transport: 'udp' }], localSipPorts: [5062], provisioningUrl: 'http://prov.example.test/htek/' },
    provenance: { 'accounts[0].transport': ['Account1.SipTransport', false], localSipPorts: ['Account1.LocalSipPort', false], provisioningUrl: ['FirmwareUpGrade.ConfigServerPath', false], mac: [null, false] },
  },
  {
    file: 'htek/cfg0019-no-para.xml', vendor: 'htek', format: 'htek-xml',
    config: { ...base, vendor: 'Htek', accounts: [{ registrar: 'sbc.example.test:5061', user: '802', transport: 'tls' }, { registrar: 'sbc.example.test:5061', user: '803', transport: 'tls' }], localSipPorts: [15062, 15064], provisioningUrl: 'https://prov.example.test/htek/' },
    provenance: { 'accounts[0].registrar': ['P47', false], 'accounts[1].transport': ['P830', false], localSipPorts: ['P40, P740', false], provisioningUrl: ['P237', false] },
  },
  {
    file: 'gigaset/n870-safe-provisioning.xml', vendor: 'gigaset', format: 'gigaset-pro-xml',
    // Accounts are the provider profiles (SipProvider.<i>): the handset's user is not linked.
    config: { ...base, vendor: 'Gigaset', accounts: [{ registrar: 'sbc.example.test', user: null, transport: 'tls' }], provisioningUrl: 'https://prov.example.test/gigaset/', srtp: 'required' },
    provenance: { 'accounts[0].registrar': ['SipProvider.0.RegServerAddress', false], 'accounts[0].transport': ['SipProvider.0.TransportProtocol', false], srtp: ['SipProvider.0.SRTP_Enabled + SipProvider.0.AcceptNonSRTPCalls', false], provisioningUrl: ['Provisioning.global.ProvisioningServer', false] },
  },
];
