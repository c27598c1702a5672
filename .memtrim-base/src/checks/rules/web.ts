// Rules over the phones' web UIs: the config reader's access verdict and the
// HTTP banners of the sweep.
import type { DeviceView } from '../evidence.js';
import { item } from '../evidence.js';
import type { EvidenceItem, Rule } from '../types.js';
import { CONFIG_UNAUTH_FIXES, HTTPS_FIXES, PASSWORD_FIXES } from './fixes.js';

const EDB_33739 = 'https://raw.githubusercontent.com/urcuqui/exploit-database/7eac4c3a2ce5b0fc0bdcaf2e527b225d78df42ee/platforms/hardware/remote/33739.txt';
const SNOM_SEC = 'https://service.snom.com/plugins/viewsource/viewpagesrc.action?pageId=17368310';
const CISCO_MPP = 'https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/cuipph/MPP/7800/english/adminguide/administration/pa2d_b_7800-mpp-ag-11/pa2d_b_7800-mpp-ag-11_chapter_01010.html';

const webUrl = (d: DeviceView): string => d.configRead?.webUi?.url ?? d.ip;

/** Plain HTTP only: the config says so, or the web UI seen has no TLS and no HTTPS banner answered. */
function httpOnly(d: DeviceView): EvidenceItem[] {
  if (d.config?.webProtocol) {
    return d.config.webProtocol === 'http' ? [item(d.ip, 'config', d.config.provenance.webProtocol?.parameter ?? 'webProtocol', 'http')] : [];
  }
  const answered = d.http.filter((h) => h.status !== null && !h.error);
  const ui = d.configRead?.webUi ?? null;
  if (answered.some((h) => h.tls) || ui?.tls) return [];
  if (ui) return [item(d.ip, 'web-ui', 'url', ui.url)];
  return answered.slice(0, 2).map((h) => item(d.ip, `http/${h.port}`, 'status', String(h.status)));
}

export const webRules: Rule[] = [
  {
    id: 'GC-WEB-NO-PASSWORD',
    severity: 'high',
    rootCause: 'phone-setting',
    needs: ['web'],
    references: [SNOM_SEC, CISCO_MPP],
    textKey: 'GC-WEB-NO-PASSWORD',
    match: (ev) => ev.devices.filter((d) => d.configRead?.access === 'open').map((d) => item(d.ip, 'web-ui', 'access', `open ${webUrl(d)}`)),
    vendors: PASSWORD_FIXES,
  },
  {
    id: 'GC-WEB-DEFAULT-PASSWORD',
    severity: 'high',
    rootCause: 'phone-setting',
    needs: ['web'],
    references: [EDB_33739, 'qweasader/gbn 2016/gb_yealink_ip_phone_default_creds_vuln.nasl', 'qweasader/gbn 2018/grandstream/gb_grandstream_web_default_credentials.nasl', 'qweasader/gbn 2015/sw_polycom_soundstation_ip_web_default_credentials.nasl'],
    textKey: 'GC-WEB-DEFAULT-PASSWORD',
    // Never the password itself: the reader only says that the vendor default worked.
    match: (ev) => ev.devices.filter((d) => d.configRead?.access === 'default-password').map((d) => item(d.ip, 'web-ui', 'access', `default-password ${webUrl(d)}`)),
    vendors: PASSWORD_FIXES,
  },
  {
    id: 'GC-WEB-HTTP-ONLY',
    severity: 'medium',
    rootCause: 'phone-setting',
    needs: ['web'],
    references: ['RFC 9110 section 4.2.2 (https)', SNOM_SEC],
    textKey: 'GC-WEB-HTTP-ONLY',
    match: (ev) => ev.devices.filter((d) => d.type !== 'scanner').flatMap(httpOnly),
    vendors: HTTPS_FIXES,
  },
  {
    id: 'GC-WEB-CONFIG-UNAUTH',
    severity: 'high',
    rootCause: 'phone-setting',
    needs: ['web'],
    references: [CISCO_MPP, 'https://raw.githubusercontent.com/urcuqui/exploit-database/7eac4c3a2ce5b0fc0bdcaf2e527b225d78df42ee/platforms/hardware/remote/33740.txt'],
    textKey: 'GC-WEB-CONFIG-UNAUTH',
    match: (ev) => ev.devices.flatMap((d): EvidenceItem[] => {
      const exposed = (d.configRead?.exposures ?? []).slice(0, 8).map((e) => item(d.ip, 'web-ui', e.path, e.what));
      if (exposed.length > 0) return exposed;
      return d.configRead?.access === 'open' && d.config ? [item(d.ip, 'web-ui', 'config', `read without a password ${webUrl(d)}`)] : [];
    }),
    vendors: CONFIG_UNAUTH_FIXES,
  },
];
