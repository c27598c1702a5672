// Per vendor, how its web UI gives its configuration away: pages the real
// firmware serves without a password, the config download paths, the login
// scheme, and the vendor's default login (tried only with --try-default-passwords).
// Sources: VENDOR-SETTINGS.md "Web interfaces" (../shared/fixtures/phone-configs).
import type { VendorId } from '../types.js';
import type { Credential } from './session.js';

export interface ConfigDownload {
  path: string;
  what: string;
  /** The body must look like this to count as a config (not an HTML login page). */
  expect: RegExp;
}

export type LoginKind =
  | 'http' // HTTP Basic/Digest on the config URL itself (or none at all)
  | 'yealink-form' // POST /servlet?p=login&q=login, session cookie
  | 'grandstream-json' // POST /cgi-bin/dologin → {"response":"success","body":{"sid":…}}
  | 'fanvil-nonce'; // GET /key==nonce, POST / encoded=user:md5(user:pass:nonce), cookie auth=nonce

export interface WebPlan {
  vendor: VendorId;
  /** Pages the real firmware serves without a password: an exposure when they answer. */
  infoPages: { path: string; what: string; expect: RegExp }[];
  configs: ConfigDownload[];
  login: LoginKind;
  defaults: Credential[];
}

// Anchored at the start of the body: a login page's CSS (`#login {`) or a soft-404 must not
// pass for a config file. New style starts with `#!version:`, old style with `[ section ]`.
const YEALINK_CFG = /^\s*(#!version:|\[\s*\w[\w ]*\]|[\w.]+\s*=)/;

export const WEB_PLANS: Partial<Record<VendorId, WebPlan>> = {
  // SPA: no admin password by default, so /admin/ is open; spacfg.xml is the full
  // profile (seen in many public scripts; no vendor source). MPP: /admin/cfg.xml
  // (passwords hidden), a login prompt only once an admin password is set [MPP-CUST].
  cisco: {
    vendor: 'cisco',
    infoPages: [{ path: '/', what: 'device information (product, serial number, MAC, firmware)', expect: /Product Name|Serial Number|MAC Address/i }],
    configs: [
      { path: '/admin/spacfg.xml', what: 'full configuration (flat profile)', expect: /<flat-profile[\s>]/ },
      { path: '/admin/cfg.xml', what: 'full configuration (MPP flat profile)', expect: /<flat-profile[\s>]/ },
    ],
    login: 'http',
    defaults: [{ username: 'admin', password: 'admin' }], // SPA112/122 [SPA100-AG]
  },
  // Snom: HTTP Basic only when http_user/http_pass are set; by default no login [GB-SN].
  // The settings dump path is the one public scripts use; no vendor source (unverified).
  snom: {
    vendor: 'snom',
    infoPages: [],
    configs: [{ path: '/settings.htm', what: 'all settings', expect: /^[A-Za-z][\w]*\s*[$!&]\s*:/m }],
    login: 'http',
    defaults: [],
  },
  // Old SoundPoint: HTTP Basic Polycom/456 [GB-PL]; backup download [POSH].
  polycom: {
    vendor: 'polycom',
    infoPages: [],
    configs: [{ path: '/Utilities/configuration/phoneBackup', what: 'configuration backup', expect: /\s(reg|voIpProt|device|httpd|sec|feature)\.[\w.]+\s*=\s*"/ }],
    login: 'http',
    defaults: [{ username: 'Polycom', password: '456' }],
  },
  // Servlet firmware, plain form login [GB-Y16]; cfg export [YSC]. Defaults admin/admin [OSX-33739].
  yealink: {
    vendor: 'yealink',
    infoPages: [],
    configs: [
      { path: '/servlet?p=settings-config&q=localconfig&type=export&configfile=1', what: 'exported configuration (cfg)', expect: YEALINK_CFG },
      { path: '/servlet?m=mod_configfile&q=exportcfgconfig&type=all', what: 'exported configuration (cfg)', expect: YEALINK_CFG },
    ],
    login: 'yealink-form',
    defaults: [{ username: 'admin', password: 'admin' }],
  },
  // JSON login and P-value reads [GSC], [EKL]; defaults admin/admin [GB-GS18].
  grandstream: {
    vendor: 'grandstream',
    infoPages: [],
    configs: [{ path: '/cgi-bin/api.values.get', what: 'P-value settings (api.values.get)', expect: /"response"\s*:\s*"success"/ }],
    login: 'grandstream-json',
    defaults: [{ username: 'admin', password: 'admin' }],
  },
  // Older (Atcom-derived) Fanvil firmware: nonce login, /config.txt in the text format [ELX], [ISS];
  // default admin/admin [FPBX-FANVIL]. The current Fanvil web UI is unverified.
  fanvil: {
    vendor: 'fanvil',
    infoPages: [],
    configs: [{ path: '/config.txt', what: 'full configuration (text)', expect: /^\uFEFF?<<VOIP CONFIG FILE>>/ }],
    login: 'fanvil-nonce',
    defaults: [{ username: 'admin', password: 'admin' }],
  },
};

/** Non-secret P-values the Grandstream reader asks for (never passwords). */
export const GRANDSTREAM_PVALUES = ['P47', 'P35', 'P40', 'P402', 'P404', 'P413', 'P2347', 'P243', 'P1310', 'P212', 'P237', 'P76'];

/** Vendor from banners and page text when the fingerprint does not say. */
export const WEB_VENDOR_SIGNATURES: { vendor: VendorId; re: RegExp }[] = [
  { vendor: 'yealink', re: /yealink/i },
  { vendor: 'grandstream', re: /grandstream/i },
  { vendor: 'snom', re: /\bsnom/i },
  { vendor: 'cisco', re: /cisco|linksys|sipura|\bspa\d{3}/i },
  { vendor: 'polycom', re: /polycom|\bpoly\b|soundpoint|\bvvx/i },
  { vendor: 'fanvil', re: /fanvil/i },
];
