// The admin's path through the results, in Chromium against the real engine and a
// loopback SIP phone: verdict → findings by root cause → a finding's fix for the
// phone's vendor → accept it with a reason → a device's details; Dutch; the
// opt-in ghost-call test and the external test through a loopback echo server.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { buildRenderer, serveStatic, launch, chromiumMissing, CHROMIUM } from './harness.js';
import { sipResponder, type Responder } from './sip-responder.js';
import { GhostcallApp } from './pages/app.js';
import { startEchoServer, type EchoServer } from '../../src/echo/server.js';

const ART = 'artifacts/ui';
const YEALINK = 'Yealink SIP-T46S 66.86.0.15';

describe.skipIf(chromiumMissing)(`results screens in Chromium (${chromiumMissing ? `skipped: ${CHROMIUM} missing` : CHROMIUM})`, () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let root: string;
  let phone: Responder;

  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    root = await buildRenderer();
    ({ url, server } = await serveStatic(root));
    browser = await launch();
    phone = await sipResponder(YEALINK);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await phone?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('verdict, findings grouped by root cause, the Yealink fix, an accepted exception that stops counting', async () => {
    const app = await GhostcallApp.open(browser, url);
    await app.scan.scanLoopback({ port: phone.port });

    const v = await app.results.verdict();
    expect(v.verdict).toBe('not-tested');
    expect(v.answer).toBe('Not tested from outside');
    expect(v.text).toContain('Can the internet ring your phones?');
    const before = await app.results.score();
    expect(before).toBeGreaterThan(0);

    const groups = await app.results.groups();
    const tmpl = groups.find((g) => g.rootCause === 'provisioning-template');
    expect(tmpl?.title).toBe('Provisioning template');
    expect(tmpl?.findings).toEqual(expect.arrayContaining(['GC-SIP-ANY-SOURCE', 'GC-SIP-NO-TLS']));
    await app.screenshot(`${ART}/results.png`);

    await app.results.openFinding('GC-SIP-ANY-SOURCE');
    expect(await app.finding.title()).toBe('Phone answers SIP from any source');
    // Only the affected phone's vendor is shown open; the others are folded away.
    expect(await app.finding.vendors()).toEqual(['Yealink']);
    const steps = await app.finding.vendorText('Yealink');
    expect(steps).toContain('Accept SIP Trust Server Only');
    expect(steps).toContain('sip.trust_ctrl');
    const detail = await app.finding.text();
    expect(detail).toContain('200 OK'); // the evidence
    expect(detail).toContain('accept SIP from trusted server only'); // the generic fix

    expect(await app.finding.acceptWithoutReason()).toBe('A reason is required.');
    await app.finding.accept('Phones sit behind a firewall that only lets in the provider');
    expect(await app.finding.acceptedText()).toContain('Phones sit behind a firewall');
    await app.screenshot(`${ART}/finding-accepted.png`);
    await app.finding.back();

    expect(await app.results.isAccepted('GC-SIP-ANY-SOURCE')).toBe(true);
    // still visible, in its group (moved below the findings that still count)
    const sorted = (gs: typeof groups) => gs.map((g) => ({ ...g, findings: [...g.findings].sort() }));
    expect(sorted(await app.results.groups())).toEqual(sorted(groups));
    const after1 = (await app.results.groups()).find((g) => g.rootCause === 'provisioning-template')?.findings;
    expect(after1?.at(-1)).toBe('GC-SIP-ANY-SOURCE');
    const after = await app.results.score();
    expect(after).toBeLessThan(before);
    expect(await app.page.locator('[data-stat="accepted"]').innerText()).toBe('1');
    await app.screenshot(`${ART}/results-accepted.png`);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('device detail: SIP answer, fingerprint with confidence, config read, its findings', async () => {
    const app = await GhostcallApp.open(browser, url);
    await app.scan.scanLoopback({ port: phone.port });
    await app.results.openDevice('127.0.0.1');
    const text = await app.device.text();
    expect(text).toContain(YEALINK); // the SIP answer's User-Agent
    expect(text).toMatch(/Vendor\s+Yealink/i);
    expect(text).toMatch(/Model\s+SIP-T46S/i);
    expect(text).toMatch(/Firmware\s+66\.86\.0\.15/i);
    expect(text).toMatch(/Type\s+desk phone/i);
    expect(text).toMatch(/Confidence\s+90 %/i);
    expect(text).toContain('not reachable'); // config read: no web UI on loopback
    expect(text).toContain('Phone answers SIP from any source');
    await app.screenshot(`${ART}/device.png`);
    await app.page.click('.device-findings button');
    expect(await app.finding.title()).toBeTruthy();
    await app.close();
  });

  it('Dutch: labels, verdict and the findings re-evaluated in Dutch', async () => {
    const app = await GhostcallApp.open(browser, url);
    await app.language('nl');
    await app.scan.scanLoopback({ port: phone.port });
    const v = await app.results.verdict();
    expect(v.text).toContain('Kan het internet uw telefoons laten rinkelen?');
    expect(v.answer).toBe('Niet van buitenaf getest');
    const groups = await app.results.groups();
    expect(groups.find((g) => g.rootCause === 'provisioning-template')?.title).not.toBe('Provisioning template');
    await app.results.openFinding('GC-SIP-ANY-SOURCE');
    const title = await app.finding.title();
    expect(title).not.toBe('Phone answers SIP from any source'); // the checks' Dutch text
    expect(await app.finding.text()).toContain('Stappen voor uw telefoons');
    // switching back re-evaluates in English
    await app.language('en');
    await app.page.waitForFunction(() => document.querySelector('.finding-detail header h2')?.textContent === 'Phone answers SIP from any source');
    await app.language('nl');
    await app.page.waitForFunction((t) => document.querySelector('.finding-detail header h2')?.textContent === t, title);
    await app.screenshot(`${ART}/finding-nl.png`);
    await app.close();
  });

  describe('two phones of two vendors on one port (127.0.0.2 and 127.0.0.3)', () => {
    let a: Responder;
    let b: Responder;
    beforeAll(async () => {
      a = await sipResponder(YEALINK, '127.0.0.2');
      b = await sipResponder('Grandstream GXP2170 1.0.11.6', '127.0.0.3', a.port);
    });
    afterAll(async () => { await a?.close(); await b?.close(); });

    it('one finding names both devices, with the steps for both vendors and the rest folded', async () => {
      const app = await GhostcallApp.open(browser, url);
      await app.page.fill('input[name="targets"]', '127.0.0.2-127.0.0.3');
      await app.scan.scanLoopback({ port: a.port, keepTargets: true });
      expect(await app.results.deviceRowText('127.0.0.2')).toContain('Yealink');
      expect(await app.results.deviceRowText('127.0.0.3')).toContain('Grandstream');
      const row = await app.page.locator('.results li[data-finding="GC-SIP-ANY-SOURCE"]').innerText();
      expect(row).toContain('127.0.0.2, 127.0.0.3');
      await app.results.openFinding('GC-SIP-ANY-SOURCE');
      expect(await app.finding.vendors()).toEqual(['Yealink', 'Grandstream']);
      expect(await app.finding.vendorText('Grandstream')).toContain('P2347');
      expect(await app.page.locator('.other-vendors summary').innerText()).toBe('Steps for 5 other vendors');
      await app.screenshot(`${ART}/finding-two-vendors.png`);
      await app.close();
    });
  });

  describe('opt-in tests: ghost call and the external test through a loopback echo server', () => {
    let echo: EchoServer;
    beforeAll(async () => {
      echo = await startEchoServer({ bind: '127.0.0.1', httpPort: 0, sipPort: 0, altPort: 0, allowedPorts: [phone.port], limits: { probeTimeoutMs: 600, requestsPerWindow: 1000 } });
    });
    afterAll(async () => { await echo?.close(); });

    it('the phone rang for a stranger, and answers from "outside": verdict exposed', async () => {
      const app = await GhostcallApp.open(browser, url);
      phone.requests.length = 0;
      await app.scan.scanLoopback({ port: phone.port, ghostCall: true, reach: echo.url });
      expect(phone.requests).toContain('INVITE');
      const v = await app.results.verdict();
      expect(v.verdict).toBe('exposed');
      expect(v.answer).toBe('Yes: phones answer from the internet');
      const ids = (await app.results.groups()).flatMap((g) => g.findings);
      expect(ids).toEqual(expect.arrayContaining(['GC-REACH-SIP-OPEN', 'GC-GHOST-CALL-RANG']));
      await app.screenshot(`${ART}/exposed.png`);
      await app.results.openDevice('127.0.0.1');
      expect(await app.page.locator('[data-ghost-call]').getAttribute('data-ghost-call')).toBe('true');
      await app.close();
    });
  });
});
