// The terminal table of a scan result, from a saved (hand-made) result: hostile
// device strings stay inert and cannot shift the columns.
import { describe, expect, it } from 'vitest';
import { ScanResultSchema, type ScanResult } from '../../src/api/result.js';
import { translator } from '../../src/i18n/index.js';
import { renderScan } from '../../src/cli/table.js';
import { displayWidth } from '../../src/util/inert.js';
import { HOSTILE_UA } from './sip-responder.js';

// eslint-disable-next-line no-control-regex -- control characters are what this test is about
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function sip(port: number, userAgent: string | null, server: string | null = null) {
  return { transport: 'udp' as const, port, status: 200, reason: 'OK', userAgent, server, allow: [], supported: [], contact: null, rttMs: 1 };
}
function device(ip: string, over: Partial<ScanResult['devices'][number]> = {}) {
  return { ip, mac: null, macVendor: null, macRandomized: false, sipAnswered: true, sources: ['sip' as const], sip: [], mdns: [], http: [], ...over };
}

function result(over: Partial<ScanResult> = {}): ScanResult {
  return ScanResultSchema.parse({
    schemaVersion: 1,
    tool: { name: 'ghostcall', version: '0.0.0' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:02Z',
    params: {},
    stats: { targets: 256, probesSent: 1280, responses: 3, durationMs: 1234, cancelled: false },
    devices: [
      device('192.168.1.20', { mac: '80:5e:c0:11:22:33', macVendor: 'Yealink Network Technology Co.,Ltd.', sip: [sip(5060, 'Yealink SIP-T54W 96.86.0.70')], sources: ['sip', 'arp'] }),
      device('192.168.1.21', { mac: '00:0b:82:aa:bb:cc', macVendor: 'Grandstream\u202eNetworks\x1b[2J', sip: [sip(5060, HOSTILE_UA), { ...sip(5061, null, 'X'.repeat(500)), transport: 'tls' }] }),
      device('192.168.1.22', { mac: '00:04:13:01:02:03', macVendor: 'snom technology GmbH', sipAnswered: false, sources: ['arp', 'http'],
        http: [{ port: 80, tls: false, status: 401, server: 'snom\x1b]8;;http://evil\x07link', realm: null, authScheme: 'digest', title: null, selfSignedCert: null, error: null }] }),
    ],
    warnings: ['device 192.168.1.21 sent \x1b[31m junk'],
    ...over,
  });
}

const opts = (lang: 'en' | 'nl') => ({ t: translator(lang, 'cli'), tc: translator(lang, 'common'), color: false });

describe('renderScan', () => {
  it('lists every device with its SIP evidence and the strangers verdict', () => {
    const out = renderScan(result(), opts('en'));
    expect(out).toMatch(/^192\.168\.1\.20\s+80:5e:c0:11:22:33\s+Yealink/m);
    expect(out).toContain('udp/5060 200, tls/5061 200');
    expect(out).toContain('Yealink SIP-T54W 96.86.0.70');
    expect(out.match(/answers strangers/g)?.length).toBe(2);
    expect(out).toContain('ignores strangers (no SIP answer)');
    expect(out).toContain('3 devices: 2 answer strangers, 1 ignore strangers.');
    expect(out).toContain('256 targets, 1280 probes sent, 3 answers, 1.2 s.');
  });

  it('renders hostile strings inert and keeps the columns aligned', () => {
    const out = renderScan(result(), opts('en'));
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('Evil\\x1b[31mRED');
    expect(out).toContain('Grandstream\\u{202e}Netw');
    expect(out).toContain('warning: device 192.168.1.21 sent \\x1b[31m junk');
    expect(out).not.toContain('X'.repeat(100)); // cut to its column
    const rows = out.split('\n').filter((l) => /^192\.168\.1\./.test(l));
    expect(rows).toHaveLength(3);
    const col = (l: string) => displayWidth(l.slice(0, Math.max(l.indexOf('answers strangers'), l.indexOf('ignores strangers'))));
    expect(new Set(rows.map(col)).size).toBe(1);
  });

  it('adds fingerprint and findings columns, findings and verdict lines when the result has them', () => {
    const r = result({
      findings: [{
        id: 'GC-SIP-OPEN-ANY-SOURCE', severity: 'high', title: 'answers SIP from anyone', rootCause: 'phone-setting', evidence: [],
        devices: ['192.168.1.20', '192.168.1.21'], remediation: { generic: 'x', vendors: [] }, references: [], exception: null,
      }, {
        id: 'GC-WEB-HTTP', severity: 'medium', title: 'web UI over http', rootCause: 'phone-setting', evidence: [],
        devices: ['192.168.1.22'], remediation: { generic: 'x', vendors: [] }, references: [], exception: { reason: 'firewalled', by: null, at: null },
      }],
      site: { score: 42, worstSeverity: 'high', verdict: 'exposed', verdictText: 'x', deviceScores: {} },
    });
    r.devices[0]!.fingerprint = { vendor: 'Yealink', model: 'SIP-T54W', firmware: '96.86.0.70', type: 'desk-phone', confidence: 0.9, evidence: [] };
    const en = renderScan(r, opts('en'));
    expect(en).toMatch(/Device\s/);
    expect(en).toContain('Yealink SIP-T54W 96.86.0.70  ');
    expect(en).toMatch(/^192\.168\.1\.20 .*1 \(high\)$/m);
    expect(en).toMatch(/^192\.168\.1\.22 .*\s0$/m); // an accepted exception does not count
    expect(en).toContain('Findings: 1 open (1 high), 1 accepted.');
    expect(en).toContain('Can the internet ring your phones? exposed');
    // A device with several open findings shows their number and the worst severity.
    const two = result({
      findings: [
        { ...r.findings![0]!, id: 'GC-LOW', severity: 'low', devices: ['192.168.1.21'] },
        { ...r.findings![0]!, id: 'GC-CRIT', severity: 'critical', devices: ['192.168.1.21'] },
        { ...r.findings![0]!, id: 'GC-MED', severity: 'medium', devices: ['192.168.1.21'] },
      ],
    });
    expect(renderScan(two, opts('en'))).toMatch(/^192\.168\.1\.21 .*3 \(critical\)$/m);
    const nl = renderScan(r, opts('nl'));
    expect(nl).toContain('antwoordt vreemden');
    expect(nl).toContain('1 (hoog)');
    expect(nl).toContain('Bevindingen: 1 open (1 hoog), 1 geaccepteerd.');
  });

  it('with colour, only its own SGR codes reach the terminal and the columns still line up', () => {
    const out = renderScan(result(), { ...opts('en'), color: true });
    // eslint-disable-next-line no-control-regex -- control characters are what this test is about
    const ours = /\x1b\[(?:1|22|31|32|39)m/g;
    expect(out).toMatch(ours);
    const plain = out.replace(ours, '');
    expect(plain).not.toMatch(RAW_CONTROL);
    const rows = plain.split('\n').filter((l) => /^192\.168\.1\./.test(l));
    const col = (l: string) => displayWidth(l.slice(0, Math.max(l.indexOf('answers strangers'), l.indexOf('ignores strangers'))));
    expect(new Set(rows.map(col)).size).toBe(1);
  });

  it('says so when nothing was found, and marks a cancelled scan', () => {
    const out = renderScan(result({ devices: [], stats: { targets: 1, probesSent: 5, responses: 0, durationMs: 10, cancelled: true } }), opts('en'));
    expect(out).toContain('No SIP devices found.');
    expect(out).toContain('Scan cancelled: this is a partial result.');
  });
});
