// The scan pipeline: discover, then a short list of stages over the result
// (fingerprint → config → checks). A later stage plugs in as one more entry in
// STAGES. The result is validated against the versioned schema before it leaves.
import type { CallContext } from './api/contract.js';
import { SCHEMA_VERSION, ScanResultSchema } from './api/result.js';
import type { Device, ScanParams, ScanResult } from './api/result.js';
import { EngineError } from './api/errors.js';
import type { Phase } from './api/progress.js';
import { VERSION } from './version.js';
import { discover } from './discover/discover.js';
import { fingerprintDevice } from './identify/fingerprint.js';
import { readDeviceConfig } from './config/read-device.js';
import { applyChecks } from './checks/evaluate.js';
import { runGhostCallTests } from './checks/ghost-call.js';
import { reachStage } from './reach/stage.js';

type Ctx = Required<CallContext>;

interface Stage {
  phase: Phase;
  enabled: (p: ScanParams) => boolean;
  run: (scan: ScanResult, p: ScanParams, ctx: Ctx) => Promise<ScanResult>;
}

/** Run fn over each device, `limit` at a time, with per-device progress; one device's failure is a warning, not a lost scan. */
async function perDevice(
  scan: ScanResult, phase: Phase, limit: number, ctx: Ctx,
  fn: (d: Device) => Promise<Partial<Device> | null>,
): Promise<ScanResult> {
  const devices = scan.devices.map((d) => ({ ...d }));
  const warnings = [...scan.warnings];
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < devices.length && !ctx.signal.aborted) {
      const i = next++;
      const d = devices[i] as Device;
      try {
        const patch = await fn(d);
        if (patch) devices[i] = { ...d, ...patch };
      } catch (err) {
        warnings.push(`${phase} ${d.ip}: ${err instanceof Error ? err.message : String(err)}`);
      }
      ctx.onProgress({ phase, done: ++done, total: devices.length, found: devices.length, elapsedMs: Math.round(performance.now() - t0) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, Math.max(1, devices.length)) }, worker));
  return { ...scan, devices, warnings };
}

export const STAGES: Stage[] = [
  {
    phase: 'fingerprint',
    enabled: () => true,
    run: (scan, _p, ctx) => perDevice(scan, 'fingerprint', 64, ctx, async (d) => ({ fingerprint: fingerprintDevice(d) })),
  },
  {
    phase: 'config',
    enabled: (p) => p.config,
    run: (scan, p, ctx) => perDevice(scan, 'config', 8, ctx, async (d) => ({
      config: await readDeviceConfig(d, { timeoutMs: p.timeoutMs, tryDefaultPasswords: p.tryDefaultPasswords, credentialsFile: p.credentialsFile }, ctx),
    })),
  },
  {
    // Opt-in, off by default: a direct INVITE from "1000" as a scanner would send, CANCELled at once.
    phase: 'ghost-call',
    enabled: (p) => p.ghostCallTest,
    run: async (scan, p, ctx) => ({ ...scan, devices: await runGhostCallTests(scan.devices, p, ctx) }),
  },
  {
    // Opt-in: only with a user-named echo endpoint. Runs before the checks (the verdict needs it).
    phase: 'reach',
    enabled: (p) => p.reachEndpoint !== undefined,
    run: (scan, p, ctx) => reachStage(scan, p, ctx),
  },
  {
    phase: 'checks',
    enabled: (p) => p.checks,
    run: async (scan, p) => applyChecks(scan, { lang: p.lang, exceptions: [] }),
  },
];

export async function runScan(params: ScanParams, ctx: Ctx): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const found = await discover(params, ctx);
  let scan: ScanResult = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ghostcall', version: VERSION },
    startedAt,
    finishedAt: startedAt,
    params,
    stats: found.stats,
    devices: found.devices,
    warnings: found.warnings,
  };
  for (const stage of STAGES) {
    if (ctx.signal.aborted) break;
    if (stage.enabled(params)) scan = await stage.run(scan, params, ctx);
  }
  scan = { ...scan, finishedAt: new Date().toISOString(), stats: { ...scan.stats, cancelled: scan.stats.cancelled || ctx.signal.aborted } };
  const checked = ScanResultSchema.safeParse(scan);
  if (!checked.success) {
    throw new EngineError('E_INTERNAL', `scan result fails its schema: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return checked.data;
}
