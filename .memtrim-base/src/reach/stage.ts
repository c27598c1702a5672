// The reach stage of the scan pipeline (src/scan.ts STAGES): the external test through
// the user-named echo endpoint, on the scan's SIP ports and transports (the echo server
// probes only the ports it allows; the rest is named in the result's error). A failure
// never loses the scan: the result carries the error and the verdict stays "not tested".
import type { CallContext } from '../api/contract.js';
import type { Reach, ScanParams, ScanResult } from '../api/result.js';
import { runReach } from './client.js';

const MAX_PORTS = 12;

export async function reachStage(scan: ScanResult, p: ScanParams, ctx: Required<CallContext>): Promise<ScanResult> {
  if (!p.reachEndpoint) return scan;
  try {
    const reach = await runReach({ endpoint: p.reachEndpoint, ports: p.ports.slice(0, MAX_PORTS), transports: p.transports, timeoutMs: Math.max(2000, p.timeoutMs) }, ctx);
    return { ...scan, reach };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failed: Reach = { publicIp: null, testedAt: new Date().toISOString(), probes: [], sipAlg: null, natFiltering: null, error: message.slice(0, 300) };
    return { ...scan, reach: failed, warnings: [...scan.warnings, `reach: ${message.slice(0, 300)}`] };
  }
}
