// Hostile and secret input: device strings with markup, ANSI escapes, RTL
// overrides and 10 kB of junk render as inert, bounded plain text; planted
// secrets (CANARY-) never reach the PDF; the renderer never fetches anything;
// the logo is a checked local PNG/JPEG; cancel and write errors leave no file.
import { deflateSync, crc32 } from 'node:zlib';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../src/api/contract.js';
import { EngineError } from '../../src/api/errors.js';
import { renderReport } from '../../src/report/pdf.js';
import { makeScan } from './fixtures.js';
import { imageCount, pagesText, report } from './pdf-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-report-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

const MARKUP = '<script>alert(1)</script><img src="http://198.51.100.9/x.png">';
const ANSI = '\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007';
const RTL = 'abc\u202eevil\u202c';
const HUGE = 'A'.repeat(10_240);

function hostileScan(): ReturnType<typeof makeScan> {
  const scan = makeScan({ devices: 6, reach: true });
  const d = scan.devices[0]!;
  d.sip[0]!.userAgent = `${MARKUP} ${ANSI} ${RTL}`;
  d.sip[0]!.server = HUGE;
  d.http[0]!.title = `http://198.51.100.9/logo.png ${HUGE}`;
  d.fingerprint!.model = `T46S ${MARKUP}`;
  d.fingerprint!.firmware = HUGE;
  d.mdns.push({ name: 'phone', type: 'sip', protocol: 'udp', port: 5060, host: null, txt: { pw: 'CANARY-mdns-txt' } });
  d.config = {
    access: 'credentials',
    webUi: { url: 'http://admin:CANARY-webui-pass@10.20.0.2/cgi?token=CANARY-webui-query', authScheme: 'basic', tls: false, selfSignedCert: null },
    exposures: [],
    config: {
      vendor: 'Yealink', model: 'SIP-T46S', mac: null, firmware: '66.86.0.15',
      accounts: [{ registrar: 'sip.example.net', user: '1001', transport: 'udp' }],
      localSipPorts: [5060], trustedServerOnly: false, directIpCalls: true, webProtocol: 'http',
      provisioningUrl: 'https://prov:CANARY-prov-pass@prov.example.com/cfg/?key=CANARY-prov-key',
      srtp: 'off', nat: null, provenance: {},
    },
    error: null,
  };
  // A field that must not exist (a reader bug would put it there): never printed, only known safe fields are.
  Object.assign(d.config.config as object, { sipPassword: 'CANARY-config-field', adminPassword: 'CANARY-admin' });
  const f = scan.findings![0]!;
  f.evidence.push({ device: d.ip, probe: 'config', item: 'line', value: 'account.1.password = CANARY-evidence-value' });
  scan.warnings.push('auth_key: CANARY-warning', `${ANSI}${RTL}`);
  return scan;
}

describe('hostile device strings and planted secrets', () => {
  it('render as inert, truncated plain text; no secret reaches the PDF; nothing is fetched', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('the report must not fetch')));
    vi.stubGlobal('fetch', fetchSpy);
    const out = join(dir, 'hostile.pdf');
    // renderReport directly (no schema parse): the planted extra config fields stay in the object.
    await renderReport({ ...contract.report.input.parse({ scan: makeScan({ devices: 1 }), outFile: out }), scan: hostileScan() }, { signal: new AbortController().signal, onProgress: () => {} });
    const text = pagesText(out).join('\n');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toContain('CANARY-');
    for (const ch of ['\u001b', '\u0007', '\u202e', '\u202c']) expect(text).not.toContain(ch);
    expect(text).toContain('\\x1b[31mRED'); // the escape is shown, not obeyed
    expect(text).not.toMatch(/A{400}/);
    expect(text).toContain('http://10.20.0.2/cgi'); // web UI URL without user-info and query
    expect(fetchSpy).not.toHaveBeenCalled();
    const raw = readFileSync(out).toString('latin1');
    expect(raw).not.toContain('CANARY-');
    for (const action of ['/URI', '/Launch', '/JavaScript', '/JS ']) expect(raw).not.toContain(action);
  });
});

/** A valid RGB PNG of w×h pixels. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x33)]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(EngineError);
  expect((err as EngineError).code).toBe(code);
}

describe('logo', () => {
  const scan = makeScan({ devices: 2 });

  it('embeds a local PNG on the cover', async () => {
    const logo = join(dir, 'logo.png');
    writeFileSync(logo, png(40, 20));
    const out = join(dir, 'logo.pdf');
    await report({ scan, outFile: out, logoFile: logo, org: 'Acme' });
    expect(imageCount(out)).toBe(1);
  });

  it('refuses what is not a PNG or JPEG, too big, a decompression bomb, missing, or a directory', async () => {
    const gif = join(dir, 'logo.gif');
    writeFileSync(gif, Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]));
    const svg = join(dir, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://198.51.100.9/x.png"/></svg>');
    const big = join(dir, 'big.png');
    writeFileSync(big, Buffer.concat([png(1, 1), Buffer.alloc(3 * 1024 * 1024)]));
    const bomb = join(dir, 'bomb.png');
    const b = png(1, 1);
    b.writeUInt32BE(100_000, 16);
    b.writeUInt32BE(100_000, 20);
    writeFileSync(bomb, b);
    const sub = join(dir, 'adir.png');
    mkdirSync(sub);
    for (const logoFile of [gif, svg, big, bomb, join(dir, 'missing.png'), sub]) {
      await expectCode(report({ scan, outFile: join(dir, 'x.pdf'), logoFile }), 'E_FILE');
    }
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('provider servers in the firewall rules', () => {
  const scan = makeScan({ devices: 2 });

  it('writes the given servers into the rules instead of placeholders', async () => {
    const out = join(dir, 'fw.pdf');
    await report({ scan, outFile: out, providerServers: ['198.51.100.10', '198.51.100.0/28', 'sip.provider.example'] });
    const text = pagesText(out).join('\n');
    expect(text).toContain('iptables -A FORWARD -p udp -s 198.51.100.10,198.51.100.0/28,sip.provider.example -d 10.20.0.0/22');
    expect(text).not.toContain('<provider SIP servers>');
  });

  it('refuses a value that is not an address or host name', async () => {
    await expectCode(report({ scan, outFile: join(dir, 'bad.pdf'), providerServers: ['1.2.3.4; rm -rf /'] }), 'E_BAD_INPUT');
  });
});

describe('cancel and write errors', () => {
  const scan = makeScan({ devices: 30 });

  it('a cancel during rendering ends with E_CANCELLED and leaves no file behind', async () => {
    const sub = join(dir, 'cancel');
    mkdirSync(sub);
    const ac = new AbortController();
    const out = join(sub, 'c.pdf');
    const p = renderReport(contract.report.input.parse({ scan, outFile: out }), { signal: ac.signal, onProgress: (pr) => { if (pr.done > 10) ac.abort(); } });
    await expectCode(p, 'E_CANCELLED');
    expect(readdirSync(sub)).toEqual([]);
  });

  it('two reports rendering at once: each gets its own progress, so cancelling one stops that one only', async () => {
    const sub = join(dir, 'two');
    mkdirSync(sub);
    const ac = new AbortController();
    const cancelled = renderReport(contract.report.input.parse({ scan, outFile: join(sub, 'a.pdf') }), { signal: ac.signal, onProgress: (pr) => { if (pr.done > 10) ac.abort(); } });
    const other: number[] = [];
    const kept = renderReport(contract.report.input.parse({ scan, outFile: join(sub, 'b.pdf') }), { signal: new AbortController().signal, onProgress: (pr) => other.push(pr.done) });
    await expectCode(cancelled, 'E_CANCELLED');
    await expect(kept).resolves.toMatchObject({ outFile: join(sub, 'b.pdf') });
    expect(other.at(-1)).toBe(100);
    expect(other.filter((d) => d > 10 && d < 100).length).toBeGreaterThan(0); // its page progress reached it
    expect(readdirSync(sub)).toEqual(['b.pdf']);
  });

  it('an unwritable target is E_FILE', async () => {
    await expectCode(report({ scan, outFile: join(dir, 'no-such-dir', 'r.pdf') }), 'E_FILE');
  });
});
