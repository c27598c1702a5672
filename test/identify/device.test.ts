// fingerprintDevice: every source combined, with a confidence and the evidence.
import { describe, expect, it } from 'vitest';
import { FingerprintSchema, type Device, type HttpBanner, type SipEvidence } from '../../src/api/result.js';
import { fingerprintDevice } from '../../src/identify/fingerprint.js';

function sip(userAgent: string | null, server: string | null = null): SipEvidence {
  return { transport: 'udp', port: 5060, status: 200, reason: 'OK', userAgent, server, allow: [], supported: [], contact: null, rttMs: 3 };
}
function http(p: Partial<HttpBanner>): HttpBanner {
  return { port: 80, tls: false, status: 401, server: null, realm: null, authScheme: null, title: null, selfSignedCert: null, error: null, ...p };
}
function device(p: Partial<Device>): Device {
  return { ip: '192.0.2.10', mac: null, macVendor: null, macRandomized: false, sipAnswered: true, sources: ['sip'], sip: [], mdns: [], http: [], ...p };
}

describe('fingerprintDevice', () => {
  it('returns null when no source names anything', () => {
    expect(fingerprintDevice(device({}))).toBeNull();
    expect(fingerprintDevice(device({ sip: [sip('SIP UA')], http: [http({ server: 'lighttpd' })], macVendor: 'Some Chip Maker Ltd' }))).toBeNull();
  });

  it('agreeing sources raise the confidence and all stay as evidence', () => {
    const only = fingerprintDevice(device({ sip: [sip('Yealink SIP-T46S 66.86.0.15')] }))!;
    const all = fingerprintDevice(device({
      sip: [sip('Yealink SIP-T46S 66.86.0.15')],
      http: [http({ server: 'yealink embed httpd', title: 'Yealink SIP-T46S Phone' })],
      mdns: [{ name: 'Yealink-SIP-T46S', type: 'http', protocol: 'tcp', port: 80, host: null, txt: {} }],
      mac: '80:5e:c0:01:02:03', macVendor: 'Yealink(Xiamen) Network Technology Co.,Ltd.',
    }))!;
    expect(FingerprintSchema.parse(all)).toEqual(all);
    expect(all).toMatchObject({ vendor: 'Yealink', model: 'SIP-T46S', firmware: '66.86.0.15', type: 'desk-phone' });
    expect(only.confidence).toBe(0.9);
    expect(all.confidence).toBeGreaterThan(only.confidence);
    expect(all.evidence.map((e) => e.source)).toEqual(['sip-user-agent:udp/5060', 'http-server:http/80', 'http-title:http/80', 'mdns-name', 'mac-oui']);
    expect(all.evidence[0]).toEqual({ source: 'sip-user-agent:udp/5060', value: 'Yealink SIP-T46S 66.86.0.15', matched: 'yealink-phone' });
  });

  it('a conflict lowers the confidence and keeps both sides as evidence', () => {
    const clean = fingerprintDevice(device({ sip: [sip('Grandstream GXP2170 1.0.9.135')] }))!;
    const conflict = fingerprintDevice(device({ sip: [sip('Grandstream GXP2170 1.0.9.135')], macVendor: 'SNOM Technology AG', mac: '00:04:13:01:02:03' }))!;
    expect(conflict.vendor).toBe('Grandstream');
    expect(conflict.confidence).toBeLessThan(clean.confidence);
    expect(conflict.evidence.map((e) => e.matched)).toEqual(['grandstream-device', 'oui:Snom']);
  });

  it('a Linksys SPA behind a Cisco OUI agrees (one maker), and keeps the brand the device names', () => {
    const f = fingerprintDevice(device({ sip: [sip(null, 'Linksys/SPA2102-5.2.10')], macVendor: 'Cisco-Linksys, LLC' }))!;
    expect(f).toMatchObject({ vendor: 'Linksys', model: 'SPA2102', type: 'ata' });
    expect(f.confidence).toBeGreaterThan(0.9);
  });

  it('a phone that ignores SIP is still named by its web UI and OUI, with lower confidence', () => {
    const f = fingerprintDevice(device({ sipAnswered: false, http: [http({ title: 'Grandstream Device Configuration' })], macVendor: 'Grandstream Networks, Inc.' }))!;
    expect(f).toMatchObject({ vendor: 'Grandstream', model: null, firmware: null, type: null });
    expect(f.confidence).toBeLessThan(0.75);
  });

  it('an OUI alone is weak evidence; a randomised MAC says nothing', () => {
    expect(fingerprintDevice(device({ macVendor: 'Polycom' }))).toMatchObject({ vendor: 'Poly', confidence: 0.3 });
    expect(fingerprintDevice(device({ macVendor: 'Polycom', macRandomized: true }))).toBeNull();
  });

  it('hostile header values do not break it', () => {
    const f = fingerprintDevice(device({ sip: [sip(`\u001b]0;pwned\u0007${'A'.repeat(100_000)}`, 'snomD785/10.1.54.13\u202e')] }))!;
    expect(f).toMatchObject({ vendor: 'Snom', model: 'D785', firmware: '10.1.54.13' });
  });
});
