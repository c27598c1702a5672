import type { ReactNode } from 'react';
import { inert } from '../../../src/util/inert.js';

/** A label/value list; string values are device data, shown inert. */
export function Fields({ rows }: { rows: Array<[label: string, value: ReactNode | string | null | undefined]> }) {
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <div key={label}><dt>{label}</dt><dd>{value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? inert(value, 300) : value}</dd></div>
      ))}
    </dl>
  );
}

/** A device-data table: every cell inert. */
export function DataTable({ head, rows, className }: { head: string[]; rows: Array<Array<string | number | boolean | null | undefined>>; className?: string }) {
  const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : inert(String(v), 300));
  return (
    <div className="table-wrap">
      <table className={`data ${className ?? ''}`}>
        <thead><tr>{head.map((h) => <th key={h}>{h}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}>{r.map((v, j) => <td key={j}>{cell(v)}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}
