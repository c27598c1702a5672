// The PDF report as a reader sees it (pdftotext): sections, device rows and
// findings in both languages, page numbers, repeated table headers, the verdict,
// "not checked" without findings; PNGs of the first pages go to artifacts/report/.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScan } from './fixtures.js';
import { pageCount, pagesText, renderPngs, report } from './pdf-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report, English, 14 phones, checks and external test done', () => {
  const scan = makeScan({ devices: 14, reach: true, lang: 'en' });
  const out = join(dir, 'en.pdf');
  let pages: string[] = [];

  it('renders, and says how many pages and bytes it wrote', async () => {
    const r = await report({ scan, outFile: out, lang: 'en', org: 'Acme IT Services', siteName: 'Head office Utrecht' });
    expect(r.outFile).toBe(out);
    expect(r.pages).toBe(pageCount(out));
    expect(r.bytes).toBeGreaterThan(10_000);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    pages = pagesText(out);
    renderPngs(out, 'en-14', 4);
  });

  it('cover: site, auditor, date, tool version', () => {
    const cover = pages[0] ?? '';
    for (const s of ['SIP phone security audit', 'Head office Utrecht', 'Acme IT Services', 'ghostcall 0.1.0', '20 November 2026']) expect(cover).toContain(s);
  });

  it('management summary on one page: verdict in numbers, risk, chart, three actions with who and effort, cost with source, point in time', () => {
    const summary = pages[1] ?? '';
    expect(summary).toContain('Management summary');
    expect(summary).toContain('Yes: the internet can ring 1 of your 14 phones.');
    expect(summary).toContain('Worst finding');
    expect(summary).toMatch(/CRITICAL/);
    expect(summary).toContain('Summed score');
    expect(summary).toContain(String(scan.site?.score));
    for (const sev of ['Critical', 'High', 'Medium', 'Low', 'Info']) expect(summary).toContain(sev);
    expect(summary).toContain('The three most important actions');
    expect(summary.match(/Who: (IT|Provider|Phone admin) · Effort: /g)?.length).toBe(3);
    // Critical first: the first action closes a critical finding, even though other fixes close more devices.
    const first = summary.slice(summary.indexOf('1. '), summary.indexOf('Who:'));
    expect(['Update the phones to current firmware.', "Let SIP in only from your provider's servers: one firewall rule."]).toContain(first.replace('1. ', '').replace(/\s+/g, ' ').trim());
    expect(summary).toContain('US$ 38.95 billion in 2023');
    expect(summary).toContain('cfca.org');
    expect(summary).toContain('Caveat:');
    expect(summary).toContain('Tested public IP: 203.0.113.7');
    expect(summary).toContain('Point in time');
    // the next page is no longer the summary
    expect(pages[2]).not.toContain('Point in time');
  });

  it('has every section, in order', () => {
    const all = pages.join('\n');
    const order = ['Management summary', 'Findings grouped by root cause', 'Technician detail: inventory', 'Technician detail: findings per device',
      'External reachability', 'Firewall rule recommendations', 'Method and scan parameters', 'What was not tested and why', 'Severity definitions', 'Glossary'];
    let at = -1;
    for (const s of order) {
      const i = all.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
  });

  it('groups findings by root cause: one fix lists the findings it closes', () => {
    const all = pages.join('\n');
    const groupsPage = pages.find((p) => p.includes('Findings grouped by root cause')) ?? '';
    const squash = (x: string): string => x.replace(/[\s-]+/g, ''); // pdftotext joins hyphenated line breaks
    for (const f of scan.findings ?? []) expect(squash(groupsPage), f.id).toContain(squash(f.id));
    expect(all).toContain('Provisioning template');
  });

  it('lists every device in the inventory and the findings per device with vendor steps', () => {
    const all = pages.join('\n');
    for (const d of scan.devices) expect(all).toContain(d.ip);
    expect(all).toContain('80:5e:c0:00:00:00');
    expect(all).toContain('ignores strangers');
    expect(all).toContain('Steps for Yealink:');
    expect(all).toContain('sip.trust_ctrl');
    expect(all).toContain('Steps for Grandstream:');
    for (const f of scan.findings ?? []) expect(all.replace(/\s+/g, ' ')).toContain(f.title);
  });

  it('reach results and firewall rules with placeholders when no provider servers are given', () => {
    const all = pages.join('\n');
    expect(all).toContain('SIP ALG on the router: yes');
    expect(all).toContain('<provider SIP servers>');
    expect(all).toMatch(/iptables -A FORWARD -p udp -s <provider SIP servers> -d 10\.20\.0\.0\/22 -m multiport --dports 5060/);
  });

  it('numbers every page "Page n of N"', () => {
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });
});

describe('report, Dutch', () => {
  it('is Dutch throughout, with the Dutch finding texts from the checks', async () => {
    const scan = makeScan({ devices: 14, reach: true, lang: 'nl' });
    const out = join(dir, 'nl.pdf');
    const r = await report({ scan, outFile: out, lang: 'nl', org: 'Acme', siteName: 'Kantoor' });
    const pages = pagesText(out);
    const all = pages.join('\n');
    renderPngs(out, 'nl-14', 2);
    for (const s of ['Beveiligingsaudit SIP-telefoons', 'Managementsamenvatting', 'Ja: het internet kan 1 van uw 14 telefoons laten rinkelen.',
      'De drie belangrijkste acties', 'Wat negeren kost', 'Momentopname', 'Bevindingen per oorzaak', 'Technische details: inventaris',
      'Aanbevolen firewallregels', '<SIP-servers van de provider>', 'Woordenlijst', 'Stappen voor Yealink:', '20 november 2026']) {
      expect(all, s).toContain(s);
    }
    for (const f of scan.findings ?? []) expect(all.replace(/\s+/g, ' ')).toContain(f.title);
    expect(all).not.toContain('Management summary');
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} van ${r.pages}`));
  });
});

describe('report without checks or external test', () => {
  it('says "not checked" and "not tested" instead of inventing a verdict', async () => {
    const scan = makeScan({ devices: 5, findings: 'none' });
    const out = join(dir, 'unchecked.pdf');
    await report({ scan, outFile: out, lang: 'en' });
    const pages = pagesText(out);
    const summary = pages[1] ?? '';
    expect(summary).toContain('Not tested from the internet.');
    expect(summary).toContain('How to test:');
    expect(summary).toContain('Not checked: the security checks have not run');
    expect(summary).not.toContain('The three most important actions');
    expect(summary).toContain('Tested public IP: none');
    const all = pages.join('\n');
    expect(all).toContain('Unnamed site');
    expect(all).toContain('Reachability from the internet: needs the external echo test');
    expect(all).toContain('Security rules: the checks did not run');
    for (const d of scan.devices) expect(all).toContain(d.ip);
  });

  it('with checks but nothing found, says so', async () => {
    const scan = { ...makeScan({ devices: 3, findings: 'none' }), findings: [] };
    const out = join(dir, 'clean.pdf');
    await report({ scan, outFile: out, lang: 'en' });
    const summary = pagesText(out)[1] ?? '';
    expect(summary).toContain('No open findings.');
    expect(summary).toContain('No actions needed.');
  });
});

describe('report, 250 devices', () => {
  it('breaks the inventory over pages and repeats its header row on each', async () => {
    const scan = makeScan({ devices: 250, reach: true });
    const out = join(dir, '250.pdf');
    const r = await report({ scan, outFile: out, lang: 'en', siteName: 'Campus' });
    const pages = pagesText(out, true);
    expect(r.pages).toBe(pages.length);
    // Inventory pages: many rows "IP  MAC ..." (layout mode keeps the row on one line).
    const inventoryPages = pages.filter((p) => (p.match(/^\s*10\.20\.\d+\.\d+\s+[0-9a-f]{2}:[0-9a-f]{2}:/gm)?.length ?? 0) >= 10);
    expect(inventoryPages.length).toBeGreaterThanOrEqual(2);
    for (const p of inventoryPages) expect(p).toContain('SIP transports/ports');
    const all = pages.join('\n');
    for (const d of scan.devices) expect(all).toContain(d.ip);
    renderPngs(out, 'en-250', 8);
    expect(existsSync(out)).toBe(true);
  });
});
