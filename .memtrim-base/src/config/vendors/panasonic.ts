// Panasonic KX-UT/KX-TGP/KX-HDV `NAME="value"` parameters (`_n` = line n).
// Sources (each beside its rule): the vendor's administrator guides and the
// public provisioning templates listed in test/fixtures/phone-configs/SOURCES.md.
import { oneOf, text } from './transforms.js';
import { perAccount, range, type VendorMap } from './rules.js';

// KX-HDV100 Administrator Guide p.216 (and KX-UT113 p.256): SIP_DETECT_SSAF_n, "Enable
// SSAF (SIP Source Address Filter)": Y = accept SIP only from the registrar, proxy and
// presence (and outbound proxy) servers; default N.
const HDV_SSAF = 'https://www.easymanua.ls/panasonic/kx-hdv100/manual/642719?p=216';

// KX-UT670 supports 6 lines (Administrator Guide, 5.2.1: "_1" … "_6").
const LINES = 6;

// BOOLEAN values are written Y / N in the guides and templates.
const yn = oneOf({ y: true, n: false });

export const panasonic: VendorMap = {
  id: 'panasonic',
  name: 'Panasonic',
  // SIP_RGSTR_ADDR_n / SIP_AUTHID_n: wazo-provd-plugins xivo-panasonic base.tpl, sail "Panasonic KX" template.
  accounts: perAccount(LINES, (n) => ({
    registrar: [`SIP_RGSTR_ADDR_${n}`, `SIP_PRXY_ADDR_${n}`],
    user: [`SIP_AUTHID_${n}`, `PHONE_NUMBER_${n}`],
    // aelintra/sail "panasonic tls fragment" sets SIP_TRANSPORT_1="2" with SIP_TLS_MODE_1="1";
    // its "Set TLS initially OFF" template uses "0". Only the TLS value is sourced.
    transport: { params: [`SIP_TRANSPORT_${n}`], map: oneOf({ '2': 'tls' }) },
  })),
  // SIP_SRC_PORT_n: the phone's own SIP port (sail's TLS fragment moves it to the TLS port
  // together with the server ports); no documented default was found, so none is assumed.
  localSipPorts: { params: range(LINES, (n) => `SIP_SRC_PORT_${n}`) },
  trustedServerOnly: { params: ['SIP_DETECT_SSAF_1'], map: yn, default: { value: false, source: HDV_SSAF } },
  // CFG_STANDARD_FILE_PATH (per-phone file), CFG_MASTER_FILE_PATH, CFG_PRODUCT_FILE_PATH
  // (sail templates, the KX-HDV "Config{MAC}.cfg" / "ConfigCommon.cfg" provisioning examples).
  provisioningUrl: { params: ['CFG_STANDARD_FILE_PATH', 'CFG_MASTER_FILE_PATH', 'CFG_PRODUCT_FILE_PATH'], map: text },
};
