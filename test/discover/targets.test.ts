import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NetworkInterfaceInfo } from 'node:os';
import { EngineError } from '../../src/api/errors.js';
import { classify, intToIp, ipToInt, iterateTargets, resolveTargets } from '../../src/discover/targets.js';
import type { TargetSet } from '../../src/discover/targets.js';

const priv = { allowPublic: false, force: false, interfaces: {} };

function errorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('expected an EngineError');
}

const all = (set: TargetSet): string[] => [...iterateTargets(set)];

function iface(address: string, cidr: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr };
}

describe('ipToInt / intToIp / classify', () => {
  it('converts both ways at the edges', () => {
    expect(ipToInt('0.0.0.0')).toBe(0);
    expect(ipToInt('255.255.255.255')).toBe(0xffffffff);
    expect(ipToInt('10.1.2.3')).toBe(0x0a010203);
    expect(intToIp(0xc0a80101)).toBe('192.168.1.1');
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => { expect(ipToInt(intToIp(n))).toBe(n); }));
  });

  it('rejects what is not a dotted quad', () => {
    for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', 'a.b.c.d', '10.0.0.1 ', '0x0a.0.0.1']) {
      expect(errorOf(() => ipToInt(bad)).code).toBe('E_BAD_TARGET');
    }
  });

  it('classifies with ipaddr.js ranges', () => {
    expect(classify('10.1.2.3')).toBe('private');
    expect(classify('172.31.255.254')).toBe('private');
    expect(classify('172.32.0.1')).toBe('public');
    expect(classify('192.168.0.1')).toBe('private');
    expect(classify('100.64.0.1')).toBe('cgnat');
    expect(classify('100.128.0.1')).toBe('public');
    expect(classify('169.254.10.10')).toBe('link-local');
    expect(classify('127.0.0.1')).toBe('loopback');
    expect(classify('8.8.8.8')).toBe('public');
    expect(classify('224.0.1.75')).toBe('reserved');
    expect(classify('192.0.2.1')).toBe('reserved');
  });
});

describe('resolveTargets: specs', () => {
  it('CIDR excludes network and broadcast below /31', () => {
    const s = resolveTargets(['10.0.0.0/24'], priv);
    expect(s.count).toBe(254);
    expect(all(s)[0]).toBe('10.0.0.1');
    expect(all(s).at(-1)).toBe('10.0.0.254');
    expect(all(resolveTargets(['10.0.0.0/31'], priv))).toEqual(['10.0.0.0', '10.0.0.1']);
    expect(all(resolveTargets(['10.0.0.7/32'], priv))).toEqual(['10.0.0.7']);
    expect(all(resolveTargets(['10.0.0.9/30'], priv))).toEqual(['10.0.0.9', '10.0.0.10']); // host bits ignored
  });

  it('ranges, long and short, and single IPs', () => {
    expect(resolveTargets(['10.0.0.10-10.0.0.50'], priv).count).toBe(41);
    expect(all(resolveTargets(['10.0.0.10-12'], priv))).toEqual(['10.0.0.10', '10.0.0.11', '10.0.0.12']);
    expect(all(resolveTargets(['192.168.1.255-192.168.2.1'], priv))).toEqual(['192.168.1.255', '192.168.2.0', '192.168.2.1']);
    expect(all(resolveTargets([' 172.16.0.5 '], priv))).toEqual(['172.16.0.5']);
  });

  it('deduplicates overlapping specs and iterates in order', () => {
    const s = resolveTargets(['10.0.0.5', '10.0.0.0/29', '10.0.0.3-10', '10.0.0.1'], priv);
    expect(all(s)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7', '10.0.0.8', '10.0.0.9', '10.0.0.10']);
    expect(s.count).toBe(10);
    expect(s.ranges).toEqual([{ start: ipToInt('10.0.0.1'), end: ipToInt('10.0.0.10') }]);
    expect(s.fromInterfaces).toBe(false);
  });

  it('garbage is E_BAD_TARGET naming the spec', () => {
    for (const spec of ['phone.local', '10.0.0.0/33', '10.0.0.0/', '10.0.0.1-', '10.0.0.50-10', '10.0.0.9-10.0.0.1', '10.0.0.1-300', '1.2.3', '10.0.0.1/24/8', '-', '10.0.0.1--2']) {
      const e = errorOf(() => resolveTargets([spec], priv));
      expect(e.code, spec).toBe('E_BAD_TARGET');
      expect(e.params.target).toBe(spec);
    }
  });

  it('IPv6 gets a clear E_BAD_TARGET', () => {
    for (const spec of ['fe80::1', '2001:db8::/64', '::1']) {
      const e = errorOf(() => resolveTargets([spec], priv));
      expect(e.code).toBe('E_BAD_TARGET');
      expect(e.message).toMatch(/IPv6 not supported yet/);
    }
  });

  it('public space needs allowPublic; the error names the first public address', () => {
    const e = errorOf(() => resolveTargets(['8.8.8.8'], priv));
    expect(e.code).toBe('E_PUBLIC_TARGET');
    expect(e.params.target).toBe('8.8.8.8');
    expect(errorOf(() => resolveTargets(['10.0.0.1', '1.1.1.0/30'], priv)).params.target).toBe('1.1.1.1');
    // A range that starts and ends private but crosses public space in between.
    expect(errorOf(() => resolveTargets(['10.255.255.250-11.0.0.2'], priv)).params.target).toBe('11.0.0.0');
    expect(errorOf(() => resolveTargets(['172.15.255.255-172.16.0.1'], priv)).params.target).toBe('172.15.255.255');
    expect(resolveTargets(['8.8.8.8'], { ...priv, allowPublic: true }).count).toBe(1);
    for (const ok of ['100.64.0.1', '169.254.1.1', '127.0.0.1', '172.16.0.0/12']) {
      expect(() => resolveTargets([ok], { ...priv, force: true })).not.toThrow();
    }
  });

  it('multicast/broadcast are never hosts', () => {
    expect(errorOf(() => resolveTargets(['224.0.1.75'], { ...priv, allowPublic: true })).code).toBe('E_BAD_TARGET');
    expect(errorOf(() => resolveTargets(['255.255.255.255'], { ...priv, allowPublic: true })).code).toBe('E_BAD_TARGET');
    const s = resolveTargets(['223.255.255.254-224.0.0.2'], { ...priv, allowPublic: true });
    expect(all(s)).toEqual(['223.255.255.254', '223.255.255.255']);
  });

  it('size: more than 65 536 needs force; 2^24 never', () => {
    expect(resolveTargets(['10.1.0.0/16'], priv).count).toBe(65_534);
    expect(resolveTargets(['10.0.0.0-10.0.255.255'], priv).count).toBe(65_536);
    const e = errorOf(() => resolveTargets(['10.0.0.0-10.1.0.0'], priv));
    expect(e.code).toBe('E_TARGET_TOO_LARGE');
    expect(e.params.count).toBe(65_537);
    expect(resolveTargets(['10.0.0.0/15'], { ...priv, force: true }).count).toBe(131_070);
    expect(errorOf(() => resolveTargets(['10.0.0.0/8', '172.16.0.0/12'], { ...priv, force: true })).code).toBe('E_TARGET_TOO_LARGE');
    expect(resolveTargets(['10.0.0.0/8'], { ...priv, force: true }).count).toBe(2 ** 24 - 2);
  });
});

describe('resolveTargets: interfaces', () => {
  const interfaces = {
    lo: [iface('127.0.0.1', '127.0.0.1/8', true)],
    eth0: [iface('192.168.1.23', '192.168.1.23/24'), { ...iface('fe80::1', 'fe80::1/64'), family: 'IPv6' as const, scopeid: 2 }],
    wlan0: [iface('10.20.30.40', '10.20.30.40/22')],
    wan0: [iface('81.2.3.4', '81.2.3.4/29')],
  };

  it('takes the non-internal IPv4 subnets, skipping public ones', () => {
    const s = resolveTargets([], { ...priv, interfaces });
    expect(s.fromInterfaces).toBe(true);
    expect(s.specs).toEqual(['192.168.1.0/24', '10.20.28.0/22']);
    expect(s.count).toBe(254 + 1022);
  });

  it('only the chosen interface', () => {
    expect(resolveTargets([], { ...priv, interfaces, interface: 'wlan0' }).specs).toEqual(['10.20.28.0/22']);
    expect(errorOf(() => resolveTargets([], { ...priv, interfaces, interface: 'nope0' })).code).toBe('E_NO_TARGETS');
    expect(errorOf(() => resolveTargets([], { ...priv, interfaces, interface: 'wan0' })).code).toBe('E_NO_TARGETS');
    expect(resolveTargets([], { ...priv, interfaces, interface: 'wan0', allowPublic: true }).count).toBe(6);
  });

  it('no interfaces → E_NO_TARGETS; a large interface subnet follows the size rule', () => {
    expect(errorOf(() => resolveTargets([], { ...priv, interfaces: { lo: interfaces.lo } })).code).toBe('E_NO_TARGETS');
    const big = { eth0: [iface('10.9.0.1', '10.9.0.1/15')] };
    expect(errorOf(() => resolveTargets([], { ...priv, interfaces: big })).code).toBe('E_TARGET_TOO_LARGE');
    expect(resolveTargets([], { ...priv, interfaces: big, force: true }).count).toBe(131_070);
  });
});

describe('properties', () => {
  it('allowed without allowPublic ⇔ classify() says private/cgnat/link-local/loopback', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
      const ip = intToIp(n);
      const cls = classify(ip);
      let allowed: boolean;
      try { resolveTargets([ip], priv); allowed = true; } catch { allowed = false; }
      expect(allowed, `${ip} ${cls}`).toBe(['private', 'cgnat', 'link-local', 'loopback'].includes(cls));
    }), { numRuns: 3000 });
    for (const edge of ['9.255.255.255', '10.0.0.0', '100.63.255.255', '100.64.0.0', '100.127.255.255', '100.128.0.0', '172.15.255.255', '172.31.255.255', '172.32.0.0', '169.253.255.255', '169.254.255.255', '192.167.255.255', '192.169.0.0', '126.255.255.255', '127.255.255.255', '128.0.0.0']) {
      const cls = classify(edge);
      let allowed: boolean;
      try { resolveTargets([edge], priv); allowed = true; } catch { allowed = false; }
      expect(allowed, edge).toBe(['private', 'cgnat', 'link-local', 'loopback'].includes(cls));
    }
  });

  const privateBase = fc.oneof(
    fc.integer({ min: ipToInt('10.0.0.0'), max: ipToInt('10.255.255.255') }),
    fc.integer({ min: ipToInt('192.168.0.0'), max: ipToInt('192.168.255.255') }),
  );

  it('every address of a CIDR is inside it, and count matches', () => {
    fc.assert(fc.property(privateBase, fc.integer({ min: 20, max: 32 }), (base, bits) => {
      const spec = `${intToIp(base)}/${bits}`;
      const set = resolveTargets([spec], priv);
      const ips = all(set);
      const size = 2 ** (32 - bits);
      const net = base - (base % size);
      expect(ips.length).toBe(set.count);
      expect(set.count).toBe(bits < 31 ? size - 2 : size);
      expect(ips.filter((ip) => { const n = ipToInt(ip); return n < net || n >= net + size; })).toEqual([]);
      expect(new Set(ips).size).toBe(ips.length);
    }), { numRuns: 100 });
  });

  it('a union of ranges yields each covered address exactly once, ascending', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 6 }), (pairs) => {
      const base = ipToInt('10.0.0.0');
      const specs = pairs.map(([s, len]) => `${intToIp(base + s)}-${intToIp(base + s + len)}`);
      const expected = new Set<number>();
      for (const [s, len] of pairs) for (let i = s; i <= s + len; i++) expected.add(base + i);
      const set = resolveTargets(specs, priv);
      const got = all(set).map(ipToInt);
      expect(got).toEqual([...expected].sort((a, b) => a - b));
      expect(set.count).toBe(expected.size);
    }), { numRuns: 200 });
  });
});
