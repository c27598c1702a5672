import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseIpNeigh, parseProcNetArp, readNeighbours } from '../../src/discover/arp.js';

const PROC = `IP address       HW type     Flags       HW address            Mask     Device
192.168.1.1      0x1         0x2         80:5E:C0:12:34:56     *        eth0
192.168.1.20     0x1         0x0         00:00:00:00:00:00     *        eth0
192.168.1.21     0x1         0x2         00:00:00:00:00:00     *        eth0
10.9.0.5         0x1         0x6         00:0b:82:aa:bb:cc     *        wlan0
192.168.1.30     0x1         0x0         00:04:f2:01:02:03     *        eth0
garbage line
`;

const NEIGH = `192.168.1.1 dev eth0 lladdr 80:5e:c0:12:34:56 REACHABLE
192.168.1.2 dev eth0 lladdr 00:0b:82:00:00:02 router STALE
192.168.1.3 dev eth0 lladdr 00:04:13:00:00:03 DELAY
192.168.1.4 dev eth0 lladdr 00:04:f2:00:00:04 PROBE
192.168.1.5 dev eth0 lladdr 0c:38:3e:00:00:05 PERMANENT
192.168.1.6 dev eth0  INCOMPLETE
192.168.1.7 dev eth0 lladdr 7c:2f:80:00:00:07 FAILED
10.9.0.8 dev wlan0 lladdr 9c:ad:ef:00:00:08 REACHABLE
fe80::1 dev eth0 lladdr 80:5e:c0:12:34:56 router REACHABLE
`;

describe('parseProcNetArp', () => {
  it('keeps complete entries with a real MAC, lower-cased', () => {
    expect([...parseProcNetArp(PROC)]).toEqual([
      ['192.168.1.1', '80:5e:c0:12:34:56'],
      ['10.9.0.5', '00:0b:82:aa:bb:cc'],
    ]);
  });
  it('filters by interface, and survives empty input', () => {
    expect([...parseProcNetArp(PROC, 'wlan0').keys()]).toEqual(['10.9.0.5']);
    expect(parseProcNetArp('').size).toBe(0);
  });
});

describe('parseIpNeigh', () => {
  it('keeps REACHABLE/STALE/DELAY/PROBE/PERMANENT IPv4 entries', () => {
    expect([...parseIpNeigh(NEIGH).keys()]).toEqual(['192.168.1.1', '192.168.1.2', '192.168.1.3', '192.168.1.4', '192.168.1.5', '10.9.0.8']);
    expect(parseIpNeigh(NEIGH).get('192.168.1.2')).toBe('00:0b:82:00:00:02');
    expect([...parseIpNeigh(NEIGH, 'wlan0').keys()]).toEqual(['10.9.0.8']);
  });
});

describe('readNeighbours', () => {
  it('reads the proc file when there is one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-arp-'));
    try {
      writeFileSync(join(dir, 'arp'), PROC);
      const m = await readNeighbours({ procPath: join(dir, 'arp') });
      expect(m.get('192.168.1.1')).toBe('80:5e:c0:12:34:56');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to `ip neigh`, and on Linux never to node-arp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-arp-'));
    try {
      const fakeIp = join(dir, 'ip');
      writeFileSync(fakeIp, `#!/bin/sh\n[ "$*" = "-4 neigh show" ] || exit 2\ncat <<'X'\n${NEIGH}X\n`);
      chmodSync(fakeIp, 0o755);
      const m = await readNeighbours({ procPath: join(dir, 'missing'), ipCommand: fakeIp });
      expect(m.get('192.168.1.5')).toBe('0c:38:3e:00:00:05');
      const none = await readNeighbours({ procPath: join(dir, 'missing'), ipCommand: join(dir, 'missing-ip'), platform: 'linux', ips: ['192.168.1.1'] });
      expect(none.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- The real kernel table, in two throwaway namespaces joined by a veth (never the root namespace's LAN). ---
const isRoot = process.getuid?.() === 0;
const hasIp = (() => { try { execFileSync('ip', ['-V']); return true; } catch { return false; } })();
const id = `${process.pid % 100000}${Math.floor(Math.random() * 1000)}`;
const NS_SCAN = `gcarps${id}`;
const NS_PHONE = `gcarpp${id}`;
const ROOT = resolve(import.meta.dirname, '../..');
const PHONE_MAC = '80:5e:c0:00:00:42'; // a Yealink OUI

describe.skipIf(!isRoot || !hasIp)('readNeighbours in a lab namespace (needs root and iproute2)', () => {
  let dir = '';
  const ip = (...args: string[]): void => { execFileSync('ip', args, { stdio: 'pipe' }); };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gc-arp-ns-'));
    ip('netns', 'add', NS_SCAN);
    ip('netns', 'add', NS_PHONE);
    ip('link', 'add', `as${id}`, 'netns', NS_SCAN, 'type', 'veth', 'peer', 'name', `ap${id}`, 'netns', NS_PHONE);
    ip('-n', NS_PHONE, 'link', 'set', `ap${id}`, 'address', PHONE_MAC);
    ip('-n', NS_SCAN, 'addr', 'add', '10.78.0.1/24', 'dev', `as${id}`);
    ip('-n', NS_PHONE, 'addr', 'add', '10.78.0.2/24', 'dev', `ap${id}`);
    for (const [ns, dev] of [[NS_SCAN, `as${id}`], [NS_PHONE, `ap${id}`]] as const) {
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
    // As the sweep does: one UDP datagram to the (silent) phone makes the kernel resolve its MAC.
    writeFileSync(join(dir, 'read.mts'), `
      import { createSocket } from 'node:dgram';
      import { readNeighbours } from ${JSON.stringify(join(ROOT, 'src/discover/arp.ts'))};
      const before = await readNeighbours();
      const s = createSocket('udp4');
      s.send(Buffer.from('OPTIONS'), 5060, '10.78.0.2', () => s.close());
      await new Promise((r) => setTimeout(r, 300));
      const proc = await readNeighbours();
      const neigh = await readNeighbours({ procPath: '/nonexistent' });
      const other = await readNeighbours({ interface: 'lo' });
      console.log(JSON.stringify({ before: [...before], proc: [...proc], neigh: [...neigh], other: [...other] }));
    `);
  });

  afterAll(() => {
    for (const ns of [NS_SCAN, NS_PHONE]) { try { ip('netns', 'del', ns); } catch { /* already gone */ } }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sees the phone\'s MAC once traffic resolved it, from /proc and from ip neigh', () => {
    const out = execFileSync('ip', ['netns', 'exec', NS_SCAN, process.execPath, '--import', 'tsx', join(dir, 'read.mts')], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<'before' | 'proc' | 'neigh' | 'other', Array<[string, string]>>;
    expect(r.before).toEqual([]);
    expect(r.proc).toEqual([['10.78.0.2', PHONE_MAC]]);
    expect(r.neigh).toEqual([['10.78.0.2', PHONE_MAC]]);
    expect(r.other).toEqual([]);
  });
});
