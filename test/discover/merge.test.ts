import { describe, expect, it } from 'vitest';
import { mergeDevices, mdnsSaysPhone, webSaysPhone } from '../../src/discover/merge.js';
import type { MacInfo, MergeInput } from '../../src/discover/merge.js';
import type { HttpBanner, MdnsRecord, SipEvidence } from '../../src/api/result.js';
import { DeviceSchema } from '../../src/api/result.js';

const ev = (port: number, transport: SipEvidence['transport'] = 'udp', ua = 'Yealink SIP-T46S 66.86.0.15'): SipEvidence => ({
  transport, port, status: 200, reason: 'OK', userAgent: ua, server: null, allow: ['OPTIONS'], supported: [], contact: null, rttMs: 1.2,
});
const banner = (over: Partial<HttpBanner>): HttpBanner => ({
  port: 80, tls: false, status: 401, server: null, realm: null, authScheme: null, title: null, selfSignedCert: null, error: null, ...over,
});
const rec = (type: string, name = 'x'): MdnsRecord => ({ name, type, protocol: 'udp', port: 5060, host: null, txt: {} });
const OUI: Record<string, MacInfo> = {
  '80:5e:c0': { org: 'YEALINK(XIAMEN) NETWORK TECHNOLOGY CO.,LTD.', vendor: 'Yealink', randomized: false, phoneVendor: true },
  '00:0b:82': { org: 'Grandstream Networks, Inc.', vendor: 'Grandstream', randomized: false, phoneVendor: true },
  '3c:97:0e': { org: 'Wistron InfoComm', vendor: null, randomized: false, phoneVendor: false },
  '02:00:00': { org: null, vendor: null, randomized: true, phoneVendor: false },
};
const macVendor = (mac: string): MacInfo => OUI[mac.slice(0, 8)] ?? { org: null, vendor: null, randomized: false, phoneVendor: false };

function input(over: Partial<MergeInput>): MergeInput {
  return { inScope: () => true, sip: new Map(), neighbours: new Map(), mdns: new Map(), http: new Map(), macVendor, ...over };
}

describe('mergeDevices', () => {
  it('one device per IP with all its evidence, sorted numerically', () => {
    const devices = mergeDevices(input({
      sip: new Map([['10.0.0.10', [ev(5060), ev(5060, 'tcp')]], ['10.0.0.9', [ev(5062)]]]),
      neighbours: new Map([['10.0.0.10', '80:5e:c0:11:22:33'], ['10.0.0.9', '3c:97:0e:00:00:01']]),
      mdns: new Map([['10.0.0.10', [rec('sip')]]]),
      http: new Map([['10.0.0.10', [banner({ title: 'Yealink T46S' }), banner({ port: 443, tls: true, error: 'ECONNREFUSED', status: null })]]]),
    }));
    expect(devices.map((d) => d.ip)).toEqual(['10.0.0.9', '10.0.0.10']);
    const d = devices[1]!;
    expect(d).toMatchObject({ mac: '80:5e:c0:11:22:33', macVendor: 'Yealink', sipAnswered: true, sources: ['sip', 'arp', 'mdns', 'http'] });
    expect(d.sip).toHaveLength(2);
    expect(d.http).toHaveLength(1); // the refused port is not evidence
    expect(devices[0]!.macVendor).toBe('Wistron InfoComm'); // no short vendor name: the OUI organisation
    for (const x of devices) expect(DeviceSchema.safeParse(x).success).toBe(true);
  });

  it('lists silent hosts only when something says phone', () => {
    const devices = mergeDevices(input({
      neighbours: new Map([
        ['10.0.0.20', '00:0b:82:aa:bb:cc'], // Grandstream MAC, silent: listed
        ['10.0.0.21', '3c:97:0e:00:00:02'], // a PC: not a device
        ['10.0.0.22', '3c:97:0e:00:00:03'], // PC MAC but its web UI says Snom
        ['10.0.0.23', '3c:97:0e:00:00:04'], // advertises _sip._udp
        ['10.0.0.24', '02:00:00:00:00:05'], // randomised MAC, nothing else
      ]),
      http: new Map([['10.0.0.22', [banner({ realm: 'snom D785' })]], ['10.0.0.21', [banner({ title: 'Router login' })]]]),
      mdns: new Map([['10.0.0.23', [rec('_sip')]]]),
    }));
    expect(devices.map((d) => d.ip)).toEqual(['10.0.0.20', '10.0.0.22', '10.0.0.23']);
    for (const d of devices) expect(d.sipAnswered).toBe(false);
    expect(devices[0]!.sources).toEqual(['arp']);
    expect(devices[1]!.sources).toEqual(['arp', 'http']);
  });

  it('keeps out of scope addresses out', () => {
    const devices = mergeDevices(input({
      inScope: (ip) => ip.startsWith('10.0.0.'),
      sip: new Map([['10.0.0.1', [ev(5060)]], ['192.168.1.1', [ev(5060)]]]),
      neighbours: new Map([['192.168.1.2', '80:5e:c0:00:00:01']]),
    }));
    expect(devices.map((d) => d.ip)).toEqual(['10.0.0.1']);
  });
});

describe('phone hints', () => {
  it('web and mDNS hints', () => {
    expect(webSaysPhone([banner({ server: 'Grandstream GXP2170' })])).toBe(true);
    expect(webSaysPhone([banner({ title: 'Welcome to nginx' })])).toBe(false);
    expect(mdnsSaysPhone([rec('http', 'Yealink T54W')])).toBe(true);
    expect(mdnsSaysPhone([rec('http', 'HP LaserJet')])).toBe(false);
  });
});
