// The same rules on the repo's fixture configs, read by the real config readers
// (offline `ghostcall config` / readConfigFiles): unsafe files get the findings,
// safe files do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../src/config/offline.js';

const DIR = join(import.meta.dirname, '../fixtures/phone-configs');
const read = (rel: string, lang: 'en' | 'nl' = 'en') => {
  const [r] = readConfigFiles({ files: [{ name: rel, content: readFileSync(join(DIR, rel), 'utf8') }], lang });
  expect(r!.ok, `${rel}: ${JSON.stringify(r!.error)}`).toBe(true);
  return r!;
};
const ids = (rel: string): string[] => read(rel).findings.map((f) => f.id);

describe('checks on fixture config files', () => {
  it('the unsafe Yealink common file: trust off, direct IP on, port 5060, no SRTP, no TLS', () => {
    expect(ids('yealink/unsafe-common-y000000000044.cfg')).toEqual(expect.arrayContaining(['GC-CFG-TRUST-OFF', 'GC-CFG-DIRECT-IP', 'GC-SIP-PORT-5060', 'GC-SIP-NO-SRTP', 'GC-SIP-NO-TLS']));
  });
  it('the safe Yealink file: none of them', () => {
    const found = ids('yealink/safe-805ec0aabbcc.cfg');
    for (const id of ['GC-CFG-TRUST-OFF', 'GC-CFG-DIRECT-IP', 'GC-SIP-PORT-5060', 'GC-SIP-NO-SRTP', 'GC-SIP-NO-TLS', 'GC-WEB-HTTP-ONLY']) expect(found).not.toContain(id);
  });
  it('a defaults-only Yealink file: the vendor defaults (trust off, IP calls on) are findings, marked as defaults', () => {
    const r = read('yealink/defaults-only-account.cfg');
    const trust = r.findings.find((f) => f.id === 'GC-CFG-TRUST-OFF');
    expect(trust!.evidence).toEqual([{ device: 'yealink/defaults-only-account.cfg', probe: 'config', item: 'sip.trust_ctrl', value: 'false (vendor default)' }]);
    expect(r.findings.map((f) => f.id)).toContain('GC-CFG-DIRECT-IP');
  });
  it('GC-SIP-NO-TLS names the transport parameters the config set, not a placeholder', () => {
    const f = read('yealink/unsafe-common-y000000000044.cfg').findings.find((x) => x.id === 'GC-SIP-NO-TLS');
    expect(f!.evidence).toEqual([{ device: 'yealink/unsafe-common-y000000000044.cfg', probe: 'config', item: 'account.1.transport', value: 'udp' }]);
  });
  it('GC-SIP-PORT-5060 marks a local port that only the vendor default gives', () => {
    const content = '<?xml version="1.0"?>\n<gs_provision version="1">\n<config version="1">\n<P47>pbx.example.net</P47>\n<P35>201</P35>\n</config>\n</gs_provision>\n';
    const [r] = readConfigFiles({ files: [{ name: 'gs-defaults.xml', content }], lang: 'en' });
    expect(r!.ok, JSON.stringify(r!.error)).toBe(true);
    const f = r!.findings.find((x) => x.id === 'GC-SIP-PORT-5060');
    expect(f!.evidence).toEqual([{ device: 'gs-defaults.xml', probe: 'config', item: 'P40', value: '5060 (vendor default)' }]);
  });
  it('Grandstream, Cisco SPA, Snom, Polycom unsafe vs safe, with that vendor\'s fix first', () => {
    const pairs: Array<[string, string, string]> = [
      ['grandstream/cfg000b82aabbcc.xml', 'grandstream/gxp-safe-pvalues.txt', 'Grandstream'],
      ['cisco/spa504g-unsafe.xml', 'cisco/mpp-cp8851-safe.xml', 'Cisco SPA/MPP'],
      ['snom/snom-d785-unsafe.xml', 'snom/snom-safe.xml', 'Snom'],
      ['polycom/0004f2aabbcc.cfg', 'polycom/site-safe.cfg', 'Poly/Polycom'],
    ];
    for (const [bad, good, vendor] of pairs) {
      const f = read(bad).findings.find((x) => x.id === 'GC-CFG-TRUST-OFF');
      expect(f, bad).toBeDefined();
      expect(f!.remediation.vendors[0]!.vendor, bad).toBe(vendor);
      expect(f!.devices).toEqual([bad]);
      expect(ids(good), good).not.toContain('GC-CFG-TRUST-OFF');
      expect(ids(good), good).not.toContain('GC-CFG-DIRECT-IP');
    }
  });
  it('findings come in the requested language', () => {
    const nl = read('cisco/spa504g-unsafe.xml', 'nl').findings.find((x) => x.id === 'GC-CFG-DIRECT-IP')!;
    expect(nl.title).toBe('Directe IP-oproepen zijn toegestaan');
    expect(nl.remediation.vendors[0]!.steps.join(' ')).toContain('Enable_IP_Dialing_1_ = No');
  });
  it('a file that cannot be read has no findings and no crash', () => {
    const [r] = readConfigFiles({ files: [{ name: 'x.txt', content: 'not a config' }], lang: 'en' });
    expect(r!.ok).toBe(false);
    expect(r!.findings).toEqual([]);
  });
});
