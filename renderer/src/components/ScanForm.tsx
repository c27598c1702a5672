import { useState } from 'react';
import type { ScanParamsInput, Transport } from '../../../src/api/result.js';
import type { TFunction } from 'i18next';
import { toParams, type ScanFields } from '../model/params.js';

const TRANSPORTS: Transport[] = ['udp', 'tcp', 'tls'];

export function ScanForm(props: { t: TFunction; running: boolean; onStart: (p: ScanParamsInput) => void }) {
  const { t, running } = props;
  const [f, setF] = useState<ScanFields>({ targets: '', ports: '', transports: [...TRANSPORTS], mdns: true, reachEndpoint: '', ghostCallTest: false });
  const set = <K extends keyof ScanFields>(k: K, v: ScanFields[K]) => setF((cur) => ({ ...cur, [k]: v }));
  const toggle = (tr: Transport) => set('transports', f.transports.includes(tr) ? f.transports.filter((x) => x !== tr) : [...f.transports, tr]);
  return (
    <form className="scan-form" onSubmit={(e) => { e.preventDefault(); props.onStart(toParams(f)); }}>
      <fieldset disabled={running} className="plain">
        <div className="row">
          <label className="field wide">{t('targets')}<input name="targets" value={f.targets} placeholder={t('targetsPlaceholder')} onChange={(e) => set('targets', e.target.value)} /></label>
          <label className="field">{t('ports')}<input name="ports" value={f.ports} placeholder="5060, 5061, 5062, 5080, 5160" onChange={(e) => set('ports', e.target.value)} /></label>
        </div>
        <div className="row">
          <fieldset>
            <legend>{t('transports')}</legend>
            {TRANSPORTS.map((tr) => (
              <label key={tr} className="check"><input type="checkbox" checked={f.transports.includes(tr)} onChange={() => toggle(tr)} />{tr.toUpperCase()}</label>
            ))}
            <label className="check"><input type="checkbox" checked={f.mdns} onChange={() => set('mdns', !f.mdns)} />{t('mdns')}</label>
          </fieldset>
        </div>
        <div className="row">
          <label className="field wide">{t('reach.label')}
            <input name="reach" type="url" value={f.reachEndpoint} placeholder="http://echo.example.net:8080" onChange={(e) => set('reachEndpoint', e.target.value)} aria-describedby="reach-help" />
            <span id="reach-help" className="help">{t('reach.help')}</span>
          </label>
        </div>
        <div className="row">
          <label className="check opt-in">
            <input type="checkbox" name="ghostCall" checked={f.ghostCallTest} onChange={() => set('ghostCallTest', !f.ghostCallTest)} aria-describedby="ghost-help" />
            <span><strong>{t('ghostCall.label')}</strong> <span id="ghost-help" className="help">{t('ghostCall.help')}</span></span>
          </label>
        </div>
      </fieldset>
      {!running && <button type="submit" name="start" className="primary">{t('start')}</button>}
    </form>
  );
}
