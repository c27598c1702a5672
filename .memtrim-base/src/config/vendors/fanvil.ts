// Fanvil XML (`<VOIP_CONFIG_FILE>`) and text (`<<VOIP CONFIG FILE>>`) names.
// Sources: the VENDOR-SETTINGS.md Fanvil table. Transport codes and the web
// server type values are unverified there, so they are not mapped.
import { text } from './transforms.js';
import { perAccount, type VendorMap } from './rules.js';

const X = (n: number, k: string) => `SIP_CONFIG_MODULE.SIP_Line_List.SIP_Line_List_Entry${n}.${k}`;
const T = (n: number, k: string) => `SIP CONFIG MODULE.SIP${n} ${k}`;

export const fanvil: VendorMap = {
  id: 'fanvil',
  name: 'Fanvil',
  accounts: perAccount(6, (n) => ({
    registrar: [X(n, 'Register_Addr'), T(n, 'Register Addr')],
    user: [X(n, 'Register_User'), T(n, 'Register User')],
  })),
  localSipPorts: { params: ['SIP_CONFIG_MODULE.SIP__Port', 'SIP CONFIG MODULE.SIP Port'] },
  provisioningUrl: {
    params: ['AUTOUPDATE_CONFIG_MODULE.Download_Server_IP', 'AUTOUPDATE CONFIG MODULE.Download Server IP'],
    map: text,
    off: ['0.0.0.0'],
  },
  nat: { stunServer: { params: ['SIP CONFIG MODULE.Stun Address', 'SIP_CONFIG_MODULE.Stun_Address'], map: text } },
};
