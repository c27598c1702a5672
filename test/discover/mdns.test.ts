import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_MDNS_TYPES, MAX_RECORDS_PER_IP, addRecords, browseMdns, parseServiceType, recordsFromService } from '../../src/discover/mdns.js';
import type { MdnsRecord } from '../../src/api/result.js';

describe('addRecords (hostile announcers)', () => {
  const rec = (name: string): MdnsRecord => ({ name, type: 'http', protocol: 'tcp', port: 80, host: null, txt: {} });

  it('keeps a bounded number of records per address, and updates replace in place', () => {
    const out = new Map<string, MdnsRecord[]>();
    for (let i = 0; i < 5000; i++) addRecords(out, [['10.0.0.9', rec(`fake-${i}`)]]);
    expect(out.get('10.0.0.9')).toHaveLength(MAX_RECORDS_PER_IP);
    addRecords(out, [['10.0.0.9', { ...rec('fake-3'), port: 8080 }]]);
    expect(out.get('10.0.0.9')?.find((r) => r.name === 'fake-3')?.port).toBe(8080);
  });

  it('keeps only the addresses it is asked to (the scan targets)', () => {
    const out = new Map<string, MdnsRecord[]>();
    const inScope = (ip: string): boolean => ip.startsWith('10.0.0.');
    for (let i = 0; i < 1000; i++) addRecords(out, [[`172.16.${i >> 8}.${i & 255}`, rec('x')], ['10.0.0.7', rec('phone')]], inScope);
    expect([...out.keys()]).toEqual(['10.0.0.7']);
  });
});

describe('recordsFromService', () => {
  it('maps a browsed SIP service to one record per IPv4 address', () => {
    const pairs = recordsFromService({
      name: 'Yealink SIP-T46S 805EC0123456', type: 'sip', protocol: 'udp', port: 5060, host: 'yealink-t46s.local',
      addresses: ['10.0.0.50', 'fe80::825e:c0ff:fe12:3456', '10.0.1.50'],
      referer: { address: '10.0.0.50', family: 'IPv4' },
      txt: { model: 'SIP-T46S', fw: '66.86.0.15', flag: true },
    });
    expect(pairs.map(([ip]) => ip)).toEqual(['10.0.0.50', '10.0.1.50']);
    expect(pairs[0]?.[1]).toEqual({
      name: 'Yealink SIP-T46S 805EC0123456', type: 'sip', protocol: 'udp', port: 5060, host: 'yealink-t46s.local',
      txt: { model: 'SIP-T46S', fw: '66.86.0.15', flag: '' },
    });
  });

  it('falls back to the packet source when there is no A record', () => {
    const pairs = recordsFromService({ name: 'web', type: 'http', protocol: 'tcp', port: 80, host: 'x.local', addresses: [], referer: { address: '10.0.0.9', family: 'IPv4' } });
    expect(pairs.map(([ip]) => ip)).toEqual(['10.0.0.9']);
  });

  it('is total on hostile or partial services: caps, wrong types, binary TXT', () => {
    const pairs = recordsFromService({
      name: 'x'.repeat(5000), type: 42, protocol: null, port: 99999, host: undefined, addresses: ['10.0.0.1', 7, 'evil'],
      txt: { bin: Buffer.from([0, 1, 0xff]), n: 5, o: { deep: 1 }, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, 'v'])) },
    });
    expect(pairs).toHaveLength(1);
    const rec = pairs[0]?.[1];
    expect(rec?.name.length).toBe(255);
    expect(rec).toMatchObject({ type: '', protocol: 'tcp', port: 0, host: null });
    expect(rec?.txt.bin).toBe('\x00\x01\xff');
    expect(rec?.txt.n).toBe('5');
    expect(rec?.txt.o).toBe('');
    expect(Object.keys(rec?.txt ?? {}).length).toBe(64);
    expect(recordsFromService({})).toEqual([]);
  });
});

describe('parseServiceType', () => {
  it('reads the usual spellings', () => {
    expect(parseServiceType('_sip._udp')).toEqual({ type: 'sip', protocol: 'udp' });
    expect(parseServiceType('sips._TCP')).toEqual({ type: 'sips', protocol: 'tcp' });
    expect(parseServiceType('http/tcp')).toEqual({ type: 'http', protocol: 'tcp' });
    expect(parseServiceType('_sip')).toBeNull();
    expect(parseServiceType('_sip._sctp')).toBeNull();
    for (const t of DEFAULT_MDNS_TYPES) expect(parseServiceType(t)).not.toBeNull();
  });

  it('refuses a bad type before opening any socket', async () => {
    await expect(browseMdns({ durationMs: 100, types: ['nonsense'] })).rejects.toMatchObject({ code: 'E_BAD_INPUT' });
  });

  it('an already-aborted browse returns at once, without a socket', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await browseMdns({ durationMs: 10_000, signal: ac.signal })).size).toBe(0);
  });
});

// --- A real browse, only between two throwaway namespaces joined by a veth (never the root namespace's LAN). ---
const isRoot = process.getuid?.() === 0;
const hasIp = (() => { try { execFileSync('ip', ['-V']); return true; } catch { return false; } })();
const id = `${process.pid % 100000}${Math.floor(Math.random() * 1000)}`;
const NS_PUB = `gcmdp${id}`;
const NS_BRW = `gcmdb${id}`;
const ROOT = resolve(import.meta.dirname, '../..');

describe.skipIf(!isRoot || !hasIp)('browseMdns between two lab namespaces over a veth (needs root and iproute2)', () => {
  let dir = '';
  let publisher: ChildProcess | null = null;
  const ip = (...args: string[]): void => { execFileSync('ip', args, { stdio: 'pipe' }); };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gc-mdns-'));
    ip('netns', 'add', NS_PUB);
    ip('netns', 'add', NS_BRW);
    ip('link', 'add', `vp${id}`, 'netns', NS_PUB, 'type', 'veth', 'peer', 'name', `vb${id}`, 'netns', NS_BRW);
    ip('-n', NS_PUB, 'addr', 'add', '10.77.0.2/24', 'dev', `vp${id}`);
    ip('-n', NS_BRW, 'addr', 'add', '10.77.0.1/24', 'dev', `vb${id}`);
    for (const [ns, dev] of [[NS_PUB, `vp${id}`], [NS_BRW, `vb${id}`]] as const) {
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', dev, 'up');
      // Only the link's multicast route: the namespaces have no default route.
      ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', dev);
    }
    writeFileSync(join(dir, 'publish.mts'), `
      import { Bonjour } from ${JSON.stringify(join(ROOT, 'node_modules/bonjour-service/dist/index.js'))};
      const b = new Bonjour({}, (e: unknown) => { console.error(e); process.exit(3); });
      b.publish({ name: 'Yealink SIP-T46S 805EC0000001', type: 'sip', protocol: 'udp', port: 5060, host: 'phone1.local', txt: { model: 'SIP-T46S' }, disableIPv6: true });
      b.publish({ name: 'phone1 web', type: 'http', protocol: 'tcp', port: 80, host: 'phone1.local', disableIPv6: true });
      b.publish({ name: 'printer', type: 'ipp', protocol: 'tcp', port: 631, host: 'phone1.local', disableIPv6: true });
      process.on('SIGTERM', () => b.unpublishAll(() => b.destroy(() => process.exit(0))));
    `);
    writeFileSync(join(dir, 'browse.mts'), `
      import { browseMdns } from ${JSON.stringify(join(ROOT, 'src/discover/mdns.ts'))};
      const ac = new AbortController();
      const abortAfter = Number(process.argv[2] ?? 0);
      if (abortAfter > 0) setTimeout(() => ac.abort(), abortAfter);
      const t0 = Date.now();
      const m = await browseMdns({ durationMs: Number(process.argv[3] ?? 3000), interfaceIp: '10.77.0.1', signal: ac.signal });
      console.log(JSON.stringify({ ms: Date.now() - t0, found: Object.fromEntries(m) }));
    `);
  });

  afterAll(() => {
    if (publisher?.exitCode === null) publisher.kill('SIGKILL');
    for (const ns of [NS_PUB, NS_BRW]) { try { ip('netns', 'del', ns); } catch { /* already gone */ } }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function browse(abortAfterMs: number, durationMs: number): { ms: number; found: Record<string, Array<{ name: string; type: string; protocol: string; port: number; txt: Record<string, string> }>> } {
    const stdout = execFileSync('ip', ['netns', 'exec', NS_BRW, process.execPath, '--import', 'tsx', join(dir, 'browse.mts'), String(abortAfterMs), String(durationMs)], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof browse>;
  }

  it('finds the SIP and HTTP services of a phone announced after the browse starts, and not the printer', async () => {
    // Start the browser first, then the publisher: the re-sent queries must still catch it.
    const pending = new Promise<ReturnType<typeof browse>>((res, rej) => {
      const child = spawn('ip', ['netns', 'exec', NS_BRW, process.execPath, '--import', 'tsx', join(dir, 'browse.mts'), '0', '4000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.on('exit', (code) => (code === 0 ? res(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof browse>) : rej(new Error(`browse exited ${code}`))));
    });
    await new Promise((r) => setTimeout(r, 1500));
    publisher = spawn('ip', ['netns', 'exec', NS_PUB, process.execPath, '--import', 'tsx', join(dir, 'publish.mts')], { cwd: ROOT, stdio: 'inherit' });
    const result = await pending;
    const recs = result.found['10.77.0.2'] ?? [];
    expect(recs.map((r) => `${r.type}/${r.protocol}:${r.port}`).sort()).toEqual(['http/tcp:80', 'sip/udp:5060']);
    expect(recs.find((r) => r.type === 'sip')).toMatchObject({ name: 'Yealink SIP-T46S 805EC0000001', txt: { model: 'SIP-T46S' } });
    expect(Object.keys(result.found)).toEqual(['10.77.0.2']);
  });

  it('an abort ends the browse early with what it found', () => {
    const result = browse(1500, 20_000);
    expect(result.ms).toBeLessThan(5000);
    expect((result.found['10.77.0.2'] ?? []).length).toBe(2);
  });
});
