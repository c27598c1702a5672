// The typed evidence view the rules match on: one flat record per device (SIP
// answers, config, fingerprint, web) plus the site-level reachability result, and
// which inputs the scan actually has (a rule whose input is absent is "not checked").
import type { ConfigRead, Device, DeviceType, HttpBanner, PhoneConfig, Reach, ScanResult, SipEvidence } from '../api/result.js';
import type { Input, VendorKey } from './types.js';
import { vendorKey } from './vendors.js';

export interface DeviceView {
  ip: string;
  vendor: VendorKey | null;
  vendorName: string | null;
  model: string | null;
  firmware: string | null;
  type: DeviceType | null;
  sipAnswered: boolean;
  sip: SipEvidence[];
  http: HttpBanner[];
  configRead: ConfigRead | null;
  config: PhoneConfig | null;
  ghostCall: Device['ghostCall'] | null;
}

export interface EvidenceView {
  devices: DeviceView[];
  /** null when no reachability test ran (or it failed). */
  reach: Reach | null;
  inputs: Record<Input, boolean>;
}

/** A device's remediation vendor: fingerprint or config first, else its (non-random) MAC's vendor. */
export function deviceVendorKey(d: Device): VendorKey | null {
  return vendorKey(d.fingerprint?.vendor ?? d.config?.config?.vendor) ?? vendorKey(d.macRandomized ? null : d.macVendor);
}

function deviceView(d: Device): DeviceView {
  const cfg = d.config?.config ?? null;
  const fp = d.fingerprint ?? null;
  const vendorName = fp?.vendor ?? cfg?.vendor ?? d.macVendor ?? null;
  return {
    ip: d.ip,
    vendor: deviceVendorKey(d),
    vendorName,
    model: fp?.model ?? cfg?.model ?? null,
    firmware: fp?.firmware ?? cfg?.firmware ?? null,
    type: fp?.type ?? null,
    sipAnswered: d.sipAnswered,
    sip: d.sip,
    http: d.http,
    configRead: d.config ?? null,
    config: cfg,
    ghostCall: d.ghostCall ?? null,
  };
}

/** A reach result counts only when it ran: a result that is all error says nothing. */
function usableReach(reach: Reach | null | undefined): Reach | null {
  if (!reach) return null;
  if (reach.error && reach.probes.length === 0) return null;
  return reach;
}

export function buildEvidence(scan: Pick<ScanResult, 'devices' | 'reach'>): EvidenceView {
  const devices = scan.devices.map(deviceView);
  const reach = usableReach(scan.reach);
  const configRead = devices.filter((d) => d.configRead && d.configRead.access !== 'unreachable' && d.configRead.access !== 'error');
  const inputs: Record<Input, boolean> = {
    sip: true, // the sweep always ran: a scan without answers is a clean result, not a missing one
    config: devices.some((d) => d.config !== null),
    web: configRead.length > 0 || devices.some((d) => d.http.length > 0),
    srtp: devices.some((d) => d.config?.srtp != null),
    transport: devices.some((d) => d.sip.length > 0 || (d.config?.accounts.some((a) => a.transport) ?? false)),
    reach: reach !== null && reach.probes.length > 0,
    'reach-alg': reach?.sipAlg != null,
    'reach-nat': reach?.natFiltering != null,
    'ghost-call': devices.some((d) => d.ghostCall?.tested === true),
    fingerprint: devices.some((d) => d.type !== null),
    firmware: devices.some((d) => d.vendor !== null && d.model !== null),
  };
  return { devices, reach, inputs };
}

/** Evidence helper: one item per device. */
export function item(device: string | null, probe: string, itemName: string, value: unknown): { device: string | null; probe: string; item: string; value: string } {
  return { device, probe, item: itemName, value: typeof value === 'string' ? value : JSON.stringify(value) };
}
