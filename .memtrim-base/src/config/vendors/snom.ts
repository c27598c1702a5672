// Snom desk phones (XML/text names, `idx` appended) and the M3 DECT `%KEY%` names.
// Sources: the VENDOR-SETTINGS.md Snom table (sipXecs' Snom model definition).
import { oneOf, onOff, text } from './transforms.js';
import { perAccount, type Get, type Picked, type Srtp, type VendorMap } from './rules.js';

const SX_SNOM = 'https://github.com/sipXcom/sipxecs/blob/e7fef030c881ea1f77c6509eb44759a64b9a54a9/sipXsnom/etc/snom/phone.xml';

/** `user_savp` (off/optional/mandatory) is the finer switch; `user_srtp` on/off the older one. */
function srtp(get: Get): Picked<Srtp | null> | null {
  const savp = get('user_savp1');
  const s = savp && oneOf<Srtp>({ off: 'off', optional: 'optional', mandatory: 'required' })(savp.value);
  if (s) return { value: s, parameter: 'user_savp1' };
  const on = get('user_srtp1');
  const b = on && onOff(on.value);
  return b === null || b === undefined ? null : { value: b ? 'optional' : 'off', parameter: 'user_srtp1' };
}

export const snom: VendorMap = {
  id: 'snom',
  name: 'Snom',
  accounts: perAccount(12, (n, i) => ({
    registrar: [`user_host${n}`, `%SRV_${i}_SIP_UA_DATA_DOMAIN%`],
    user: [`user_name${n}`, `%SUBSCR_${i}_SIP_UA_DATA_SIP_NAME%`],
  })),
  localSipPorts: { params: ['network_id_port', '%SIP_SIP_PORT%'] },
  // "filter_registrar" (semantics per its name: drop requests not from the registrar); default off.
  trustedServerOnly: { params: ['filter_registrar'], map: onOff, default: { value: false, source: `${SX_SNOM}#L424` } },
  webProtocol: {
    params: ['webserver_type'],
    map: oneOf({ http: 'http', https: 'https', http_https: 'both' }),
    off: ['off'],
    default: { value: 'both', source: `${SX_SNOM}#L903-L933` },
  },
  provisioningUrl: { params: ['setting_server'], map: text },
  srtp: { derive: srtp },
  nat: {
    stunServer: { params: ['%NETWORK_STUN_SERVER%'], map: text },
    keepAlive: { params: ['%SIP_KEEP_ALIVE_ENABLE%'], map: onOff },
  },
};
