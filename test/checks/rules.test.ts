// Each rule fires on the evidence that should trigger it and stays quiet otherwise
// (checked and passed: the rule ran, it is not in checksNotRun).
import { describe, expect, it } from 'vitest';
import type { Device, ScanResult } from '../../src/api/result.js';
import { applyChecks } from '../../src/checks/evaluate.js';
import { RULES } from '../../src/checks/rules/index.js';
import { FIRMWARE_ADVISORIES } from '../../src/checks/data/firmware-cves.js';
import { SAFE_CONFIG, configRead, device, phoneConfig, reach, scanOf, silentPhone, sipAnswer } from './fixtures.js';

const run = (scan: ScanResult) => applyChecks(scan, { lang: 'en', exceptions: [] });
const ids = (scan: ScanResult): string[] => (run(scan).findings ?? []).map((f) => f.id);

const withConfig = (ip: string, over: Parameters<typeof phoneConfig>[0] = {}, read: Parameters<typeof configRead>[1] = {}): Device =>
  device(ip, { config: configRead(phoneConfig(over), read) });
const pbx: Device = device('10.0.0.2', {
  macVendor: null, sip: [sipAnswer({ userAgent: null, server: 'Asterisk PBX 18.20.0', status: 200 })],
  fingerprint: { vendor: 'Asterisk', model: null, firmware: '18.20.0', type: 'pbx', confidence: 0.9, evidence: [] },
});

interface Case { id: string; fires: ScanResult; devices: string[]; quiet: ScanResult }

const CASES: Case[] = [
  {
    id: 'GC-REACH-SIP-OPEN',
    fires: scanOf([device('10.0.0.21')], { reach: reach({ probes: [{ transport: 'udp', port: 5060, reachable: true, answeredBy: 'Yealink SIP-T46S 66.86.0.15' }] }) }),
    devices: ['10.0.0.21'],
    quiet: scanOf([device('10.0.0.21')], { reach: reach() }),
  },
  { id: 'GC-SIP-ANY-SOURCE', fires: scanOf([device('10.0.0.21'), silentPhone('10.0.0.22'), pbx]), devices: ['10.0.0.21'], quiet: scanOf([silentPhone('10.0.0.22'), pbx]) },
  {
    id: 'GC-GHOST-CALL-RANG',
    fires: scanOf([device('10.0.0.21', { ghostCall: { tested: true, rang: true, status: 180, detail: 'rang (180); cancelled: 487 Request Terminated' } })]),
    devices: ['10.0.0.21'],
    quiet: scanOf([device('10.0.0.21', { ghostCall: { tested: true, rang: false, status: 403, detail: 'rejected: 403 Forbidden' } })]),
  },
  { id: 'GC-CFG-TRUST-OFF', fires: scanOf([withConfig('10.0.0.21')]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  { id: 'GC-CFG-DIRECT-IP', fires: scanOf([withConfig('10.0.0.21')]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  { id: 'GC-SIP-PORT-5060', fires: scanOf([withConfig('10.0.0.21')]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  {
    id: 'GC-SIP-PORT-5060', // no config: the port the phone answered on
    fires: scanOf([device('10.0.0.23')]), devices: ['10.0.0.23'],
    quiet: scanOf([device('10.0.0.23', { sip: [sipAnswer({ port: 5062 })] })]),
  },
  { id: 'GC-SIP-NO-TLS', fires: scanOf([withConfig('10.0.0.21')]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  {
    id: 'GC-SIP-NO-TLS', // no config: answered over UDP/TCP only vs also over TLS
    fires: scanOf([device('10.0.0.23', { sip: [sipAnswer(), sipAnswer({ transport: 'tcp' })] })]), devices: ['10.0.0.23'],
    quiet: scanOf([device('10.0.0.23', { sip: [sipAnswer(), sipAnswer({ transport: 'tls', port: 5061 })] })]),
  },
  { id: 'GC-SIP-NO-SRTP', fires: scanOf([withConfig('10.0.0.21')]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  {
    id: 'GC-WEB-NO-PASSWORD',
    fires: scanOf([withConfig('10.0.0.21', {}, { access: 'open', webUi: { url: 'http://10.0.0.21/', authScheme: null, tls: false, selfSignedCert: null } })]), devices: ['10.0.0.21'],
    quiet: scanOf([withConfig('10.0.0.21', {}, { access: 'protected' })]),
  },
  {
    id: 'GC-WEB-DEFAULT-PASSWORD',
    fires: scanOf([withConfig('10.0.0.21', {}, { access: 'default-password' })]), devices: ['10.0.0.21'],
    quiet: scanOf([withConfig('10.0.0.21', {}, { access: 'credentials' })]),
  },
  { id: 'GC-WEB-HTTP-ONLY', fires: scanOf([withConfig('10.0.0.21', { webProtocol: 'http' })]), devices: ['10.0.0.21'], quiet: scanOf([withConfig('10.0.0.21', SAFE_CONFIG)]) },
  {
    id: 'GC-WEB-HTTP-ONLY', // no config: the sweep's HTTP banners
    fires: scanOf([device('10.0.0.24', { http: [{ port: 80, tls: false, status: 401, server: 'yealink embed httpd', realm: null, authScheme: null, title: 'Yealink SIP-T46S Phone', selfSignedCert: null, error: null }] })]),
    devices: ['10.0.0.24'],
    quiet: scanOf([device('10.0.0.24', { http: [
      { port: 80, tls: false, status: 302, server: 'yealink embed httpd', realm: null, authScheme: null, title: null, selfSignedCert: null, error: null },
      { port: 443, tls: true, status: 200, server: 'yealink embed httpd', realm: null, authScheme: null, title: 'Yealink SIP-T46S Phone', selfSignedCert: true, error: null },
    ] })]),
  },
  {
    id: 'GC-WEB-CONFIG-UNAUTH',
    fires: scanOf([device('10.0.0.25', { fingerprint: { vendor: 'Cisco', model: 'SPA504G', firmware: '7.6.2', type: 'desk-phone', confidence: 0.9, evidence: [] },
      config: configRead(phoneConfig({ vendor: 'Cisco', model: 'SPA504G' }), { access: 'protected', exposures: [{ path: '/admin/spacfg.xml', what: 'configuration' }] }) })]),
    devices: ['10.0.0.25'],
    quiet: scanOf([withConfig('10.0.0.21', {}, { access: 'protected' })]),
  },
  { id: 'GC-NET-SIP-ALG', fires: scanOf([device('10.0.0.21')], { reach: reach({ sipAlg: true }) }), devices: [], quiet: scanOf([device('10.0.0.21')], { reach: reach() }) },
  {
    id: 'GC-NET-NAT-EIF', fires: scanOf([device('10.0.0.21')], { reach: reach({ natFiltering: 'endpoint-independent' }) }), devices: [],
    quiet: scanOf([device('10.0.0.21')], { reach: reach({ natFiltering: 'address-dependent' }) }),
  },
  {
    id: 'GC-INV-SCANNER',
    fires: scanOf([device('10.0.0.66', { macVendor: null, sip: [sipAnswer({ userAgent: 'friendly-scanner' })], fingerprint: { vendor: null, model: 'sipvicious', firmware: null, type: 'scanner', confidence: 0.9, evidence: [] } })]),
    devices: ['10.0.0.66'],
    quiet: scanOf([device('10.0.0.21')]),
  },
  { id: 'GC-INV-UNEXPECTED-SIP', fires: scanOf([device('10.0.0.21'), pbx]), devices: ['10.0.0.2'], quiet: scanOf([device('10.0.0.21')]) },
];

describe('rules fire on their evidence and stay quiet otherwise', () => {
  for (const c of CASES) {
    it(`${c.id} fires`, () => {
      const f = (run(c.fires).findings ?? []).find((x) => x.id === c.id);
      expect(f, `${c.id} should fire`).toBeDefined();
      expect(f!.devices.sort()).toEqual([...c.devices].sort());
      expect(f!.evidence.length).toBeGreaterThan(0);
    });
    it(`${c.id} stays quiet (and counts as checked)`, () => {
      const r = run(c.quiet);
      expect(r.findings!.map((f) => f.id)).not.toContain(c.id);
      expect(r.checksNotRun).not.toContain(c.id);
    });
  }

  it('covers every non-firmware rule', () => {
    const covered = new Set(CASES.map((c) => c.id));
    for (const r of RULES.filter((x) => !x.id.startsWith('GC-FW-'))) expect(covered, r.id).toContain(r.id);
  });
});

describe('firmware advisories (each entry with its examples)', () => {
  const VENDOR_NAME = { yealink: 'Yealink', grandstream: 'Grandstream', snom: 'Snom', cisco: 'Cisco', poly: 'Poly' } as Record<string, string>;
  const fwDevice = (vendor: string, model: string, firmware: string | null): Device => device('10.0.0.31', {
    fingerprint: { vendor: VENDOR_NAME[vendor] ?? vendor, model, firmware, type: 'desk-phone', confidence: 0.9, evidence: [] },
  });
  for (const adv of FIRMWARE_ADVISORIES) {
    it(`${adv.id} (${adv.family}) flags ${adv.examples.affected.join(' ')}`, () => {
      const [model, fw] = adv.examples.affected;
      expect(ids(scanOf([fwDevice(adv.vendor, model, fw)]))).toContain(`GC-FW-${adv.id}`);
    });
    if (adv.examples.safe) {
      it(`${adv.id} (${adv.family}) leaves ${adv.examples.safe.join(' ')} alone`, () => {
        const [model, fw] = adv.examples.safe!;
        expect(ids(scanOf([fwDevice(adv.vendor, model, fw)]))).not.toContain(`GC-FW-${adv.id}`);
      });
    }
  }
  it('never flags another vendor with the same model number, nor an unknown firmware when a fix exists', () => {
    expect(ids(scanOf([fwDevice('fanvil', 'GXP1625', '1.0.4.1')])).filter((i) => i.startsWith('GC-FW-'))).toEqual([]);
    expect(ids(scanOf([fwDevice('grandstream', 'GXP1625', null)]))).not.toContain('GC-FW-CVE-2020-5739');
  });
  it('the no-fix rules tell to replace or isolate, with no upgrade steps', () => {
    const f = run(scanOf([fwDevice('cisco', 'SPA112', '1.4.1')])).findings!.find((x) => x.id === 'GC-FW-CVE-2023-20126')!;
    expect(f.remediation.vendors).toEqual([]);
    expect(f.remediation.generic).toMatch(/Replace the device/);
  });
});
