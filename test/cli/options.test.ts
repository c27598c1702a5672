// Option parsing and the bridge to ScanParams.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { onlyLoopback, parsePorts, parseTransports } from '../../src/cli/options.js';
import { register, scanParamsFrom } from '../../src/cli/commands/scan.js';

function parsed(args: string[]) {
  const program = new Command().exitOverride();
  register(program);
  const scan = program.commands.find((c) => c.name() === 'scan') as Command;
  // Parse only: the real action would start a scan of these (non-loopback) targets.
  let ran = false;
  scan.action(() => { ran = true; });
  program.parse(['node', 'ghostcall', 'scan', ...args]);
  expect(ran).toBe(true);
  return scanParamsFrom(scan.args, scan, 'en');
}

describe('scan options → ScanParams', () => {
  it('passes only the options given, so the schema supplies every default', () => {
    expect(parsed(['10.0.0.1'])).toEqual({ targets: ['10.0.0.1'], lang: 'en' });
    expect(parsed(['10.0.0.1', '10.0.0.2', '-p', '5060,5070-5071', '--transports', 'UDP,tls', '--rate', '50', '--timeout', '900', '--no-mdns', '--no-http', '--force'])).toEqual({
      targets: ['10.0.0.1', '10.0.0.2'], lang: 'en', ports: [5060, 5070, 5071], transports: ['udp', 'tls'], rate: 50, timeoutMs: 900, mdns: false, http: false, force: true,
    });
  });

  it('refuses malformed values', () => {
    expect(() => parsePorts('5060,abc')).toThrow();
    expect(() => parsePorts('0')).toThrow();
    expect(() => parsePorts('5070-5060')).toThrow();
    expect(() => parseTransports('udp,sctp')).toThrow();
    expect(() => parsed(['--rate', '1.5'])).toThrow();
  });
});

describe('onlyLoopback', () => {
  it('is true only when every target is inside loopback', () => {
    expect(onlyLoopback(['127.0.0.1'])).toBe(true);
    expect(onlyLoopback(['127.0.0.0/8', '127.1.2.3-127.1.2.9', '::1'])).toBe(true);
    expect(onlyLoopback([])).toBe(false); // no targets = the LAN subnets
    expect(onlyLoopback(['127.0.0.1', '192.168.1.10'])).toBe(false);
    expect(onlyLoopback(['127.0.0.0/7'])).toBe(false);
    expect(onlyLoopback(['127.0.0.1-128.0.0.1'])).toBe(false);
    expect(onlyLoopback(['127.1'])).toBe(false); // legacy short forms are not taken as loopback
    expect(onlyLoopback(['localhost'])).toBe(false);
  });
});
