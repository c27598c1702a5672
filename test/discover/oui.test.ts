import { describe, expect, it } from 'vitest';
import { macVendor, normalizeMac } from '../../src/discover/oui.js';
import { PHONE_VENDOR_RULES } from '../../src/discover/phone-vendors.js';

describe('normalizeMac', () => {
  it('accepts the usual spellings', () => {
    for (const m of ['80:5E:C0:12:34:56', '80-5e-c0-12-34-56', '805e.c012.3456', '805EC0123456', ' 80:5e:c0:12:34:56 ']) {
      expect(normalizeMac(m)).toBe('80:5e:c0:12:34:56');
    }
    expect(normalizeMac('0:4:f2:1:2:3')).toBe('00:04:f2:01:02:03'); // macOS arp -a drops leading zeros
  });

  it('refuses what is not a MAC', () => {
    for (const m of ['', '80:5e:c0:12:34', '80:5e:c0:12:34:56:78', 'zz:5e:c0:12:34:56', '80:5e-c0:12:34:56', '805e.c012', 'incomplete']) {
      expect(normalizeMac(m)).toBeNull();
    }
  });
});

describe('macVendor (real IEEE prefixes from oui-data)', () => {
  it.each([
    ['80:5e:c0:aa:bb:cc', 'YEALINK(XIAMEN) NETWORK TECHNOLOGY CO.,LTD.', 'Yealink'],
    ['00:15:65:01:02:03', 'XIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD', 'Yealink'],
    ['00:0b:82:01:02:03', 'Grandstream Networks, Inc.', 'Grandstream'],
    ['00:04:13:01:02:03', 'snom technology GmbH', 'Snom'],
    ['00:04:f2:01:02:03', 'Polycom', 'Poly'],
    ['64:16:7f:01:02:03', 'Polycom', 'Poly'],
    ['0c:38:3e:01:02:03', 'Fanvil Technology Co., Ltd.', 'Fanvil'],
    ['7c:2f:80:01:02:03', 'Gigaset Communications GmbH', 'Gigaset'],
    ['00:1f:c1:01:02:03', 'Hanlong Technology Co.,LTD', 'Htek'],
    ['9c:ad:ef:01:02:03', 'Obihai Technology, Inc.', 'Obihai'],
    ['00:08:5d:01:02:03', 'Mitel Corporation', 'Mitel'],
    ['00:90:8f:01:02:03', 'AUDIO CODES LTD.', 'AudioCodes'],
    ['00:0e:08:01:02:03', 'Cisco-Linksys, LLC', 'Linksys'],
  ])('%s → %s (%s), a phone vendor', (mac, org, vendor) => {
    expect(macVendor(mac)).toEqual({ org, vendor, randomized: false, phoneVendor: true });
  });

  it('knows vendors that make no phones', () => {
    expect(macVendor('88:15:44:00:00:01')).toMatchObject({ org: 'Cisco Meraki', vendor: 'Cisco', phoneVendor: false });
    const ubnt = macVendor('60:22:32:00:00:01');
    expect(ubnt).toMatchObject({ org: 'Ubiquiti Inc', vendor: 'Ubiquiti', phoneVendor: false });
    expect(macVendor('3c:2a:f4:00:00:01')).toEqual({ org: 'Brother Industries, LTD.', vendor: null, randomized: false, phoneVendor: false });
  });

  it('matches MA-S / MA-M sub-assignments before the IEEE-owned MA-L', () => {
    // 70:B3:D5 is the IEEE Registration Authority's MA-L; 70B3D5191 is an MA-S block.
    expect(macVendor('70:b3:d5:19:10:01').org).toBe('Algodue Elettronica Srl');
    expect(macVendor('70:b3:d5:ff:ff:ff').org).not.toBe('Algodue Elettronica Srl');
  });

  it('locally administered (randomised) MACs say nothing', () => {
    // 82:5e:c0... is Yealink's OUI with the U/L bit set.
    expect(macVendor('82:5e:c0:12:34:56')).toEqual({ org: null, vendor: null, randomized: true, phoneVendor: false });
    expect(macVendor('da:a1:19:00:00:01').randomized).toBe(true);
  });

  it('unknown, group and malformed input → nothing, never a throw', () => {
    expect(macVendor('01:00:5e:00:00:01')).toEqual({ org: null, vendor: null, randomized: false, phoneVendor: false });
    expect(macVendor('not a mac')).toEqual({ org: null, vendor: null, randomized: false, phoneVendor: false });
    expect(macVendor('00:00:00:00:00:00').phoneVendor).toBe(false);
  });

  it('every phone-vendor rule matches at least one real OUI organisation', async () => {
    const { createRequire } = await import('node:module');
    const table = createRequire(import.meta.url)('oui-data') as Record<string, string>;
    const orgs = new Set(Object.values(table).map((v) => (v.split('\n')[0] ?? '').trim()));
    const unmatched = PHONE_VENDOR_RULES.filter((r) => ![...orgs].some((o) => r.org.test(o))).map((r) => r.org.source);
    expect(unmatched).toEqual([]);
  });
});
