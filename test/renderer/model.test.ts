// The renderer's pure helpers (no browser): grouping, vendor matching, scan
// params from the form, translated errors.
import { describe, expect, it } from 'vitest';
import { groupByRootCause, vendorSteps, findingKey } from '../../renderer/src/model/findings.js';
import { toParams } from '../../renderer/src/model/params.js';
import { errorText } from '../../renderer/src/model/errors.js';
import type { Device, Finding } from '../../src/api/result.js';

const fix = (vendor: string) => ({ vendor, steps: [`${vendor} step`], parameters: [] });
const finding = (id: string, severity: Finding['severity'], rootCause: string, devices: string[], excepted = false): Finding => ({
  id, severity, title: id, rootCause, evidence: [], devices, references: [],
  remediation: { generic: 'g', vendors: [fix('Yealink'), fix('Cisco SPA/MPP'), fix('Poly/Polycom'), fix('Snom')] },
  exception: excepted ? { reason: 'r', by: null, at: null } : null,
});
const device = (ip: string, vendor: string | null, macVendor: string | null = null): Device => ({
  ip, mac: null, macVendor, macRandomized: false, sipAnswered: true, sources: ['sip'], sip: [], mdns: [], http: [],
  fingerprint: vendor ? { vendor, model: null, firmware: null, type: 'desk-phone', confidence: 0.9, evidence: [] } : null,
});

describe('groupByRootCause', () => {
  it('worst group first; accepted findings sink to the end of their group and do not set its severity', () => {
    const groups = groupByRootCause([
      finding('A', 'medium', 'provisioning-template', ['10.0.0.1']),
      finding('B', 'critical', 'firewall', ['10.0.0.1', '10.0.0.2']),
      finding('C', 'high', 'provisioning-template', ['10.0.0.2'], true),
    ]);
    expect(groups.map((g) => [g.rootCause, g.worst, g.findings.map((f) => f.id), g.devices.length])).toEqual([
      ['firewall', 'critical', ['B'], 2],
      ['provisioning-template', 'medium', ['A', 'C'], 2],
    ]);
  });
});

describe('vendorSteps', () => {
  it("shows the affected devices' vendors by the checks' vendor table (Linksys is Cisco, Polycom is Poly), the rest folded", () => {
    const f = finding('X', 'high', 'provisioning-template', ['10.0.0.1', '10.0.0.2']);
    const { matched, others } = vendorSteps(f, [device('10.0.0.1', 'Linksys'), device('10.0.0.2', null, 'Polycom'), device('10.0.0.3', 'Snom')]);
    expect(matched.map((v) => [v.vendor, v.devices])).toEqual([['Cisco SPA/MPP', ['10.0.0.1']], ['Poly/Polycom', ['10.0.0.2']]]);
    expect(others.map((v) => v.vendor)).toEqual(['Yealink', 'Snom']); // Snom's phone is not affected
  });
  it('an unknown vendor matches nothing: everything folded', () => {
    const f = finding('X', 'high', 'phone-setting', ['10.0.0.1']);
    expect(vendorSteps(f, [device('10.0.0.1', 'Acme')]).matched).toEqual([]);
    expect(findingKey(f)).toBe('X@10.0.0.1');
  });
});

describe('toParams', () => {
  it('splits targets and ports, maps the external test and the ghost-call opt-in', () => {
    expect(toParams({ targets: '192.168.1.0/24, 10.0.0.5', ports: '5060 5062', transports: ['udp'], mdns: false, reachEndpoint: ' http://echo.example:8080 ', ghostCallTest: true }))
      .toEqual({ targets: ['192.168.1.0/24', '10.0.0.5'], ports: [5060, 5062], transports: ['udp'], mdns: false, ghostCallTest: true, reachEndpoint: 'http://echo.example:8080' });
    const p = toParams({ targets: '', ports: '', transports: ['udp', 'tcp'], mdns: true, reachEndpoint: '  ', ghostCallTest: false });
    expect(p).toEqual({ targets: [], transports: ['udp', 'tcp'], mdns: true, ghostCallTest: false });
    expect('reachEndpoint' in p).toBe(false); // empty = nothing outside is contacted
  });
});

describe('errorText', () => {
  it('translates the code with its variant, params inert', () => {
    expect(errorText({ code: 'E_PUBLIC_TARGET', params: { target: '8.8.8.8' }, message: 'x' }, 'nl')).toContain('8.8.8.8 is een publiek adres');
    expect(errorText({ code: 'E_NO_TARGETS', params: { interface: 'eth\u001b[31m0' }, message: 'x' }, 'en')).toBe('Interface eth\\x1b[31m0 has no private IPv4 subnet to scan: name the targets.');
    expect(errorText({ code: 'E_INTERNAL', params: {}, message: 'boom' }, 'en')).toContain('boom');
  });
});
