// MAC vendor knowledge (data): IEEE OUI organisation names, as oui-data spells them,
// mapped to the canonical vendor name, and whether that organisation makes SIP
// phones/ATAs/intercoms/PBXs — then a silent host with that MAC is listed as a phone
// that ignores strangers. First match wins: specific divisions before catch-alls.

export interface PhoneVendorRule {
  /** Tested against the OUI organisation name (first line of the IEEE entry). */
  org: RegExp;
  vendor: string;
  /** true: the organisation makes SIP phones/ATAs/intercoms/PBXs. */
  phoneVendor: boolean;
}

export const PHONE_VENDOR_RULES: readonly PhoneVendorRule[] = [
  { org: /yealink/i, vendor: 'Yealink', phoneVendor: true },
  { org: /^grandstream/i, vendor: 'Grandstream', phoneVendor: true },
  { org: /^snom/i, vendor: 'Snom', phoneVendor: true },
  // Cisco: desk phones and SPA ATAs; Meraki (Wi-Fi/switches) and SPVTG (set-top boxes) are not.
  { org: /^cisco meraki|^cisco spvtg/i, vendor: 'Cisco', phoneVendor: false },
  // Cisco-Linksys: the Sipura/Linksys SPA and PAP2 ATAs carry these prefixes.
  { org: /^cisco-linksys/i, vendor: 'Linksys', phoneVendor: true },
  { org: /^cisco systems/i, vendor: 'Cisco', phoneVendor: true },
  { org: /linksys/i, vendor: 'Linksys', phoneVendor: false },
  { org: /^polycom|^poly$|^plantronics/i, vendor: 'Poly', phoneVendor: true },
  { org: /^fanvil/i, vendor: 'Fanvil', phoneVendor: true },
  { org: /^gigaset/i, vendor: 'Gigaset', phoneVendor: true },
  // Panasonic: only the communications divisions make KX-HDV/KX-TGP phones and PBXs.
  { org: /^panasonic (communications|connect|system networks|corporation$|enterprise solutions|europe)/i, vendor: 'Panasonic', phoneVendor: true },
  { org: /panasonic/i, vendor: 'Panasonic', phoneVendor: false },
  { org: /^hanlong technology/i, vendor: 'Htek', phoneVendor: true },
  { org: /^avaya/i, vendor: 'Avaya', phoneVendor: true },
  { org: /^alcatel-lucent enterprise|^ale international/i, vendor: 'Alcatel-Lucent', phoneVendor: true },
  { org: /alcatel/i, vendor: 'Alcatel-Lucent', phoneVendor: false },
  { org: /^mitel|^aastra/i, vendor: 'Mitel', phoneVendor: true },
  { org: /audio ?codes/i, vendor: 'AudioCodes', phoneVendor: true },
  { org: /^obihai/i, vendor: 'Obihai', phoneVendor: true },
  // AVM FRITZ!Box: router with a SIP PBX and DECT base built in.
  { org: /^avm (audiovisuelles|gmbh)|^fritz! technology/i, vendor: 'AVM', phoneVendor: true },
  { org: /^ubiquiti/i, vendor: 'Ubiquiti', phoneVendor: false },
  { org: /^akuvox/i, vendor: 'Akuvox', phoneVendor: true },
  { org: /^2n telekomunikace/i, vendor: '2N', phoneVendor: true },
  { org: /^unify software/i, vendor: 'Unify', phoneVendor: true },
  { org: /^spectralink/i, vendor: 'Spectralink', phoneVendor: true },
  { org: /^auerswald/i, vendor: 'Auerswald', phoneVendor: true },
  { org: /^agfeo/i, vendor: 'AGFEO', phoneVendor: true },
  { org: /^innovaphone/i, vendor: 'innovaphone', phoneVendor: true },
  { org: /escene/i, vendor: 'Escene', phoneVendor: true },
  { org: /^flyingvoice/i, vendor: 'Flyingvoice', phoneVendor: true },
  { org: /^atcom technology/i, vendor: 'ATCOM', phoneVendor: true },
  { org: /^vtech (communications|telecommunications)/i, vendor: 'VTech', phoneVendor: true },
  { org: /yeastar/i, vendor: 'Yeastar', phoneVendor: true },
  { org: /^zycoo/i, vendor: 'Zycoo', phoneVendor: true },
  { org: /^tiptel/i, vendor: 'tiptel', phoneVendor: true },
  { org: /^swyx/i, vendor: 'Swyx', phoneVendor: true },
  { org: /^dinstar/i, vendor: 'Dinstar', phoneVendor: true },
  { org: /^patton electronics/i, vendor: 'Patton', phoneVendor: true },
  { org: /^sangoma|^digium/i, vendor: 'Sangoma', phoneVendor: true },
  { org: /^shoretel/i, vendor: 'ShoreTel', phoneVendor: true },
  { org: /^algo communication/i, vendor: 'Algo', phoneVendor: true },
  { org: /^cyberdata/i, vendor: 'CyberData', phoneVendor: true },
  { org: /^ascom (danmark|tateco)/i, vendor: 'Ascom', phoneVendor: true },
  { org: /^zultys/i, vendor: 'Zultys', phoneVendor: true },
  { org: /^xorcom/i, vendor: 'Xorcom', phoneVendor: true },
  { org: /^nortel/i, vendor: 'Nortel', phoneVendor: true },
];

/** The rule for an OUI organisation name, if any. */
export function phoneVendorRule(org: string): PhoneVendorRule | null {
  return PHONE_VENDOR_RULES.find((r) => r.org.test(org)) ?? null;
}
