import type { TFunction } from 'i18next';
import type { Device } from '../../../src/api/result.js';
import { inert } from '../../../src/util/inert.js';

// Device strings are hostile: React renders them as text (never HTML), and
// inert() turns controls, ANSI escapes and bidi overrides into visible escapes
// (as the CLI and the PDF do), so an RLO in a User-Agent can't reorder the row.
const CELL = 160;
const sipSummary = (d: Device): string => d.sip.map((s) => `${s.transport}/${s.port} ${s.status}`).join(', ');
const banner = (d: Device): string => inert(d.sip.map((s) => s.userAgent ?? s.server ?? '').find(Boolean) ?? d.http.map((h) => h.title ?? h.server ?? '').find(Boolean) ?? '', CELL);
const text = (v: string | null | undefined): string => (v ? inert(v, CELL) : '—');

export function DeviceTable({ t, devices }: { t: TFunction; devices: Device[] }) {
  if (devices.length === 0) return <p className="empty">{t('noDevices')}</p>;
  return (
    <table className="devices">
      <caption>{t('devices', { count: devices.length })}</caption>
      <thead>
        <tr>{(['ip', 'mac', 'vendor', 'model', 'firmware', 'sip', 'userAgent', 'strangers'] as const).map((c) => <th key={c}>{t(`col.${c}`)}</th>)}</tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={d.ip} data-ip={d.ip}>
            <td>{d.ip}</td>
            <td>{d.mac ?? '—'}</td>
            <td>{text(d.fingerprint?.vendor ?? d.macVendor)}</td>
            <td>{text(d.fingerprint?.model)}</td>
            <td>{text(d.fingerprint?.firmware)}</td>
            <td>{sipSummary(d) || '—'}</td>
            <td className="ua">{banner(d) || '—'}</td>
            <td className={d.sipAnswered ? 'bad' : 'good'}>{d.sipAnswered ? t('answersStrangers') : t('ignoresStrangers')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
