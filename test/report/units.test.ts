// The report's pure parts: inert text, the chart, the model (verdict, score,
// actions), root-cause grouping order, firewall rules, the font patch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { severityBars } from '../../src/report/chart.js';
import { firewallRules, iptablesLines, phonesNetwork, sipPorts } from '../../src/report/firewall.js';
import { codeFont, hideLayoutTables, textFontFiles } from '../../src/report/fonts.js';
import { actionFor, buildModel } from '../../src/report/model.js';
import { inert, safeUrl } from '../../src/report/text.js';
import { makeDevice, makeScan } from './fixtures.js';

describe('inert', () => {
  it('keeps markup as characters, shows escapes instead of obeying them, drops nothing silently', () => {
    expect(inert('<b>x</b> & <script>')).toBe('<b>x</b> & <script>');
    expect(inert('\u001b[31mred')).toBe('\\x1b[31mred');
    expect(inert('a\u202eb')).toBe('a\\u{202e}b');
    expect(inert('line1\r\nline2\tx')).toBe('line1 line2 x');
  });
  it('bounds the length, also of huge input', () => {
    const s = inert('x'.repeat(10_000_000), 50);
    expect(Array.from(s).length).toBeLessThanOrEqual(50);
    expect(s.endsWith('…')).toBe(true);
  });
  it('redacts secrets that slipped through: password=…, URL user-info', () => {
    expect(inert('password=hunter2 user=bob')).toBe('password=[redacted] user=bob');
    expect(inert('P2 : "s3cret" pwd: abc')).toBe('P2 : "s3cret" pwd: [redacted]');
    expect(inert('see https://admin:pw@host/x')).toBe('see https://host/x');
    expect(safeUrl('https://u:p@prov.example.com:8443/cfg/?token=abc#x')).toBe('https://prov.example.com:8443/cfg/');
  });
  it('replaces arrows the embedded font lacks', () => {
    expect(inert('Features → General')).toBe('Features > General');
  });
});

describe('severityBars', () => {
  it('draws bars proportional to the counts, the largest full width, zero as no bar', () => {
    const bars = severityBars({ critical: 1, high: 4, medium: 2, low: 0, info: 0 }, { width: 100, height: 10 });
    const width = (svg: string): number => Number([...svg.matchAll(/<rect x="0" y="0" width="(\d+)"/g)][1]?.[1] ?? 0);
    expect(width(bars.high)).toBe(100);
    expect(width(bars.medium)).toBe(50);
    expect(width(bars.critical)).toBe(25);
    expect(width(bars.low)).toBe(0);
    expect(bars.critical).toContain('fill="#8b0000"');
  });
});

describe('model', () => {
  it('takes verdict and score from the checks and counts the phones the internet reaches', () => {
    const scan = makeScan({ devices: 14, reach: true });
    const m = buildModel(scan);
    expect(m.verdict).toBe('exposed');
    expect(m.exposedCount).toBe(1);
    expect(m.phones.length).toBe(14);
    expect(m.answering.length).toBe(11);
    expect(m.score).toBe(scan.site?.score);
    expect(m.worstSeverity).toBe('critical');
    expect(m.counts.critical).toBeGreaterThan(0);
  });
  it('orders actions by worst severity first, then by the score a fix closes', () => {
    const m = buildModel(makeScan({ devices: 250, reach: true }));
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    const worst = m.groups.map((g) => rank.indexOf(g.worstSeverity ?? 'info'));
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    expect(m.actions).toHaveLength(3);
    expect(m.actions[0]?.group.worstSeverity).toBe('critical');
    // a per-phone fix on many phones is more than an afternoon's work; a firewall rule is not
    const all = m.groups.map((g) => actionFor(g));
    expect(all.find((a) => a.group.rootCause === 'phone-setting')?.effort).toBe('days');
    expect(all.find((a) => a.group.rootCause === 'firewall')?.effort).toBe('minutes');
  });
  it('without reach, not tested; without findings, not checked', () => {
    const m = buildModel(makeScan({ devices: 3, findings: 'none' }));
    expect(m.verdict).toBe('not-tested');
    expect(m.checked).toBe(false);
    expect(m.actions).toEqual([]);
  });
  it('without the checks\' site, derives the verdict from the reach probes', () => {
    const scan = makeScan({ devices: 4, reach: true, findings: 'none' });
    expect(scan.site).toBeUndefined();
    const m = buildModel(scan);
    expect(m.verdict).toBe('exposed');
    expect(m.exposedCount).toBe(1);
    const closed = buildModel({ ...scan, reach: { ...scan.reach!, probes: scan.reach!.probes.map((p) => ({ ...p, reachable: false })) } });
    expect(closed.verdict).toBe('not-exposed');
  });
  it('excepted findings are listed, not counted', () => {
    const scan = makeScan({ devices: 5, findings: 'synthetic' });
    scan.findings![0]!.exception = { reason: 'accepted', by: 'cto', at: '2026-11-01' };
    const m = buildModel(scan);
    expect(m.excepted).toHaveLength(1);
    expect(m.open).toHaveLength(scan.findings!.length - 1);
  });
});

describe('firewall rules', () => {
  it('the phones\' networks: every target when all are addresses or CIDRs, else a placeholder (iptables takes no a-b range)', () => {
    expect(phonesNetwork(['10.20.0.0/22'])).toBe('10.20.0.0/22');
    expect(phonesNetwork(['192.168.1.0/24', '192.168.2.0/24', '10.0.0.7'])).toBe('192.168.1.0/24,192.168.2.0/24,10.0.0.7');
    expect(phonesNetwork(['10.0.0.10-10.0.0.50'])).toBeNull();
    expect(phonesNetwork(['192.168.1.0/24', '10.0.0.10-10.0.0.50'])).toBeNull();
    expect(phonesNetwork(['10.0.0.0/33'])).toBeNull();
    expect(phonesNetwork(['10.0.0.0/24; rm -rf /'])).toBeNull();
    expect(phonesNetwork([])).toBeNull();
  });

  it('use the SIP ports seen on the phones and their configs', () => {
    const scan = makeScan({ devices: 2, findings: 'none' });
    scan.devices.push(makeDevice(7, { sip: [{ transport: 'tls', port: 5061, status: 200, reason: 'OK', userAgent: null, server: null, allow: [], supported: [], contact: null, rttMs: 1 }] }));
    expect(sipPorts(scan)).toEqual([5060, 5061]);
    const rules = firewallRules(scan);
    expect(rules.filter((r) => r.action === 'allow').every((r) => r.source === 'SERVERS' || r.destination === 'SERVERS')).toBe(true);
    expect(rules.some((r) => r.action === 'deny' && r.source === 'ANY' && r.why === 'denySipIn')).toBe(true);
    const lines = iptablesLines(rules, '198.51.100.10', '10.0.0.0/24');
    expect(lines[0]).toBe('iptables -A FORWARD -p udp -s 198.51.100.10 -d 10.0.0.0/24 -m multiport --dports 5060,5061 -j ACCEPT');
    expect(lines.some((l) => l.includes('--dports 10000:20000'))).toBe(true);
  });
});

interface FontLike {
  directory: { tables: Record<string, unknown> };
  layout(text: string): { advanceWidth: number };
  glyphsForString(text: string): Array<{ advanceWidth: number }>;
}

describe('fonts', () => {
  it('hides the OpenType layout tables, keeps the glyphs and their advance widths', () => {
    const require = createRequire(import.meta.url);
    // fontkit is what pdfkit (under pdfmake) measures and embeds fonts with.
    const fontkit = require('fontkit') as { create(b: Buffer): FontLike };
    const file = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf');
    const orig = fontkit.create(readFileSync(file));
    const patched = fontkit.create(hideLayoutTables(readFileSync(file)));
    expect(Object.keys(orig.directory.tables)).toContain('GSUB');
    expect(Object.keys(patched.directory.tables)).not.toContain('GSUB');
    expect(Object.keys(patched.directory.tables)).not.toContain('GPOS');
    const text = 'Ж 10.20.0.2 Grandstream';
    expect(patched.layout(text).advanceWidth).toBe(orig.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0));
    expect(textFontFiles().size).toBe(4);
  });
  it('sets code in Courier unless a character needs the Unicode font', () => {
    expect(codeFont('iptables -A FORWARD -s <provider SIP servers>')).toBe('Courier');
    expect(codeFont('iptables -s <SIP-серверы>')).toBe('Roboto');
  });
});
