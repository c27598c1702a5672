// Per-vendor fixes, shared by the rules that one setting closes. Menu paths and
// parameter names come from /work/shared/fixtures/phone-configs/VENDOR-SETTINGS.md
// and the vendor documents it cites; where no source names a web path or a
// parameter, the entry says so in a note instead of guessing.
import type { VendorFix, VendorKey } from '../types.js';

type Fixes = Partial<Record<VendorKey, VendorFix>>;

const Y_T5 = 'https://manualshive.com/en/manual/yealink/sip-t5-series/sip-t5-series_administrators-manual_3909785-497.html';
const Y_T48G = 'https://easymanua.ls/yealink/sip-t48g/manual/567906?p=280';
const Y_SRTP = 'https://www.easymanua.ls/yealink/sip-t2-series/manual?p=910';
const Y_TPL = 'Yealink commented template y000000000038.cfg (CIGuy/AssertionPhones)';
const GS_GXV3380 = 'https://www.easymanua.ls/grandstream-networks/gxv3380/manual/279098?p=55';
const GS_GXV34 = 'https://www.easymanua.ls/grandstream-networks/gxv34-0-series/manual/1345305?p=46';
const GS_GRP = 'https://manualshive.com/ru/manual/grandstream-networks/grp26-series/grp26-series_security-manual_2255825-9.html';
const GS_GXP17 = 'http://38.142.81.21:8001/manual/grandstream-networks/gxp1780/user-s-manual-english/page-24.html';
const GS_WEB = 'https://www.easymanua.ls/grandstream-networks/gxv34-0-series/manual/1345305?p=60';
const GS_SX = 'sipXcom/sipxecs sipXgrandstream/etc/grandstream/phone.xml';
const GS_TPL = 'Grandstream GXP116x 1.0.8.9 default template (wazo-platform/wazo-provd-plugins)';
const SN_SX = 'sipXcom/sipxecs sipXsnom/etc/snom/phone.xml';
const SN_SEC = 'https://service.snom.com/plugins/viewsource/viewpagesrc.action?pageId=17368310';
const SN_TRAUD = 'https://www.traud.de/voip/snom.htm';
const SN_320 = 'https://azmanual.top/manuals/152420/snom-320.html?page=92';
const CS_ADM = 'http://38.142.81.21:8001/manual/cisco/521sg/operation-manual-english/page-131.html';
const CS_9000 = 'http://www.manualowl.com/m/Linksys/SPA921/Manual/40161?page=256';
const CS_PROV = 'http://phone.manualsonline.com/manuals/mfg/cisco_systems/spa9000_1.html?p=185';
const CS_MPP = 'https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/cuipph/MPP/7800/english/adminguide/administration/pa2d_b_7800-mpp-ag-11/pa2d_b_7800-mpp-ag-11_chapter_01111.html';
const PL_14 = 'https://azmanual.top/manuals/183764/polycom-version-14x-17.html?page=125';
const PL_416 = 'http://38.142.81.21:8001/manual/polycom/2200-46350-025/user-s-guide-english/page-57.html';
const PL_416T = 'http://38.142.81.21:8001/manual/polycom/2200-46350-025/user-s-guide-english/page-56.html';
const PL_CFG = 'Polycom UC Software sample ucs5-lync-shared.cfg (httpd.*, device.auth.*, feature.urlDialing.enabled)';
const FV_WAZO = 'wazo-platform/wazo-provd-plugins plugins/wazo-fanvil/common/templates/base.tpl';
const FV_X3 = 'https://manualshive.com/ru/manual/fanvil/x3/543968?page=58';
const FV_FPBX = 'fusionpbx/fusionpbx-docs source/applications/provision/provision_manual_fanvil.rst';
const PA_HDV = 'https://www.easymanua.ls/panasonic/kx-hdv100/manual/642719?p=216';
const PA_UT = 'https://www.easymanua.ls/panasonic/kx-ut113/manual/495295?p=256';
const PA_TGP = 'https://fr.slideserve.com/johnda/feature-preventing-phantom-calls-tgp500-550-powerpoint-ppt-presentation';
const HT_TPL = 'wazo-platform/wazo-provd-plugins plugins/wazo-htek/2.0.4.4.58/templates/base.tpl';
const HT_COMMON = 'wazo-platform/wazo-provd-plugins plugins/wazo-htek/common/common.py';
const HT_MODEL = 'wazo-platform/wazo-provd-plugins plugins/wazo-htek/2.0.4.4.58/templates/common/model.tpl';
const GS_C470 = 'https://www.easymanua.ls/siemens/gigaset-c470-ip/manual?p=117';
const GS_N720 = 'wazo-platform/wazo-provd-plugins plugins/xivo-gigaset/NXXX_IP_PRO/templates/base_n720.tpl';

const noSetting = (sources: string[], notes: string[] = ['notes.noVerifiedSetting']): VendorFix => ({ web: [], parameters: [], notes, sources });

/** "Accept SIP only from the registrar/proxy": the one setting that silences ghost calls. */
export const TRUST_FIXES: Fixes = {
  yealink: {
    web: [{ path: ['Features', 'General Information'], setting: 'Accept SIP Trust Server Only', value: 'Enabled' }],
    parameters: [{ name: 'sip.trust_ctrl', value: '1' }],
    notes: ['notes.yealinkTrustNoIpCall'],
    sources: [Y_T5, Y_T48G],
  },
  grandstream: {
    web: [{ path: ['Account X', 'SIP Settings', 'Advanced Settings'], setting: 'Accept Incoming SIP from Proxy Only', value: 'Yes' }],
    parameters: [{ name: 'P2347', value: '1' }, { name: 'P2447', value: '1' }, { name: 'P243', value: '1' }],
    notes: ['notes.grandstreamPerAccount'],
    sources: [GS_GXV3380, GS_GXV34, GS_TPL, GS_SX],
  },
  snom: {
    web: [],
    parameters: [{ name: 'filter_registrar', value: 'on' }],
    notes: ['notes.webPathUnverified'],
    sources: [SN_SX],
  },
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'Ext 1', 'SIP Settings'], setting: 'Auth INVITE', value: 'yes' }],
    parameters: [{ name: 'Auth_INVITE_1_', value: 'Yes' }],
    notes: ['notes.ciscoRestrictSourceIp'],
    sources: [CS_ADM, CS_9000],
  },
  poly: {
    web: [],
    parameters: [
      { name: 'voIpProt.SIP.requestValidation.1.request', value: 'INVITE' },
      { name: 'voIpProt.SIP.requestValidation.1.method', value: 'source' },
    ],
    notes: ['notes.webPathUnverified'],
    sources: [PL_14, PL_416],
  },
  fanvil: noSetting([FV_WAZO]),
  // SSAF (SIP Source Address Filter), per line; the bulletin is Panasonic's "Preventing Phantom Calls".
  panasonic: {
    web: [],
    parameters: [{ name: 'SIP_DETECT_SSAF_1', value: 'Y' }],
    notes: ['notes.webPathUnverified'],
    sources: [PA_HDV, PA_UT, PA_TGP],
  },
};

/** "Allow IP call" off: a call to sip:<phone-ip> without an account is refused. */
export const DIRECT_IP_FIXES: Fixes = {
  yealink: {
    web: [{ path: ['Features', 'General Information'], setting: 'Allow IP Call', value: 'Disabled' }],
    parameters: [{ name: 'features.direct_ip_call_enable', value: '0' }],
    notes: ['notes.menuPathUnverified', 'notes.reboot'],
    sources: [Y_T48G, Y_TPL],
  },
  grandstream: {
    web: [{ path: ['Settings', 'Call Features'], setting: 'Disable Direct IP Call', value: 'Yes' }],
    parameters: [{ name: 'P1310', value: '1' }],
    sources: [GS_GRP, GS_SX],
  },
  snom: noSetting([SN_SX], ['notes.noVerifiedSetting', 'notes.snomBlockUrlDialing']),
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'Ext 1', 'Dial Plan'], setting: 'Enable IP Dialing', value: 'no' }],
    parameters: [{ name: 'Enable_IP_Dialing_1_', value: 'No' }, { name: 'Ans_Call_Without_Reg_1_', value: 'No' }],
    notes: ['notes.menuPathUnverified'],
    sources: [CS_ADM],
  },
  poly: {
    web: [],
    parameters: [{ name: 'feature.urlDialing.enabled', value: '0' }],
    notes: ['notes.polyUrlDialing'],
    sources: [PL_CFG],
  },
  fanvil: noSetting([FV_WAZO]),
};

/** A non-standard local SIP port: scanners sweep 5060 first (obscurity, not protection). */
export const SIP_PORT_FIXES: Fixes = {
  yealink: {
    web: [],
    parameters: [{ name: 'sip.listen_port', value: '5040' }, { name: 'account.1.sip_listen_port', value: '5040' }],
    notes: ['notes.webPathUnverified', 'notes.anyFreePort'],
    sources: [Y_TPL],
  },
  grandstream: {
    web: [{ path: ['Account 1', 'SIP Settings', 'Basic Settings'], setting: 'Local SIP Port', value: '5040' }],
    parameters: [{ name: 'P40', value: '5040' }, { name: 'P78', value: '1' }],
    notes: ['notes.grandstreamRandomPort', 'notes.anyFreePort'],
    sources: [GS_GXP17],
  },
  snom: {
    web: [],
    parameters: [{ name: 'network_id_port', value: '5040' }],
    notes: ['notes.webPathUnverified', 'notes.anyFreePort'],
    sources: [SN_SX, SN_320],
  },
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'Ext 1', 'SIP Settings'], setting: 'SIP Port', value: '5040' }],
    parameters: [{ name: 'SIP_Port_1_', value: '5040' }],
    notes: ['notes.anyFreePort'],
    sources: [CS_ADM],
  },
  poly: {
    web: [],
    parameters: [{ name: 'voIpProt.SIP.local.port', value: '5040' }],
    notes: ['notes.webPathUnverified', 'notes.anyFreePort'],
    sources: [PL_416],
  },
  fanvil: {
    web: [],
    parameters: [{ name: 'SIP__Port', value: '5040' }],
    notes: ['notes.webPathUnverified', 'notes.anyFreePort'],
    sources: [FV_WAZO],
  },
  htek: {
    web: [],
    parameters: [{ name: 'P40 (Account1.LocalSipPort)', value: '5040' }],
    notes: ['notes.webPathUnverified', 'notes.anyFreePort'],
    sources: [HT_TPL],
  },
};

/** An admin (and user) password on the web UI, not the vendor default. */
export const PASSWORD_FIXES: Fixes = {
  yealink: {
    web: [],
    parameters: [{ name: 'security.user_password', value: 'admin:<new password>' }],
    notes: ['notes.webPathUnverified', 'notes.yealinkDefaults'],
    sources: [Y_TPL, 'https://raw.githubusercontent.com/urcuqui/exploit-database/7eac4c3a2ce5b0fc0bdcaf2e527b225d78df42ee/platforms/hardware/remote/33739.txt'],
  },
  grandstream: {
    web: [],
    parameters: [{ name: 'P2', value: '<new admin password>' }, { name: 'P196', value: '<new user password>' }],
    notes: ['notes.webPathUnverified', 'notes.grandstreamDefaults'],
    sources: [GS_SX],
  },
  snom: {
    web: [
      { path: ['Advanced', 'QoS/Security'], setting: 'HTTP Server user / password', value: '<new user and password>' },
      { path: ['Advanced', 'QoS/Security'], setting: 'Administrator Password', value: '<new password>' },
    ],
    parameters: [{ name: 'http_user', value: '<new user>' }, { name: 'http_pass', value: '<new password>' }, { name: 'admin_mode_password', value: '<new password>' }],
    notes: ['notes.snomDefaults'],
    sources: [SN_SEC, SN_TRAUD, SN_SX],
  },
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'System'], setting: 'Admin Passwd', value: '<new password>' }],
    parameters: [{ name: 'Admin_Passwd', value: '<new password>' }, { name: 'User_Password', value: '<new password>' }],
    notes: ['notes.ciscoDefaults'],
    sources: [CS_PROV, CS_MPP],
  },
  poly: {
    web: [],
    parameters: [{ name: 'device.auth.localAdminPassword', value: '<new password>' }, { name: 'device.auth.localUserPassword', value: '<new password>' }],
    notes: ['notes.webPathUnverified', 'notes.polyDefaults'],
    sources: [PL_CFG, 'qweasader/gbn 2015/sw_polycom_soundstation_ip_web_default_credentials.nasl'],
  },
  fanvil: {
    web: [{ path: ['System', 'User Profiles'], setting: 'admin password', value: '<new password>' }],
    parameters: [{ name: 'MMI_Account (Name admin) Password', value: '<new password>' }],
    notes: ['notes.fanvilDefaults'],
    sources: [FV_X3, FV_WAZO, FV_FPBX],
  },
  // The system PIN (factory 0000) also opens the web configurator [GS_C470]; provisioned as BS_CUSTOM.aucKdsPin[0].
  gigaset: {
    web: [],
    parameters: [{ name: 'BS_CUSTOM.aucKdsPin[0]', value: '<new 4-digit PIN as 0xNN,0xNN>' }],
    notes: ['notes.webPathUnverified'],
    sources: [GS_C470, GS_N720],
  },
  htek: {
    web: [],
    parameters: [{ name: 'P2 (AdminPassword)', value: '<new password>' }, { name: 'P196 (UserPassword)', value: '<new password>' }],
    notes: ['notes.webPathUnverified'],
    sources: [HT_MODEL],
  },
  panasonic: {
    web: [],
    parameters: [],
    notes: ['notes.panasonicDefaults'],
    sources: ['https://www.manualowl.com/m/Panasonic/KX-TGP500B04/Manual/257757?page=52', 'http://www.manualslib.com/manual/1256824/Panasonic-Kx-Hdv430.html?page=93'],
  },
};

/** Status/config pages without login: the passwords, plus Cisco MPP's unauthenticated direct-action URLs. */
export const CONFIG_UNAUTH_FIXES: Fixes = mergeFixes(PASSWORD_FIXES, {
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'System'], setting: 'Enable Direct Action Url', value: 'No' }],
    parameters: [],
    notes: ['notes.menuPathUnverified', 'notes.ciscoDirectAction'],
    sources: [CS_MPP, 'https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/cuipph/MPP/7800/english/adminguide/administration/pa2d_b_7800-mpp-ag-11/pa2d_b_7800-mpp-ag-11_chapter_01010.html'],
  },
});

/** Web UI over HTTPS only. */
export const HTTPS_FIXES: Fixes = {
  yealink: {
    web: [],
    parameters: [{ name: 'network.web_server_type', value: '3' }, { name: 'static.wui.http_enable', value: '0' }, { name: 'static.wui.https_enable', value: '1' }],
    notes: ['notes.webPathUnverified'],
    sources: [Y_TPL],
  },
  grandstream: {
    web: [{ path: ['Maintenance', 'Web/SSH Access'], setting: 'Access Method', value: 'HTTPS' }],
    parameters: [{ name: 'P900', value: 'HTTPS' }],
    notes: ['notes.grandstreamValueCodes'],
    sources: [GS_WEB, GS_SX],
  },
  snom: {
    web: [{ path: ['Advanced', 'Network'], setting: 'Webserver Connection Type', value: 'HTTPS' }],
    parameters: [{ name: 'webserver_type', value: 'https' }],
    sources: [SN_SEC, SN_TRAUD, SN_SX],
  },
  cisco: noSetting([CS_MPP], ['notes.ciscoNoHttps']),
  poly: {
    web: [],
    parameters: [{ name: 'httpd.cfg.secureTunnelEnabled', value: '1' }, { name: 'httpd.cfg.secureTunnelRequired', value: '1' }],
    notes: ['notes.webPathUnverified'],
    sources: [PL_CFG],
  },
  fanvil: {
    web: [],
    parameters: [{ name: 'Web_Server_Type', value: 'HTTPS' }],
    notes: ['notes.webPathUnverified', 'notes.valueCodeUnverified'],
    sources: [FV_WAZO],
  },
};

/** SIP over TLS to the provider (needs the provider to offer it). */
export const TLS_FIXES: Fixes = {
  yealink: {
    web: [],
    parameters: [{ name: 'account.1.sip_server.1.transport_type', value: '2' }],
    notes: ['notes.webPathUnverified', 'notes.yealinkTransportCodes'],
    sources: ['805e0c83fae4.cfg (CIGuy/AssertionPhones, FusionPBX-style template)'],
  },
  grandstream: {
    web: [{ path: ['Accounts', 'Account X', 'SIP Settings', 'Basic Settings'], setting: 'SIP Transport', value: 'TLS' }],
    parameters: [],
    notes: ['notes.parameterUnverified'],
    sources: [GS_GRP, 'http://38.142.81.21:8001/manual/grandstream-networks/gxp2140/user-s-manual-german-english/page-42.html'],
  },
  snom: {
    web: [{ path: ['Identity 1', 'Login'], setting: 'Outbound Proxy', value: '<provider host>;transport=tls' }],
    parameters: [{ name: 'user_outbound', value: '<provider host>;transport=tls' }],
    sources: [SN_TRAUD],
  },
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'Ext 1', 'SIP Settings'], setting: 'SIP Transport', value: 'TLS' }],
    parameters: [],
    notes: ['notes.parameterUnverified'],
    sources: [CS_ADM],
  },
  poly: {
    web: [],
    parameters: [{ name: 'reg.1.server.1.transport', value: 'TLS' }],
    notes: ['notes.webPathUnverified'],
    sources: [PL_416T],
  },
  fanvil: {
    web: [],
    parameters: [{ name: 'SIP1 Transport', value: 'TLS' }],
    notes: ['notes.webPathUnverified', 'notes.valueCodeUnverified'],
    sources: [FV_WAZO],
  },
  htek: {
    web: [],
    parameters: [{ name: 'P130 (Account1.SipTransport)', value: '2' }],
    notes: ['notes.webPathUnverified'],
    sources: [HT_TPL, HT_COMMON],
  },
};

/** SRTP (encrypted media). */
export const SRTP_FIXES: Fixes = {
  yealink: {
    web: [],
    parameters: [{ name: 'account.1.srtp_encryption', value: '2' }],
    notes: ['notes.webPathUnverified', 'notes.srtpWithTls'],
    sources: [Y_SRTP],
  },
  grandstream: noSetting([GS_SX], ['notes.parameterUnverified', 'notes.srtpWithTls']),
  snom: {
    web: [{ path: ['Identity 1', 'RTP'], setting: 'RTP Encryption', value: 'on' }],
    parameters: [{ name: 'user_srtp', value: 'on' }],
    notes: ['notes.srtpWithTls'],
    sources: [SN_TRAUD],
  },
  cisco: {
    web: [],
    parameters: [{ name: 'Secure_Call_Setting_1_', value: 'Yes' }],
    notes: ['notes.webPathUnverified', 'notes.srtpWithTls'],
    sources: [CS_ADM],
  },
  poly: {
    web: [],
    parameters: [{ name: 'sec.srtp.enable', value: '1' }, { name: 'sec.srtp.offer', value: '1' }, { name: 'sec.srtp.require', value: '1' }],
    notes: ['notes.webPathUnverified', 'notes.srtpWithTls'],
    sources: ['wazo-platform/wazo-provd-plugins plugins/xivo-polycom/common/templates/base.tpl'],
  },
  fanvil: noSetting([FV_WAZO], ['notes.noVerifiedSetting', 'notes.srtpWithTls']),
};

/** Firmware upgrade: where each vendor takes a new image. */
export const UPGRADE_FIXES: Fixes = {
  yealink: {
    web: [{ path: ['Settings', 'Upgrade'], setting: 'Upgrade Firmware', value: '<fixed firmware file>' }],
    parameters: [{ name: 'static.firmware.url', value: '<URL of the fixed firmware>' }],
    notes: ['notes.menuPathUnverified'],
    sources: [Y_TPL],
  },
  grandstream: {
    web: [{ path: ['Maintenance', 'Upgrade and Provisioning'], setting: 'Firmware Server Path', value: '<server with the fixed firmware>' }],
    parameters: [{ name: 'P192', value: '<firmware server path>' }],
    sources: [GS_SX],
  },
  snom: {
    web: [{ path: ['Software Update'], setting: 'Firmware', value: '<URL of the fixed firmware>' }],
    parameters: [],
    notes: ['notes.parameterUnverified'],
    sources: [SN_TRAUD],
  },
  cisco: {
    web: [{ path: ['Admin Login', 'advanced', 'Voice', 'Provisioning'], setting: 'Upgrade Rule', value: '<URL of the fixed firmware>' }],
    parameters: [{ name: 'Upgrade_Rule', value: '<URL of the fixed firmware>' }],
    sources: [CS_PROV],
  },
  poly: {
    web: [],
    parameters: [{ name: 'device.prov.upgradeServer', value: '<server with the fixed firmware>' }],
    notes: ['notes.webPathUnverified'],
    sources: [PL_CFG],
  },
  fanvil: {
    web: [{ path: ['System', 'Upgrade'], setting: 'Upgrade', value: '<fixed firmware file>' }],
    parameters: [],
    notes: ['notes.parameterUnverified'],
    sources: [FV_X3],
  },
};

/** Several fixes for one finding (e.g. trust + direct IP for a phone that rang): merged per vendor. */
export function mergeFixes(...sets: Fixes[]): Fixes {
  const out: Fixes = {};
  for (const set of sets) {
    for (const [k, fix] of Object.entries(set) as Array<[VendorKey, VendorFix]>) {
      const prev = out[k];
      out[k] = prev
        ? { web: [...prev.web, ...fix.web], parameters: [...prev.parameters, ...fix.parameters], notes: [...new Set([...(prev.notes ?? []), ...(fix.notes ?? [])])], sources: [...new Set([...prev.sources, ...fix.sources])] }
        : fix;
    }
  }
  return out;
}
