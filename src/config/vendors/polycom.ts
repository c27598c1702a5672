// Poly/Polycom UC Software / SIP application parameters. Sources: the
// VENDOR-SETTINGS.md Polycom table.
import { bool01, oneOf, positiveNumber, serverUrl } from './transforms.js';
import { perAccount, type Get, type Picked, type Srtp, type VendorMap, type WebProtocol } from './rules.js';

// SIP 1.4 Administrator Guide p.117 "Request Validation": Null = no validation (default).
const PLCM_14 = 'https://azmanual.top/manuals/183764/polycom-version-14x-17.html?page=125';

const transport = oneOf({ dnsnaptr: 'dns-naptr', tcppreferred: 'tcp', udponly: 'udp', tls: 'tls', tcponly: 'tcp' });

/** Request validation by `source` (or `both`/`all`) = only the registration servers may send requests. */
function trustedServerOnly(get: Get): Picked<boolean | null> | null {
  let seen: Picked<boolean> | null = null;
  for (let x = 1; x <= 10; x++) {
    const p = `voIpProt.SIP.requestValidation.${x}.method`;
    const m = get(p)?.value.trim().toLowerCase();
    if (!m) continue;
    if (['source', 'both', 'all'].includes(m)) return { value: true, parameter: p };
    seen ??= { value: false, parameter: p };
  }
  return seen;
}

function webProtocol(get: Get): Picked<WebProtocol | null> | null {
  for (const p of ['httpd.enabled', 'httpd.cfg.enabled']) {
    const e = get(p);
    if (e && bool01(e.value) === false) return { value: null, parameter: p };
  }
  const req = get('httpd.cfg.secureTunnelRequired');
  if (req && bool01(req.value)) return { value: 'https', parameter: 'httpd.cfg.secureTunnelRequired' };
  const tun = get('httpd.cfg.secureTunnelEnabled');
  if (tun && bool01(tun.value) !== null) return { value: bool01(tun.value) ? 'both' : 'http', parameter: 'httpd.cfg.secureTunnelEnabled' };
  for (const p of ['httpd.cfg.enabled', 'httpd.enabled']) if (get(p)) return { value: 'http', parameter: p };
  return null;
}

/** device.prov.serverType, by number or name; no documented default (the address stays bare). */
const SERVER_TYPE = {
  param: 'device.prov.serverType',
  table: { '0': 'ftp', '1': 'tftp', '2': 'http', '3': 'https', '4': 'ftps', ftp: 'ftp', tftp: 'tftp', http: 'http', https: 'https', ftps: 'ftps' },
  fallback: null,
};

function srtp(get: Get): Picked<Srtp | null> | null {
  const req = get('sec.srtp.require');
  if (req && bool01(req.value)) return { value: 'required', parameter: 'sec.srtp.require' };
  const en = get('sec.srtp.enable');
  if (en && bool01(en.value) !== null) return { value: bool01(en.value) ? 'optional' : 'off', parameter: 'sec.srtp.enable' };
  return null;
}

export const polycom: VendorMap = {
  id: 'polycom',
  name: 'Polycom',
  accounts: perAccount(12, (n) => ({
    registrar: [`reg.${n}.server.1.address`, ...(n === 1 ? ['voIpProt.server.1.address'] : [])],
    user: [`reg.${n}.address`],
    transport: { params: [`reg.${n}.server.1.transport`, ...(n === 1 ? ['voIpProt.server.1.transport'] : [])], map: transport },
  })),
  localSipPorts: { params: ['voIpProt.SIP.local.port', 'voIpProt.local.port'] },
  trustedServerOnly: { params: ['voIpProt.SIP.requestValidation.1.method'], derive: trustedServerOnly, default: { value: false, source: PLCM_14 } },
  webProtocol: { derive: webProtocol },
  provisioningUrl: { derive: (get) => serverUrl(get, 'device.prov.serverName', SERVER_TYPE) },
  srtp: { derive: srtp },
  nat: { keepAlive: { params: ['nat.keepalive.interval'], map: positiveNumber } },
};

