import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { createSocket, type Socket } from 'node:dgram';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { buildRenderer, serveStatic, launch, installBridge, chromiumMissing, CHROMIUM } from './harness.js';

const ART = 'artifacts/ui';

describe.skipIf(chromiumMissing)(`renderer in Chromium (${chromiumMissing ? `skipped: ${CHROMIUM} missing` : CHROMIUM})`, () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;
  let root: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    root = await buildRenderer();
    ({ url, server } = await serveStatic(root));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function open(): Promise<Page> {
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await installBridge(page);
    await page.goto(url);
    await page.waitForSelector('h1');
    return page;
  }

  it('renders, and switches language to Dutch', async () => {
    const p = await open();
    expect(await p.textContent('button[name="start"]')).toBe('Start scan');
    await p.selectOption('select[name="lang"]', 'nl');
    expect(await p.textContent('button[name="start"]')).toBe('Scan starten');
    await p.screenshot({ path: `${ART}/start.png` });
    await p.close();
    expect(errors).toEqual([]);
  });

  it('refuses a public target with a translated error from the engine', async () => {
    const p = await open();
    await p.fill('input[name="targets"]', '8.8.8.8');
    await p.click('button[name="start"]');
    const alert = await p.waitForSelector('[role="alert"]');
    expect(await alert.getAttribute('data-code')).toBe('E_PUBLIC_TARGET');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('8.8.8.8');
    await p.close();
  });

  describe('a scan of a loopback SIP responder with a hostile User-Agent', () => {
    let sock: Socket;
    let port = 0;
    const UA = '<img src=x onerror="document.title=\'pwned\'">\u202Eevil\u001b[31m';
    beforeAll(async () => {
      sock = createSocket('udp4');
      sock.on('message', (msg, rinfo) => {
        const text = msg.toString('latin1');
        const h = (n: string) => (text.match(new RegExp(`^${n}:.*$`, 'mi')) ?? [''])[0];
        const resp = ['SIP/2.0 200 OK', h('Via'), h('From'), `${h('To')};tag=x1`, h('Call-ID'), h('CSeq'), `User-Agent: ${UA}`, 'Content-Length: 0', '', ''].join('\r\n');
        sock.send(Buffer.from(resp, 'utf8'), rinfo.port, rinfo.address);
      });
      await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
      port = sock.address().port;
    });
    afterAll(() => sock.close());

    it('lists the device and shows the User-Agent as inert text', async () => {
      const p = await open();
      await p.fill('input[name="targets"]', '127.0.0.1');
      await p.fill('input[name="ports"]', String(port));
      await p.uncheck('text=TCP');
      await p.uncheck('text=TLS');
      await p.uncheck('text=mDNS');
      await p.click('button[name="start"]');
      const row = await p.waitForSelector('tr[data-ip="127.0.0.1"]', { timeout: 30_000 });
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).toContain('<img src=x');
      // Controls and bidi overrides are shown as visible escapes, never raw.
      expect(rowText).toContain('\\u{202e}evil\\x1b[31m');
      expect(rowText.includes('\u202e') || rowText.includes('\u001b')).toBe(false);
      expect(await p.$$('td img')).toHaveLength(0);
      expect(await p.title()).toBe('Ghostcall');
      await p.screenshot({ path: `${ART}/scan.png`, fullPage: true });
      // the device page: the same string, inert, wherever it is shown
      await p.click('tr[data-ip="127.0.0.1"] button[name="device"]');
      const detail = (await p.locator('.device-detail').innerText());
      expect(detail).toContain('\\u{202e}evil\\x1b[31m');
      expect(detail.includes('\u202e') || detail.includes('\u001b')).toBe(false);
      expect(await p.$$('.device-detail img')).toHaveLength(0);
      expect(await p.title()).toBe('Ghostcall');
      await p.screenshot({ path: `${ART}/device-hostile.png`, fullPage: true });
      await p.close();
    });
  });

  describe('a phone that never answers (a long scan)', () => {
    let sock: Socket;
    beforeAll(async () => {
      sock = createSocket('udp4'); // bound, silent: every probe waits for its retransmissions
      await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    });
    afterAll(() => sock.close());

    it('shows progress and cancels: partial results, marked as cancelled', async () => {
      const p = await open();
      await p.fill('input[name="targets"]', '127.0.0.1');
      await p.fill('input[name="ports"]', String(sock.address().port));
      await p.uncheck('text=TCP');
      await p.uncheck('text=TLS');
      await p.uncheck('text=mDNS');
      await p.click('button[name="start"]');
      await p.waitForSelector('.progress[role="status"]');
      expect(await p.isDisabled('input[name="targets"]')).toBe(true);
      await p.screenshot({ path: `${ART}/progress.png` });
      await p.click('button[name="cancel"]');
      const notice = await p.waitForSelector('.verdict-panel .notice', { timeout: 20_000 });
      expect(await notice.textContent()).toBe('Scan cancelled: partial results.');
      expect(await p.isDisabled('input[name="targets"]')).toBe(false);
      await p.close();
    });
  });
});
