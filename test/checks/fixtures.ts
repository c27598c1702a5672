// Realistic scan results for the checks tests: SIP answers as phones send them
// (User-Agent strings of the lab personas), configs with the values the config
// readers produce for test/fixtures/phone-configs, reach results as the echo gives them.
import type { ConfigRead, Device, PhoneConfig, Reach, ScanResult, SipEvidence } from '../../src/api/result.js';
import { ScanParamsSchema } from '../../src/api/result.js';

export function sipAnswer(over: Partial<SipEvidence> = {}): SipEvidence {
  return {
    transport: 'udp', port: 5060, status: 200, reason: 'OK',
    userAgent: 'Yealink SIP-T46S 66.86.0.15', server: null,
    allow: ['INVITE', 'INFO', 'PRACK', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'NOTIFY', 'REGISTER', 'SUBSCRIBE', 'REFER'],
    supported: ['replaces', '100rel'], contact: '<sip:10.0.0.21:5060>', rttMs: 3.2, ...over,
  };
}

export function phoneConfig(over: Partial<PhoneConfig> = {}): PhoneConfig {
  return {
    vendor: 'Yealink', model: null, mac: '805ec0aabbcc', firmware: null,
    accounts: [{ registrar: 'pbx.example.net', user: '201', transport: 'udp' }],
    localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, webProtocol: 'both', provisioningUrl: null, srtp: 'off',
    nat: null,
    provenance: {
      trustedServerOnly: { source: 'unsafe-common-y000000000044.cfg', parameter: 'sip.trust_ctrl', defaulted: false },
      directIpCalls: { source: 'unsafe-common-y000000000044.cfg', parameter: 'features.direct_ip_call_enable', defaulted: false },
      localSipPorts: { source: 'unsafe-common-y000000000044.cfg', parameter: 'sip.listen_port', defaulted: false },
      srtp: { source: 'unsafe-common-y000000000044.cfg', parameter: 'account.1.srtp_encryption', defaulted: false },
    },
    ...over,
  };
}

/** The values the readers give for the safe fixtures (yealink/safe-805ec0aabbcc.cfg). */
export const SAFE_CONFIG: Partial<PhoneConfig> = {
  localSipPorts: [15060, 15062], trustedServerOnly: true, directIpCalls: false, webProtocol: 'https', srtp: 'required',
  accounts: [{ registrar: 'pbx.example.net', user: '201', transport: 'tls' }],
};

export function configRead(config: PhoneConfig | null, over: Partial<ConfigRead> = {}): ConfigRead {
  return { access: 'credentials', webUi: { url: 'https://10.0.0.21/', authScheme: 'digest', tls: true, selfSignedCert: true }, exposures: [], config, error: null, ...over };
}

export function device(ip: string, over: Partial<Device> = {}): Device {
  return {
    ip, mac: '80:5e:c0:aa:bb:cc', macVendor: 'Yealink Network Technology Co.,Ltd.', macRandomized: false,
    sipAnswered: true, sources: ['sip', 'arp'], sip: [sipAnswer()], mdns: [], http: [],
    fingerprint: { vendor: 'Yealink', model: 'SIP-T46S', firmware: '66.86.0.15', type: 'desk-phone', confidence: 0.95, evidence: [] },
    ...over,
  };
}

/** A phone that ignores strangers: found by ARP/web only. */
export function silentPhone(ip: string, over: Partial<Device> = {}): Device {
  return device(ip, { sipAnswered: false, sources: ['arp', 'http'], sip: [], ...over });
}

export function reach(over: Partial<Reach> = {}): Reach {
  return {
    publicIp: '203.0.113.7', testedAt: '2026-11-25T09:00:00.000Z',
    probes: [{ transport: 'udp', port: 5060, reachable: false, answeredBy: null }, { transport: 'tcp', port: 5060, reachable: false, answeredBy: null }],
    sipAlg: false, natFiltering: 'address-and-port-dependent', error: null, ...over,
  };
}

export function scanOf(devices: Device[], extra: Partial<ScanResult> = {}): ScanResult {
  return {
    schemaVersion: 1, tool: { name: 'ghostcall', version: '0.1.0' },
    startedAt: '2026-11-25T09:00:00.000Z', finishedAt: '2026-11-25T09:00:05.000Z',
    params: ScanParamsSchema.parse({ targets: ['10.0.0.0/24'] }),
    stats: { targets: 254, probesSent: 3810, responses: devices.filter((d) => d.sipAnswered).length, durationMs: 5000, cancelled: false },
    devices, warnings: [], ...extra,
  };
}
