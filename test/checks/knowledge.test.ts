// The knowledge base itself: every rule has its texts in English and Dutch, a fix
// for every vendor the config readers know (phone/provisioning rules), sources,
// stable unique ids; the firmware table is coherent; versions compare sanely.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resources } from '../../src/i18n/index.js';
import { RULES } from '../../src/checks/rules/index.js';
import { FIRMWARE_ADVISORIES } from '../../src/checks/data/firmware-cves.js';
import { CONFIG_VENDORS, ROOT_CAUSES } from '../../src/checks/types.js';
import { compareVersions } from '../../src/checks/version.js';
import { vendorKey } from '../../src/checks/vendors.js';

type Tree = { [k: string]: string | Tree };
const lookup = (lang: 'en' | 'nl', key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), resources[lang].checks);

describe('rules knowledge base', () => {
  it('ids are stable-looking and unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^GC-[A-Z0-9]+(-[A-Z0-9]+)+$/);
    expect(RULES.length).toBeGreaterThanOrEqual(18);
  });

  for (const rule of RULES) {
    it(`${rule.id}: texts in en and nl, root cause, references`, () => {
      for (const part of ['title', 'description', 'fix']) {
        const en = lookup('en', `rules.${rule.textKey}.${part}`);
        const nl = lookup('nl', `rules.${rule.textKey}.${part}`);
        expect(typeof en, `en ${part}`).toBe('string');
        expect(typeof nl, `nl ${part}`).toBe('string');
        expect(nl).not.toBe(en); // really translated
      }
      for (const key of Object.values(rule.paramKeys ?? {})) {
        expect(typeof lookup('en', key), key).toBe('string');
        expect(typeof lookup('nl', key), key).toBe('string');
      }
      expect(ROOT_CAUSES).toContain(rule.rootCause);
      expect(rule.references.length).toBeGreaterThan(0);
    });

    it(`${rule.id}: vendor fixes are complete and their notes translated`, () => {
      if (rule.rootCause === 'phone-setting' || rule.rootCause === 'provisioning-template') {
        for (const v of CONFIG_VENDORS) expect(rule.vendors[v], `${rule.id} has no fix for ${v}`).toBeDefined();
      }
      for (const [vendor, fix] of Object.entries(rule.vendors)) {
        // a fix says something actionable, or says (in a note) why it cannot
        expect(fix!.web.length + fix!.parameters.length + (fix!.notes?.length ?? 0), vendor).toBeGreaterThan(0);
        expect(fix!.sources.length, `${rule.id}/${vendor} sources`).toBeGreaterThan(0);
        for (const w of fix!.web) expect(w.path.length).toBeGreaterThan(0);
        for (const n of fix!.notes ?? []) {
          expect(typeof lookup('en', n), n).toBe('string');
          expect(typeof lookup('nl', n), n).toBe('string');
        }
      }
    });
  }

  it('the headline parameters are the vendors\' documented ones', () => {
    const fix = (id: string, v: (typeof CONFIG_VENDORS)[number]) => RULES.find((r) => r.id === id)!.vendors[v]!;
    expect(fix('GC-CFG-TRUST-OFF', 'yealink').parameters).toContainEqual({ name: 'sip.trust_ctrl', value: '1' });
    expect(fix('GC-CFG-TRUST-OFF', 'yealink').web[0]!.setting).toBe('Accept SIP Trust Server Only');
    expect(fix('GC-CFG-DIRECT-IP', 'yealink').parameters).toContainEqual({ name: 'features.direct_ip_call_enable', value: '0' });
    expect(fix('GC-CFG-DIRECT-IP', 'grandstream').parameters).toContainEqual({ name: 'P1310', value: '1' });
    expect(fix('GC-CFG-TRUST-OFF', 'cisco').parameters).toContainEqual({ name: 'Auth_INVITE_1_', value: 'Yes' });
    expect(fix('GC-CFG-TRUST-OFF', 'poly').parameters).toContainEqual({ name: 'voIpProt.SIP.requestValidation.1.method', value: 'source' });
    expect(fix('GC-SIP-PORT-5060', 'grandstream').parameters.map((p) => p.name)).toContain('P40');
  });
});

describe('firmware advisories table', () => {
  it('every entry is sourced, names a known vendor, and has coherent versions', () => {
    for (const a of FIRMWARE_ADVISORIES) {
      expect(a.sources.length, a.id).toBeGreaterThan(0);
      expect(a.id).toMatch(/^(CVE-\d{4}-\d{4,}|[A-Z]+-[A-Z0-9-]+)$/);
      if (a.fixed && a.lastAffected) expect(compareVersions(a.lastAffected, a.fixed), a.id).toBe(-1);
      expect(a.models.test(a.examples.affected[0]), `${a.id} example model`).toBe(true);
    }
  });
});

describe('compareVersions', () => {
  it('orders firmware strings as vendors write them', () => {
    expect(compareVersions('1.0.4.152', '1.0.5.3')).toBe(-1);
    expect(compareVersions('66.86.0.15', '66.86.0.15')).toBe(0);
    expect(compareVersions('7.5.7(6)', '7.6.2')).toBe(-1);
    expect(compareVersions('7.5.7(6)', '7.5.7')).toBe(1);
    expect(compareVersions('11.3.7', '11.3.7SR1')).toBe(-1);
    expect(compareVersions('11.3.7SR1', '11.3.7SR1')).toBe(0);
    expect(compareVersions('sip78xx.14-2-1', '14.2(1)')).toBe(0);
    expect(compareVersions('10', '9.9.9')).toBe(1);
    expect(compareVersions('unknown', '1.0')).toBeNull();
  });
  it('is a total order on versions (antisymmetric, reflexive) and never throws on junk', () => {
    const ver = fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 6 }).map((a) => a.join('.'));
    fc.assert(fc.property(ver, ver, (a, b) => compareVersions(a, b) === -(compareVersions(b, a) as number) && compareVersions(a, a) === 0));
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => { compareVersions(a, b); return true; }));
  });
});

describe('vendor names', () => {
  it('maps fingerprint, config and OUI spellings', () => {
    expect(vendorKey('Yealink Network Technology Co.,Ltd.')).toBe('yealink');
    expect(vendorKey('Polycom')).toBe('poly');
    expect(vendorKey('Poly')).toBe('poly');
    expect(vendorKey('Linksys')).toBe('cisco');
    expect(vendorKey('Cisco Systems, Inc')).toBe('cisco');
    expect(vendorKey('Gigaset Communications GmbH')).toBe('gigaset');
    expect(vendorKey('Asterisk')).toBeNull();
    expect(vendorKey(null)).toBeNull();
  });
});
