import type { TFunction } from 'i18next';
import type { Device, Site } from '../../../src/api/result.js';
import { inert } from '../../../src/util/inert.js';

// Device strings are hostile: React renders them as text (never HTML), and
// inert() turns controls, ANSI escapes and bidi overrides into visible escapes
// (as the CLI and the PDF do), so an RLO in a User-Agent can't reorder the row.
const CELL = 160;
const sipSummary = (d: Device): string => d.sip.map((s) => `${s.transport}/${s.port} ${s.status}`).join(', ');
export const banner = (d: Device): string => inert(d.sip.map((s) => s.userAgent ?? s.server ?? '').find(Boolean) ?? d.http.map((h) => h.title ?? h.server ?? '').find(Boolean) ?? '', CELL);
const text = (v: string | null | undefined): string => (v ? inert(v, CELL) : '—');

export function DeviceTable({ t, devices, site, onOpen }: { t: TFunction; devices: Device[]; site?: Site; onOpen: (ip: string) => void }) {
  if (devices.length === 0) return <section><p className="empty">{t('noDevices')}</p></section>;
  return (
    <section className="table-wrap">
      <table className="devices">
        <caption>{t('devices', { count: devices.length })}</caption>
        <thead>
          <tr>{(['ip', 'mac', 'vendor', 'model', 'firmware', 'sip', 'userAgent', 'strangers', 'score'] as const).map((c) => <th key={c}>{t(`col.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.ip} data-ip={d.ip}>
              <td><button type="button" className="link" name="device" onClick={() => onOpen(d.ip)}>{inert(d.ip, 60)}</button></td>
              <td className="mono">{text(d.mac)}</td>
              <td>{text(d.fingerprint?.vendor ?? d.macVendor)}</td>
              <td>{text(d.fingerprint?.model)}</td>
              <td>{text(d.fingerprint?.firmware)}</td>
              <td>{sipSummary(d) || '—'}</td>
              <td className="ua">{banner(d) || '—'}</td>
              <td className={d.sipAnswered ? 'bad' : 'good'}>{d.sipAnswered ? t('answersStrangers') : t('ignoresStrangers')}</td>
              <td>{site?.deviceScores[d.ip] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
