import { useState } from 'react';
import type { ScanParamsInput, Transport } from '../../../src/api/result.js';
import type { TFunction } from 'i18next';

const TRANSPORTS: Transport[] = ['udp', 'tcp', 'tls'];

/** Splits "a, b c" into targets; ports "5060,5061" into numbers (the engine validates both). */
export function toParams(targets: string, ports: string, transports: Transport[], mdns: boolean): ScanParamsInput {
  const params: ScanParamsInput = { targets: targets.split(/[\s,]+/).filter(Boolean), transports, mdns };
  const portList = ports.split(/[\s,]+/).filter(Boolean).map(Number);
  if (portList.length) params.ports = portList;
  return params;
}

export function ScanForm(props: { t: TFunction; running: boolean; onStart: (p: ScanParamsInput) => void; onCancel: () => void }) {
  const { t, running } = props;
  const [targets, setTargets] = useState('');
  const [ports, setPorts] = useState('');
  const [transports, setTransports] = useState<Transport[]>([...TRANSPORTS]);
  const [mdns, setMdns] = useState(true);
  const toggle = (tr: Transport) => setTransports((cur) => (cur.includes(tr) ? cur.filter((x) => x !== tr) : [...cur, tr]));
  return (
    <form className="scan-form" onSubmit={(e) => { e.preventDefault(); props.onStart(toParams(targets, ports, transports, mdns)); }}>
      <label>{t('targets')}<input name="targets" value={targets} placeholder={t('targetsPlaceholder')} onChange={(e) => setTargets(e.target.value)} disabled={running} /></label>
      <label>{t('ports')}<input name="ports" value={ports} placeholder="5060, 5061, 5062, 5080, 5160" onChange={(e) => setPorts(e.target.value)} disabled={running} /></label>
      <fieldset disabled={running}>
        <legend>{t('transports')}</legend>
        {TRANSPORTS.map((tr) => (
          <label key={tr} className="check"><input type="checkbox" checked={transports.includes(tr)} onChange={() => toggle(tr)} />{tr.toUpperCase()}</label>
        ))}
        <label className="check"><input type="checkbox" checked={mdns} onChange={() => setMdns(!mdns)} />{t('mdns')}</label>
      </fieldset>
      {running
        ? <button type="button" name="cancel" onClick={props.onCancel}>{t('cancel')}</button>
        : <button type="submit" name="start">{t('start')}</button>}
    </form>
  );
}
