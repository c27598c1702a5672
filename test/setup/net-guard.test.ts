// The guard of test/setup/net-guard.ts is in effect in every test process.
import { describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

describe('the test process only reaches loopback', () => {
  it('refuses a UDP send and a TCP connect to a non-loopback address (TEST-NET-1)', () => {
    const sock = createSocket('udp4');
    try {
      expect(() => sock.send(Buffer.from('x'), 5060, '192.0.2.1')).toThrow(/NET-GUARD/);
    } finally {
      sock.close();
    }
    expect(() => connect({ host: '192.0.2.1', port: 5060 })).toThrow(/NET-GUARD/);
  });
});
