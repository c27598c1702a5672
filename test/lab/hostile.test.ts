// Hostile devices cannot break a scan (layout 'hostile', lab/farm/hostile-devices.ts):
// the BUILT CLI (`node bin/ghostcall.js scan`) runs in the lab's scanner namespace
// against normal phones mixed with devices that send garbage, floods, forged
// Call-IDs, endless/dripping/huge streams and escape-laden strings. It must end
// (exit 0) in bounded time and memory, still find every normal phone with its own
// User-Agent, keep hostile strings verbatim-but-capped in the JSON, and render them
// inert in the table. Skipped (with the reason) when not root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, expect, it } from 'vitest';
import { describeLab, withLab } from '../helpers/lab.js';
import type { Lab, LabPhone } from '../../lab/index.js';
import { REPO_ROOT } from '../../lab/farm/launch.js';
import { ANSI_UA, HOSTILE_DEVICES, HOSTILE_WEB_SERVER, hostileDevice, UA_60K } from '../../lab/farm/hostile-devices.js';
import type { Device, ScanResult } from '../../src/api/result.js';

/** The codec's cap on a header value in the evidence (src/discover/sip/parse.ts EVIDENCE_VALUE_CAP). */
const VALUE_CAP = 1024;
/** Wall-time bound for one scan of this small layout: hostile streams must not stretch it. */
const MAX_WALL_MS = 30_000;
const MAX_RSS_KB = 300 * 1024;
/** Sum of the table's column caps (src/cli/table.ts) + separators, and the summary's cap. */
const MAX_TABLE_ROW_WIDTH = 39 + 20 + 24 + 32 + 36 + 40 + 40 + 24 + 2 * 7;
const MAX_LINE_WIDTH = 400;

const CLI = join(REPO_ROOT, 'bin', 'ghostcall.js');
const TIME = '/usr/bin/time';

interface Run { code: number | null; stdout: string; stderr: string; wallMs: number; maxRssKb: number | null }

/** The built CLI in the scanner namespace, with its peak RSS (GNU time's %M, else the process's own maxRSS at exit). */
async function ghostcall(lab: Lab, args: string[]): Promise<Run> {
  const node = existsSync(TIME)
    ? [TIME, '-f', 'GC_MAXRSS_KB=%M', process.execPath]
    : [process.execPath, '--import', `data:text/javascript,process.on('exit',()=>process.stderr.write('GC_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`];
  const t0 = Date.now();
  const r = await lab.exec([...node, CLI, ...args], { timeoutMs: 3 * MAX_WALL_MS });
  const wallMs = Date.now() - t0;
  const rss = /GC_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1];
  return { ...r, wallMs, maxRssKb: rss ? Number(rss) : null };
}

/** Raw control characters a terminal acts on: C0 but LF, DEL, C1, bidi embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;

const ipOf = (offset: number): string => `10.77.0.${offset}`;
const ports = (d: Device): string[] => d.sip.map((e) => `${e.transport}/${e.port}`).sort();
const want = (p: LabPhone): string[] =>
  [...p.udp.map((x) => `udp/${x}`), ...p.tcp.map((x) => `tcp/${x}`), ...p.tls.map((x) => `tls/${x}`)].sort();

describeLab('hostile devices cannot break a scan', () => {
  const lab = withLab({ layout: 'hostile' });
  let json: Run;
  let result: ScanResult;
  let byIp = new Map<string, Device>();

  beforeAll(() => {
    // `npm test` builds first; a bare `vitest run` on a fresh clone needs dist/ too.
    if (!existsSync(join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }, 300_000);

  it('the hostile devices really misbehave (lab self-check, independent of src/)', async () => {
    const r = await lab().exec([process.execPath, '--import', 'tsx', join(REPO_ROOT, 'lab/tools/hostile-check.ts'), JSON.stringify({ base: '10.77.0.' })], { timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(c.floodCopies).toBe(200);
    expect(c.spoofSources).toEqual([ipOf(hostileDevice('sip-spoofed-callid').spoofOffset!), ipOf(hostileDevice('sip-spoofed-callid').offset)].sort());
    expect(c.otherPortSources).toEqual([`${ipOf(hostileDevice('sip-other-port').offset)}:5070`]);
    expect(c.ansiHasEsc).toBe(true);
    expect(c.garbageDatagrams).toBeGreaterThanOrEqual(5);
    expect(c.badLengthReplies).toBe(5);
    expect(c.ua60kSize).toBeGreaterThan(60_000);
    expect(c.tcpSilent).toMatchObject({ bytes: 0, ended: 'open' });
    expect(c.tcpDrip.bytes).toBeGreaterThanOrEqual(1);
    expect(c.tcpDrip.bytes).toBeLessThanOrEqual(4);
    expect(c.tcpEndless.bytes).toBeGreaterThan(1 << 20);
    expect(c.tcp50mb.head).toMatch(/Content-Length: 52428800$/);
    expect(c.tcp50mb.bytes).toBeGreaterThan(1 << 20);
    expect(c.tcpReset.ended).toBe('ECONNRESET');
    expect(c.web.huge.bytes).toBeGreaterThan(10 << 20);
    expect(c.web.drip.bytes).toBeLessThanOrEqual(4);
    expect(c.web.redirect.head).toMatch(/^HTTP\/1\.1 302 .*\r\nLocation: \/a\r\n/s);
    expect(c.web.markup.head).toContain('<script>');
    expect(c.web.wrongType.head).toContain('image/png');
    expect(c.web.plain.head).toMatch(/^HTTP\/1\.1 400/);
  }, 60_000);

  it('scan --json - exits 0 in bounded time and memory, one device per address', async () => {
    json = await ghostcall(lab(), ['scan', lab().subnet, '--json', '-']);
    expect(json.code, json.stderr.slice(-2000)).toBe(0);
    expect(json.wallMs).toBeLessThan(MAX_WALL_MS);
    if (json.maxRssKb !== null) expect(json.maxRssKb).toBeLessThan(MAX_RSS_KB);
    result = JSON.parse(json.stdout) as ScanResult;
    expect(result.stats.cancelled).toBe(false);
    byIp = new Map(result.devices.map((d) => [d.ip, d]));
    // the flood (200 copies per OPTIONS) and every retransmission answered must not duplicate anything
    expect(byIp.size).toBe(result.devices.length);
    for (const d of result.devices) expect(new Set(ports(d)).size, d.ip).toBe(d.sip.length);
  }, 4 * MAX_WALL_MS);

  it('finds every normal phone with its own User-Agent on every transport (no lost scan)', () => {
    const normal = lab().phones.filter((p) => p.kind === 'farm' || p.kind === 'silent-vendor');
    expect(normal.length).toBeGreaterThanOrEqual(6);
    for (const p of normal) {
      const d = byIp.get(p.ip);
      expect(d, `${p.persona} ${p.ip}`).toBeDefined();
      expect(ports(d!), `${p.persona} ${p.ip}`).toEqual(want(p));
      expect(d!.sipAnswered).toBe(want(p).length > 0);
      for (const e of d!.sip) expect(e.userAgent, `${p.persona} ${e.transport}/${e.port}`).toBe(p.userAgent);
    }
  });

  it('reports what each hostile device really answered, capped, and nothing more', () => {
    for (const dev of HOSTILE_DEVICES.filter((x) => x.id !== 'sip-ua-60k')) { // the 60 kB one has its own test
      const d = byIp.get(ipOf(dev.offset));
      const label = `${dev.id} (${dev.what})`;
      const expected = [...dev.expect.udp.map((x) => `udp/${x}`), ...dev.expect.tcp.map((x) => `tcp/${x}`)].sort();
      if (expected.length === 0) {
        // garbage, bad framing, forged Call-IDs, web-only devices: no SIP evidence, whatever else is listed
        expect(d?.sip ?? [], label).toEqual([]);
        continue;
      }
      expect(d, label).toBeDefined();
      expect(ports(d!), label).toEqual(expected);
      for (const e of d!.sip) {
        expect(e.status, label).toBe(200);
        expect(e.userAgent, label).toBe(dev.expect.userAgent?.slice(0, VALUE_CAP) ?? null);
        expect(e.server, label).toBe(dev.expect.server?.slice(0, VALUE_CAP) ?? null);
      }
    }
  });

  it('reports the device with a 60 kB User-Agent as answering, its User-Agent capped at 1024 characters', () => {
    // Dropping the whole answer would list this phone as "ignores strangers": the opposite of the truth.
    const d = byIp.get(ipOf(hostileDevice('sip-ua-60k').offset));
    expect(ports(d ?? ({ sip: [] } as unknown as Device))).toEqual(['udp/5060']);
    expect(d!.sipAnswered).toBe(true);
    expect(d!.sip[0]!.userAgent).toBe(UA_60K.slice(0, VALUE_CAP));
  });

  it('keeps hostile strings verbatim in the JSON', () => {
    const ansi = byIp.get(ipOf(hostileDevice('sip-ansi').offset))?.sip[0];
    expect(ansi?.userAgent).toBe(ANSI_UA);
    expect(ansi?.userAgent).toContain('\x1b]8;;https://evil.example/');
    // a web UI with escapes and markup: the phone is listed, its banner kept raw (tags stripped by the title extractor)
    const web = byIp.get(ipOf(hostileDevice('http-title-markup').offset));
    expect(web?.sipAnswered).toBe(false);
    const banner = web?.http.find((b) => b.port === 80);
    expect(banner?.server).toBe(HOSTILE_WEB_SERVER);
    expect(banner?.title).toContain('\x1b[2J');
    expect(banner?.title).toContain('\u202e');
  });

  it('attributes no forged answer: spoofed Call-IDs and spoofed sources leave no trace', () => {
    expect(json.stdout).not.toMatch(/SPOOFED|BADLEN/);
    const neighbour = lab().phones.find((p) => p.ip === ipOf(hostileDevice('sip-spoofed-callid').spoofOffset!))!;
    expect(byIp.get(neighbour.ip)?.sip.map((e) => e.userAgent)).toEqual(want(neighbour).map(() => neighbour.userAgent));
  });

  it('lists the web-hostile phones (vendor MAC) instead of losing them', () => {
    for (const dev of HOSTILE_DEVICES.filter((x) => x.listens.web.length > 0)) {
      const d = byIp.get(ipOf(dev.offset));
      expect(d, dev.id).toBeDefined();
      expect(d!.sipAnswered, dev.id).toBe(false);
      expect(d!.macVendor ?? '', dev.id).toMatch(/yealink/i);
    }
  });

  it('a hostile web page is no evidence of an exposed configuration', () => {
    // A page that is not a config (soft 404, binary, huge, looping) must not become "configuration readable without a password".
    for (const dev of HOSTILE_DEVICES.filter((x) => x.listens.web.length > 0)) {
      const d = byIp.get(ipOf(dev.offset));
      expect(d?.config?.exposures ?? [], dev.id).toEqual([]);
      expect(d?.config?.access, dev.id).not.toBe('open');
    }
  });

  it('Ctrl-C in the middle of hostile streams ends the scan at once, with partial results', async () => {
    const child = lab().spawn([process.execPath, CLI, 'scan', lab().subnet, '--json', '-']);
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr!.resume();
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await new Promise((r) => setTimeout(r, 3000)); // the sweep is busy with the silent/dripping TCP servers by now
    const t0 = Date.now();
    child.kill('SIGINT');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timeout);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(code).toBe(130);
    const partial = JSON.parse(stdout) as ScanResult;
    expect(partial.stats.cancelled).toBe(true);
  }, 30_000);

  it('the table renders every hostile string inert, in bounded width and time', async () => {
    const table = await ghostcall(lab(), ['scan', lab().subnet]);
    expect(table.code, table.stderr.slice(-2000)).toBe(0);
    expect(table.wallMs).toBeLessThan(MAX_WALL_MS);
    if (table.maxRssKb !== null) expect(table.maxRssKb).toBeLessThan(MAX_RSS_KB);
    const out = table.stdout;
    const bad = RAW_CONTROL.exec(out);
    expect(bad, bad ? `raw U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}: ${JSON.stringify(out.slice(bad.index - 40, bad.index + 40))}` : '').toBeNull();
    // stderr (progress, errors) carries no device string raw either
    expect(RAW_CONTROL.exec(table.stderr.replace(/GC_MAXRSS_KB=\d+\n/, ''))).toBeNull();
    for (const p of lab().phones.filter((x) => x.kind === 'farm' || x.kind === 'silent-vendor')) expect(out, p.ip).toMatch(new RegExp(`^${p.ip.replace(/\./g, '\\.')}\\s`, 'm'));
    // the ANSI device is there, its escapes visible as text
    const ansiRow = out.split('\n').find((l) => l.startsWith(`${ipOf(hostileDevice('sip-ansi').offset)} `));
    expect(ansiRow).toContain('\\x1b[2J');
    const rows = out.split('\n').filter((l) => /^\d+\.\d+\.\d+\.\d+\s/.test(l));
    expect(rows.length).toBe(result.devices.length);
    for (const l of rows) expect(stringWidth(l), l).toBeLessThanOrEqual(MAX_TABLE_ROW_WIDTH);
    for (const l of out.split('\n')) expect(stringWidth(l), l.slice(0, 80)).toBeLessThanOrEqual(MAX_LINE_WIDTH);
  }, 4 * MAX_WALL_MS);
});
