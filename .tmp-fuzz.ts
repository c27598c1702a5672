import { readConfigText } from './src/config/read-text.js';
import { VENDOR_IDS } from './src/config/types.js';
const N = 400000;
const longs: Record<string, string> = {
  letters: 'a'.repeat(N), pass: '?' + 'pass'.repeat(N / 4), url: 'http://' + 'a'.repeat(N), schemes: 'ab'.repeat(N / 2),
  quotes: '"'.repeat(N), lt: '<'.repeat(N), spaces: 'a' + ' '.repeat(N) + 'b', colons: 'a:'.repeat(N / 2), amp: '&'.repeat(N), eq: '='.repeat(N),
  semis: ';a'.repeat(N / 2), keys: '--key '.repeat(N / 6), brackets: '['.repeat(N), hash: '#'.repeat(N), slashes: '/a1b2c3d4'.repeat(N / 9),
};
const wraps: Record<string, (v: string) => string> = {
  yealink: (v) => `#!version:1.0.0.1\naccount.1.user_name = 1\nsip.trust_ctrl = 0\nauto_provision.server.url = ${v}\n${v}\n`,
  yold: (v) => `[ account ]\npath = /config/voip/sipAccount0.cfg\nSIPServerHost = ${v}\n[ ${v} ]\n`,
  cisco: (v) => `Proxy_1_ "x" ;\nUser_ID_1_ "y" ;\nProfile_Rule "${v}" ;\n${v}\n`,
  ciscotxt: (v) => `proxy1_address: x\nline1_name: ${v}\n${v}\n`,
  xml: (v) => `<flat-profile>\n<Proxy_1_>x</Proxy_1_>\n<Profile_Rule>${v.replace(/[<&]/g, 'x')}</Profile_Rule>\n</flat-profile>\n`,
  xmlattr: (v) => `<PHONE_CONFIG><reg reg.1.address="${v.replace(/[<&"]/g, 'x')}" ${'a'.repeat(1000)}="1"/></PHONE_CONFIG>\n`,
  gs: (v) => `P47 = x\nP35 = y\nP40 = 5060\nP237 = ${v}\n${v}\n`,
  fanvil: (v) => `<<VOIP CONFIG FILE>>Version:2.0000000000\n<SIP CONFIG MODULE>\nSIP Port :5060\nStun Address :${v}\n`,
  pana: (v) => `# Panasonic SIP Phone Standard Format File #\nSIP_RGSTR_ADDR_1="x"\nCFG_STANDARD_FILE_PATH="${v}"\n`,
  snomtxt: (v) => `user_host1!: x\nuser_name1!: y\nsetting_server!: ${v}\n${v}\n`,
  m3: (v) => `%SRV_0_SIP_UA_DATA_DOMAIN%:x\n%SUBSCR_0_SIP_UA_DATA_SIP_NAME%:${v}\n`,
  raw: (v) => v,
};
for (const [wn, w] of Object.entries(wraps)) for (const [ln, l] of Object.entries(longs)) {
  const text = w(l);
  for (const vendor of [undefined, ...VENDOR_IDS]) {
    const t = performance.now();
    try { readConfigText(text, { source: 'x', vendor }); } catch { /* ok */ }
    const ms = performance.now() - t;
    if (ms > 400) console.log(wn, ln, vendor ?? 'auto', ms.toFixed(0));
  }
}
console.log('done');
