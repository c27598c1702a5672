// Page objects: the tests read as the admin's steps (scan, open a finding, accept
// it, open a device, save the report), the selectors live here.
import type { Browser, Page } from 'playwright-core';
import { installBridge, type FakeSaveDialog } from '../harness.js';

export interface ScanOptions { port: number; ghostCall?: boolean; reach?: string; /** targets already typed (default: 127.0.0.1) */ keepTargets?: boolean }

export class ScanScreen {
  constructor(private readonly page: Page) {}

  /** Scan loopback (127.0.0.1 unless typed already) on one UDP port (no TCP/TLS, no mDNS) and wait for the results. */
  async scanLoopback(o: ScanOptions): Promise<void> {
    const p = this.page;
    if (!o.keepTargets) await p.fill('input[name="targets"]', '127.0.0.1');
    await p.fill('input[name="ports"]', String(o.port));
    await p.uncheck('label.check:has-text("TCP") input');
    await p.uncheck('label.check:has-text("TLS") input');
    await p.uncheck('label.check:has-text("mDNS") input');
    if (o.ghostCall) await p.check('input[name="ghostCall"]');
    if (o.reach) await p.fill('input[name="reach"]', o.reach);
    await p.click('button[name="start"]');
    await p.waitForSelector('.verdict-panel', { timeout: 60_000 });
  }

  startLabel(): Promise<string | null> { return this.page.textContent('button[name="start"]'); }
}

export class ResultsScreen {
  constructor(private readonly page: Page) {}

  async verdict(): Promise<{ verdict: string | null; answer: string; text: string }> {
    const el = this.page.locator('.verdict-panel .verdict-answer');
    return { verdict: await el.getAttribute('data-verdict'), answer: await el.innerText(), text: await this.page.locator('.verdict-panel').innerText() };
  }

  async score(): Promise<number> { return Number(await this.page.locator('[data-stat="score"]').innerText()); }

  /** Root-cause groups in screen order, each with its findings' rule ids. */
  async groups(): Promise<Array<{ rootCause: string; title: string; findings: string[] }>> {
    return this.page.$$eval('.results .group', (els) => els.map((g) => ({
      rootCause: g.getAttribute('data-root-cause') ?? '',
      title: g.querySelector('h3')?.textContent ?? '',
      findings: [...g.querySelectorAll('li[data-finding]')].map((li) => li.getAttribute('data-finding') ?? ''),
    })));
  }

  async isAccepted(id: string): Promise<boolean> { return (await this.page.locator(`.results li[data-finding="${id}"].excepted`).count()) === 1; }
  async openFinding(id: string): Promise<void> { await this.page.click(`.results li[data-finding="${id}"] button`); await this.page.waitForSelector('.finding-detail'); }
  async openDevice(ip: string): Promise<void> { await this.page.click(`tr[data-ip="${ip}"] button[name="device"]`); await this.page.waitForSelector('.device-detail'); }
  deviceRowText(ip: string): Promise<string> { return this.page.locator(`tr[data-ip="${ip}"]`).innerText(); }
}

export class FindingScreen {
  constructor(private readonly page: Page) {}
  title(): Promise<string> { return this.page.locator('.finding-detail header h2').innerText(); }
  text(): Promise<string> { return this.page.locator('.finding-detail').innerText(); }
  /** Vendors whose steps are shown open (the affected devices' vendors). */
  vendors(): Promise<string[]> { return this.page.$$eval('.finding-detail .vendor-steps .vendor-fix', (els) => els.map((e) => e.getAttribute('data-vendor') ?? '')); }
  vendorText(vendor: string): Promise<string> { return this.page.locator(`.finding-detail .vendor-steps [data-vendor="${vendor}"]`).innerText(); }
  async acceptWithoutReason(): Promise<string> { await this.page.click('button[name="accept"]'); return this.page.locator('#reason-help').innerText(); }
  async accept(reason: string): Promise<void> {
    await this.page.fill('textarea[name="reason"]', reason);
    await this.page.click('button[name="accept"]');
    await this.page.waitForSelector('.finding-detail [data-accepted]');
  }
  acceptedText(): Promise<string> { return this.page.locator('.finding-detail [data-accepted]').innerText(); }
  async back(): Promise<void> { await this.page.click('button[name="back"]'); await this.page.waitForSelector('.results:not([hidden])'); }
}

export class DeviceScreen {
  constructor(private readonly page: Page) {}
  text(): Promise<string> { return this.page.locator('.device-detail').innerText(); }
  async back(): Promise<void> { await this.page.click('button[name="back"]'); await this.page.waitForSelector('.results:not([hidden])'); }
}

export class ExportPanel {
  constructor(private readonly page: Page) {}
  async savePdf(o: { org: string; site: string; lang: 'en' | 'nl' }): Promise<string> {
    await this.page.fill('input[name="org"]', o.org);
    await this.page.fill('input[name="site"]', o.site);
    await this.page.selectOption('select[name="reportLang"]', o.lang);
    await this.page.click('button[name="savePdf"]');
    return this.page.locator('[data-saved="pdf"]').innerText({ timeout: 60_000 });
  }
  async saveJson(): Promise<string> {
    await this.page.click('button[name="saveJson"]');
    return this.page.locator('[data-saved="json"]').innerText();
  }
}

export class GhostcallApp {
  readonly scan: ScanScreen;
  readonly results: ResultsScreen;
  readonly finding: FindingScreen;
  readonly device: DeviceScreen;
  readonly export: ExportPanel;
  readonly errors: string[] = [];

  private constructor(readonly page: Page, readonly dialog: FakeSaveDialog) {
    this.scan = new ScanScreen(page);
    this.results = new ResultsScreen(page);
    this.finding = new FindingScreen(page);
    this.device = new DeviceScreen(page);
    this.export = new ExportPanel(page);
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  static async open(browser: Browser, url: string): Promise<GhostcallApp> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialog = await installBridge(page);
    const app = new GhostcallApp(page, dialog);
    await page.goto(url);
    await page.waitForSelector('h1');
    return app;
  }

  async language(lang: 'en' | 'nl'): Promise<void> { await this.page.selectOption('select[name="lang"]', lang); }
  screenshot(path: string): Promise<Buffer> { return this.page.screenshot({ path, fullPage: true }); }
  close(): Promise<void> { return this.page.close(); }
}
