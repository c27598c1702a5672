// The inventory: one row per device, a table that breaks across pages and
// repeats its header row on each.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Device } from '../../api/result.js';
import { inert, safeUrl } from '../text.js';
import { heading, type SectionContext } from './context.js';

/** Numeric IPv4 order (others after, as text). */
export function byIp(a: Device, b: Device): number {
  const key = (ip: string): number[] => (/^\d+\.\d+\.\d+\.\d+$/.test(ip) ? ip.split('.').map(Number) : [999]);
  const ka = key(a.ip);
  const kb = key(b.ip);
  for (let i = 0; i < 4; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
  return a.ip.localeCompare(b.ip);
}

export function vendorOf(d: Device): string {
  return inert(d.fingerprint?.vendor ?? d.config?.config?.vendor ?? d.macVendor ?? '', 40);
}

export function sipCell(c: SectionContext, d: Device): string {
  if (!d.sipAnswered || d.sip.length === 0) return c.t('inventory.noSip');
  return [...new Set(d.sip.map((s) => `${s.transport}/${s.port}`))].join(', ');
}

export function webCell(d: Device): string {
  if (d.config?.webUi) return safeUrl(d.config.webUi.url, 60);
  return [...new Set(d.http.filter((h) => h.error === null).map((h) => `${h.tls ? 'https' : 'http'}:${h.port}`))].join(', ');
}

export function inventory(c: SectionContext): Content[] {
  const { t } = c;
  const devices = [...c.scan.devices].sort(byIp);
  if (devices.length === 0) return [heading(t('inventory.heading')), { text: t('inventory.empty') }];
  const cols = ['ip', 'mac', 'vendor', 'model', 'firmware', 'sip', 'web'] as const;
  const body: TableCell[][] = [cols.map((k) => ({ text: t(`inventory.${k}`), style: 'th' }))];
  for (const d of devices) {
    const fp = d.fingerprint;
    body.push([
      inert(d.ip, 45),
      d.mac ? { text: [inert(d.mac, 20), d.macRandomized ? { text: ` (${t('inventory.randomMac')})`, italics: true } : ''] } : '',
      vendorOf(d),
      inert(fp?.model ?? d.config?.config?.model ?? '', 40),
      inert(fp?.firmware ?? d.config?.config?.firmware ?? '', 40),
      sipCell(c, d),
      webCell(d),
    ]);
  }
  return [
    heading(t('inventory.heading')),
    {
      table: { headerRows: 1, widths: [62, 68, 60, 60, 60, '*', 70], body },
      layout: 'report',
      fontSize: 7.5,
    },
  ];
}
