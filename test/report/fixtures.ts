// Realistic scan results for the report tests and the benchmark: N devices of
// several vendors on a /16, SIP answers over udp/tcp/tls, web UIs, configs,
// and findings the way the checks produce them (root causes, per-vendor steps).
import { applyChecks } from '../../src/checks/evaluate.js';
import { ScanResultSchema, type Device, type Finding, type ScanResult, type Severity } from '../../src/api/result.js';

interface VendorSpec { vendor: string; oui: string; model: string; firmware: string; ua: (m: string, fw: string) => string }

const VENDORS: VendorSpec[] = [
  { vendor: 'Yealink', oui: '80:5e:c0', model: 'SIP-T46S', firmware: '66.86.0.15', ua: (m, fw) => `Yealink ${m} ${fw}` },
  { vendor: 'Grandstream', oui: '00:0b:82', model: 'GXP2170', firmware: '1.0.11.3', ua: (m, fw) => `Grandstream ${m} ${fw}` },
  { vendor: 'Snom', oui: '00:04:13', model: 'D785', firmware: '10.1.54.13', ua: (m, fw) => `snom${m.slice(1)}/${fw}` },
  { vendor: 'Fanvil', oui: '0c:38:3e', model: 'X4U', firmware: '2.12.4', ua: (m, fw) => `Fanvil ${m} ${fw}` },
  { vendor: 'Polycom', oui: '00:04:f2', model: 'VVX 411', firmware: '6.3.1.8427', ua: (m, fw) => `PolycomVVX-VVX_411-UA/${fw}` },
];

export const SAFE_UA_MARKUP = '<script>alert(1)</script>';

function hex2(n: number): string {
  return (n & 0xff).toString(16).padStart(2, '0');
}

export function makeDevice(i: number, overrides: Partial<Device> = {}): Device {
  const v = VENDORS[i % VENDORS.length]!;
  const ip = `10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`;
  const answers = i % 4 !== 3; // every 4th phone ignores strangers (the good case)
  const ua = v.ua(v.model, v.firmware);
  const device: Device = {
    ip,
    mac: `${v.oui}:${hex2(i >> 16)}:${hex2(i >> 8)}:${hex2(i)}`,
    macVendor: v.vendor,
    macRandomized: false,
    sipAnswered: answers,
    sources: answers ? ['sip', 'arp', 'http'] : ['arp', 'http'],
    sip: answers
      ? [
          { transport: 'udp', port: 5060, status: 200, reason: 'OK', userAgent: ua, server: null, allow: ['INVITE', 'ACK', 'OPTIONS', 'BYE'], supported: [], contact: null, rttMs: 3.1 },
          ...(i % 2 === 0 ? [{ transport: 'tcp' as const, port: 5060, status: 200, reason: 'OK', userAgent: ua, server: null, allow: [], supported: [], contact: null, rttMs: 4.2 }] : []),
        ]
      : [],
    mdns: [],
    http: [{ port: 80, tls: false, status: 200, server: `${v.vendor} embed httpd`, realm: null, authScheme: 'digest', title: `${v.vendor} Phone`, selfSignedCert: null, error: null }],
    fingerprint: { vendor: v.vendor, model: v.model, firmware: v.firmware, type: 'desk-phone', confidence: 0.95, evidence: [{ source: 'sip.user-agent', value: ua, matched: v.vendor }] },
    config: {
      access: 'protected',
      webUi: { url: `http://${ip}/`, authScheme: 'digest', tls: false, selfSignedCert: null },
      exposures: [],
      config: null,
      error: null,
    },
    ghostCall: null,
    ...overrides,
  };
  return device;
}

function finding(id: string, severity: Severity, rootCause: string, title: string, devices: Device[], steps: Record<string, string[]>): Finding {
  return {
    id,
    severity,
    title,
    rootCause,
    evidence: devices.map((d) => ({ device: d.ip, probe: 'sip-options', item: 'status', value: `200 OK from ${d.ip} (${d.sip[0]?.userAgent ?? 'no UA'})` })),
    devices: devices.map((d) => d.ip),
    remediation: {
      generic: `Generic fix for ${id}.`,
      vendors: Object.entries(steps).map(([vendor, s]) => ({ vendor, steps: s, parameters: [{ name: `${vendor.toLowerCase()}.param`, value: '1' }] })),
    },
    references: ['https://example.invalid/ref'],
    exception: null,
  };
}

export function makeFindings(devices: Device[]): Finding[] {
  const answering = devices.filter((d) => d.sipAnswered);
  const yealink = devices.filter((d) => d.fingerprint?.vendor === 'Yealink');
  const web = devices.filter((d, i) => i % 3 === 0);
  const out: Finding[] = [];
  if (answering.length > 0) {
    out.push(finding('GC-SIP-ANSWERS-STRANGERS', 'high', 'phone-setting', 'Phone accepts SIP from any source', answering, {
      Yealink: ['Open Features > General Information.', 'Set Accept SIP Trust Server Only to Enabled.', 'Set Allow IP Call to Disabled.'],
      Grandstream: ['Open Account 1 > SIP Settings > Security.', 'Set Accept Incoming SIP from Proxy Only to Yes.'],
    }));
    out.push(finding('GC-SIP-PORT-5060', 'low', 'phone-setting', 'Phone listens on the well-known SIP port 5060', answering.slice(0, Math.ceil(answering.length / 2)), {}));
  }
  if (yealink.length > 0) out.push(finding('GC-FW-OLD', 'medium', 'firmware', 'Firmware older than the vendor\'s current release', yealink, { Yealink: ['Download the current firmware.', 'Upload it under Settings > Upgrade.'] }));
  if (web.length > 0) out.push(finding('GC-WEB-HTTP', 'medium', 'web-ui', 'Web interface without HTTPS', web, {}));
  if (devices.length > 0) out.push(finding('GC-SIP-OPEN-INTERNET', 'critical', 'firewall', 'SIP port forwarded from the internet', devices.slice(0, 2), {}));
  return out;
}

export interface FixtureOptions {
  devices?: number;
  /** 'checks' = the real rules (src/checks) evaluate the scan; 'synthetic' = hand-made findings; 'none' = checks not run. */
  findings?: 'checks' | 'synthetic' | 'none';
  reach?: boolean;
  lang?: 'en' | 'nl';
}

export function makeScan(opts: FixtureOptions = {}): ScanResult {
  const n = opts.devices ?? 14;
  const devices = Array.from({ length: n }, (_, i) => makeDevice(i));
  const mode = opts.findings ?? 'checks';
  const scan = ScanResultSchema.parse({
    schemaVersion: 1,
    tool: { name: 'ghostcall', version: '0.1.0' },
    startedAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:00:42.000Z',
    params: ScanResultSchema.shape.params.parse({ targets: ['10.20.0.0/22'] }),
    stats: { targets: 1024, probesSent: 15360, responses: n * 2, durationMs: 42000, cancelled: false },
    devices,
    ...(mode === 'synthetic' ? { findings: makeFindings(devices) } : {}),
    ...(opts.reach ? {
      reach: {
        publicIp: '203.0.113.7', testedAt: '2026-11-20T09:01:00.000Z',
        probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: devices[0]?.ip ?? null }, { transport: 'tcp', port: 5060, reachable: false, answeredBy: null }],
        sipAlg: true, natFiltering: 'endpoint-independent', error: null,
      },
    } : {}),
    warnings: [],
  });
  return mode === 'checks' ? ScanResultSchema.parse(applyChecks(scan, { lang: opts.lang ?? 'en', exceptions: [] })) : scan;
}
