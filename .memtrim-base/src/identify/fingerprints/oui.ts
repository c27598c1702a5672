// MAC OUI organisation (as `src/discover/oui.ts` fills `device.macVendor` from
// the IEEE registry) → the vendor name the SIP fingerprints use. Weak evidence:
// the OUI names who made the network chip's owner product, not what runs on it.
export interface OuiVendor {
  org: RegExp;
  vendor: string;
}

export const OUI_VENDORS: readonly OuiVendor[] = [
  { org: /yealink/i, vendor: 'Yealink' },
  { org: /grandstream/i, vendor: 'Grandstream' },
  { org: /\bsnom\b/i, vendor: 'Snom' },
  { org: /\bpolycom\b|^HP Poly|^Poly\b/i, vendor: 'Poly' },
  { org: /^Cisco (?:Systems|SPVTG)|^Cisco\b/i, vendor: 'Cisco' },
  { org: /linksys/i, vendor: 'Linksys' },
  { org: /fanvil/i, vendor: 'Fanvil' },
  { org: /gigaset/i, vendor: 'Gigaset' },
  { org: /panasonic/i, vendor: 'Panasonic' },
  { org: /hanlong/i, vendor: 'Htek' },
  { org: /\bavaya\b/i, vendor: 'Avaya' },
  { org: /alcatel|ALE International/i, vendor: 'Alcatel-Lucent' },
  { org: /\bmitel\b/i, vendor: 'Mitel' },
  { org: /\baastra\b/i, vendor: 'Aastra' },
  { org: /audio ?codes/i, vendor: 'AudioCodes' },
  { org: /obihai/i, vendor: 'Obihai' },
  { org: /^AVM\b|AVM Audiovisuelles/i, vendor: 'AVM' },
  { org: /akuvox/i, vendor: 'Akuvox' },
  { org: /patton/i, vendor: 'Patton' },
  { org: /draytek/i, vendor: 'DrayTek' },
  { org: /zyxel/i, vendor: 'Zyxel' },
  { org: /tp-?link/i, vendor: 'TP-Link' },
  { org: /huawei/i, vendor: 'Huawei' },
  { org: /digium/i, vendor: 'Digium' },
  { org: /sangoma/i, vendor: 'Sangoma' },
  { org: /unify|siemens enterprise/i, vendor: 'Unify' },
  { org: /innovaphone/i, vendor: 'innovaphone' },
  { org: /eltex/i, vendor: 'Eltex' },
  { org: /auerswald/i, vendor: 'Auerswald' },
  { org: /escene/i, vendor: 'Escene' },
];

/**
 * Vendor families: names that are one maker for agreement between sources
 * (a "Linksys/SPA2102" UA and a Cisco OUI agree).
 */
export const VENDOR_FAMILY: Readonly<Record<string, string>> = {
  Linksys: 'Cisco',
  Sipura: 'Cisco',
  Aastra: 'Mitel',
  Digium: 'Sangoma',
};
