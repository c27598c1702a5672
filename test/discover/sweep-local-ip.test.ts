// Which local address names us in Via/Contact (loopback only: connect(2) on a UDP socket sends nothing).
import { describe, expect, it } from 'vitest';
import { LocalIpResolver, onLinkInterface, routeSource } from '../../src/discover/local-ip.js';

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
