// Rules over what the sweep saw of each phone: SIP answers, ghost-call test, and
// the SIP/SRTP settings that the config read gives (config wins over the sweep).
import type { DeviceView } from '../evidence.js';
import { item } from '../evidence.js';
import type { EvidenceItem, Rule } from '../types.js';
import { DIRECT_IP_FIXES, SIP_PORT_FIXES, SRTP_FIXES, TLS_FIXES, TRUST_FIXES, mergeFixes } from './fixes.js';

const RFC3261 = 'RFC 3261';
/** PBXs and scanners answer SIP by design; the inventory rules cover them. */
const notAPhone = (d: DeviceView): boolean => d.type === 'pbx' || d.type === 'scanner';
const phones = (ds: DeviceView[]): DeviceView[] => ds.filter((d) => !notAPhone(d));
const answer = (d: DeviceView): EvidenceItem[] =>
  d.sip.slice(0, 6).map((s) => item(d.ip, `sip-options/${s.transport}/${s.port}`, 'response', `${s.status} ${s.reason}`));

export const deviceRules: Rule[] = [
  {
    id: 'GC-SIP-ANY-SOURCE',
    severity: 'high',
    rootCause: 'provisioning-template',
    needs: ['sip'],
    references: [RFC3261, 'https://manualshive.com/en/manual/yealink/sip-t5-series/sip-t5-series_administrators-manual_3909785-497.html', 'https://www.easymanua.ls/grandstream-networks/gxv34-0-series/manual/1345305?p=46'],
    textKey: 'GC-SIP-ANY-SOURCE',
    match: (ev) => phones(ev.devices).filter((d) => d.sipAnswered && d.sip.length > 0).flatMap(answer),
    vendors: TRUST_FIXES,
  },
  {
    id: 'GC-GHOST-CALL-RANG',
    severity: 'high',
    rootCause: 'provisioning-template',
    needs: ['ghost-call'],
    references: [RFC3261, 'RFC 3261 section 9 (CANCEL)'],
    textKey: 'GC-GHOST-CALL-RANG',
    match: (ev) => ev.devices
      .filter((d) => d.ghostCall?.tested === true && d.ghostCall.rang === true)
      .map((d) => item(d.ip, 'ghost-call-invite', 'response', `${d.ghostCall?.status ?? ''} ${d.ghostCall?.detail ?? ''}`.trim())),
    vendors: mergeFixes(TRUST_FIXES, DIRECT_IP_FIXES),
  },
  {
    id: 'GC-CFG-TRUST-OFF',
    severity: 'high',
    rootCause: 'provisioning-template',
    needs: ['config'],
    references: ['https://manualshive.com/en/manual/yealink/sip-t5-series/sip-t5-series_administrators-manual_3909785-497.html', 'https://www.easymanua.ls/grandstream-networks/gxv3380/manual/279098?p=55', 'https://azmanual.top/manuals/183764/polycom-version-14x-17.html?page=125'],
    textKey: 'GC-CFG-TRUST-OFF',
    match: (ev) => ev.devices.filter((d) => d.config?.trustedServerOnly === false)
      .map((d) => item(d.ip, 'config', d.config?.provenance.trustedServerOnly?.parameter ?? 'trustedServerOnly', defaulted(d, 'trustedServerOnly', 'false'))),
    vendors: TRUST_FIXES,
  },
  {
    id: 'GC-CFG-DIRECT-IP',
    severity: 'medium',
    rootCause: 'provisioning-template',
    needs: ['config'],
    references: ['https://easymanua.ls/yealink/sip-t48g/manual/567906?p=280', 'https://manualshive.com/ru/manual/grandstream-networks/grp26-series/grp26-series_security-manual_2255825-9.html'],
    textKey: 'GC-CFG-DIRECT-IP',
    match: (ev) => ev.devices.filter((d) => d.config?.directIpCalls === true)
      .map((d) => item(d.ip, 'config', d.config?.provenance.directIpCalls?.parameter ?? 'directIpCalls', defaulted(d, 'directIpCalls', 'true'))),
    vendors: DIRECT_IP_FIXES,
  },
  {
    id: 'GC-SIP-PORT-5060',
    severity: 'low',
    rootCause: 'provisioning-template',
    needs: ['sip'],
    references: ['RFC 3261 section 19.1.2 (default port 5060)'],
    textKey: 'GC-SIP-PORT-5060',
    match: (ev) => phones(ev.devices).flatMap((d): EvidenceItem[] => {
      const ports = d.config?.localSipPorts;
      if (ports && ports.length > 0) {
        return ports.includes(5060) ? [item(d.ip, 'config', d.config?.provenance.localSipPorts?.parameter ?? 'localSipPorts', defaulted(d, 'localSipPorts', ports.join(',')))] : [];
      }
      const on5060 = d.sip.find((s) => s.port === 5060 && s.transport !== 'tls');
      return on5060 ? [item(d.ip, `sip-options/${on5060.transport}/5060`, 'response', `${on5060.status} ${on5060.reason}`)] : [];
    }),
    vendors: SIP_PORT_FIXES,
  },
  {
    id: 'GC-SIP-NO-TLS',
    severity: 'medium',
    rootCause: 'provisioning-template',
    needs: ['transport'],
    references: ['RFC 3261 section 26.2 (TLS)', 'RFC 5630'],
    textKey: 'GC-SIP-NO-TLS',
    match: (ev) => phones(ev.devices).flatMap((d): EvidenceItem[] => {
      const transports = (d.config?.accounts ?? []).map((a) => a.transport).filter((t): t is string => !!t);
      if (transports.length > 0) {
        return transports.some((t) => /tls|sips/i.test(t)) ? [] : [item(d.ip, 'config', transportParameters(d), transports.join(','))];
      }
      if (d.sip.length === 0 || d.sip.some((s) => s.transport === 'tls')) return [];
      return [item(d.ip, 'sip-options', 'transports', [...new Set(d.sip.map((s) => `${s.transport}/${s.port}`))].join(','))];
    }),
    vendors: TLS_FIXES,
  },
  {
    id: 'GC-SIP-NO-SRTP',
    severity: 'low',
    rootCause: 'provisioning-template',
    needs: ['srtp'],
    references: ['RFC 3711 (SRTP)', 'RFC 4568 (SDES)', 'https://www.easymanua.ls/yealink/sip-t2-series/manual?p=910'],
    textKey: 'GC-SIP-NO-SRTP',
    match: (ev) => ev.devices.filter((d) => d.config?.srtp === 'off')
      .map((d) => item(d.ip, 'config', d.config?.provenance.srtp?.parameter ?? 'srtp', defaulted(d, 'srtp', 'off'))),
    vendors: SRTP_FIXES,
  },
];

/** The vendor parameters the accounts' transports came from (normalise records them per account). */
function transportParameters(d: DeviceView): string {
  const params = (d.config?.accounts ?? []).map((_a, i) => d.config?.provenance[`accounts[${i}].transport`]?.parameter).filter((p): p is string => !!p);
  return params.length > 0 ? [...new Set(params)].join(', ') : 'accounts[].transport';
}

/** The observed value, marked when the vendor default filled it in (absent from the file). */
function defaulted(d: DeviceView, field: string, value: string): string {
  return d.config?.provenance[field]?.defaulted ? `${value} (vendor default)` : value;
}
