// Which local address names us in Via/Contact (loopback only: connect(2) on a UDP socket sends nothing).
import { describe, expect, it } from 'vitest';
import { LocalIpResolver, lansHolding, onLinkInterface, routeSource } from '../../src/discover/local-ip.js';
import { resolveTargets } from '../../src/discover/targets.js';

const ifaces = [
  { name: 'lo', address: '127.0.0.1', prefixLength: 8 },
  { name: 'eth0', address: '10.1.0.5', prefixLength: 16 },
  { name: 'eth1', address: '10.1.2.9', prefixLength: 24 },
];

describe('local-ip', () => {
  it('picks the interface whose subnet holds the target, longest prefix first', () => {
    expect(onLinkInterface('10.1.2.50', ifaces)?.name).toBe('eth1');
    expect(onLinkInterface('10.1.7.50', ifaces)?.name).toBe('eth0');
    expect(onLinkInterface('10.1.2.50', ifaces, 'eth0')?.name).toBe('eth0');
    expect(onLinkInterface('192.168.1.1', ifaces)).toBeNull();
    expect(onLinkInterface('not-an-ip', ifaces)).toBeNull();
  });

  it('asks the routing table for the source address (loopback)', async () => {
    expect(await routeSource('127.0.0.9')).toBe('127.0.0.1');
    const r = new LocalIpResolver();
    expect(await r.resolve('127.0.0.3')).toBe('127.0.0.1');
    expect(r.cached('127.0.0.3')).toBe('127.0.0.1');
    expect(r.isOnLink('127.0.0.3')).toBe(true);
  });
});

// mDNS multicasts on a link: it may go out only on a LAN interface that holds a target.
describe('lansHolding (where mDNS may browse)', () => {
  const lan = [
    { name: 'lo', address: '127.0.0.1', prefixLength: 8, arp: false },
    { name: 'eth0', address: '192.168.1.5', prefixLength: 24, arp: true },
    { name: 'wg0', address: '10.8.0.2', prefixLength: 24, arp: false },
    { name: 'eth1', address: '172.16.4.1', prefixLength: 22, arp: true },
  ];
  const lans = (specs: string[], only?: string): string[] =>
    lansHolding(resolveTargets(specs, { allowPublic: false, force: true }).ranges, lan, only).map((i) => i.name);

  it('never for loopback-only targets', () => {
    expect(lans(['127.0.0.1'])).toEqual([]);
    expect(lans(['127.0.0.0/8', '127.1.2.3-127.1.2.9'])).toEqual([]);
  });
  it('only on the LAN that holds a target, not on a routed or tunnelled subnet', () => {
    expect(lans(['127.0.0.1', '192.168.1.10'])).toEqual(['eth0']);
    expect(lans(['10.99.0.0/24'])).toEqual([]); // off-link: routed elsewhere
    expect(lans(['10.8.0.0/24'])).toEqual([]); // a NOARP tunnel is no LAN
    expect(lans(['172.16.7.200-172.16.8.5'])).toEqual(['eth1']); // a range overlapping the /22's end
    expect(lans(['172.16.8.0-172.16.8.5'])).toEqual([]);
    expect(lans(['192.168.0.0/16'])).toEqual(['eth0']);
    expect(lans(['192.168.1.0/24', '172.16.4.9'], 'eth1')).toEqual(['eth1']);
  });
});
