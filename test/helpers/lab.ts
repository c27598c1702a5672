// Lab helpers for vitest. Lab tests are SKIPPED (with the reason printed) when
// not root or tools are missing, so the rest of `npm test` still runs;
// `sudo npm test` and CI (root) run them.
import { afterAll, beforeAll, describe } from 'vitest';
import { createLab, labAvailable } from '../../lab/index.js';
import type { Lab, LabOptions } from '../../lab/index.js';
import { REPO_ROOT } from '../../lab/farm/launch.js';

const avail = labAvailable();
/** true when lab tests cannot run here */
export const labSkip = !avail.ok;
export const labSkipReason = avail.ok ? '' : avail.reason;

let warned = false;
/** `describe` that skips (saying why) when the lab is unavailable. */
export function describeLab(name: string, fn: () => void): void {
  if (labSkip && !warned) {
    warned = true;
    console.warn(`[lab] skipping lab tests: ${labSkipReason}`);
  }
  describe.skipIf(labSkip)(labSkip ? `${name} (skipped: ${labSkipReason})` : name, fn);
}

/**
 * A lab for the enclosing describe: built in beforeAll, always torn down in
 * afterAll. Use the returned getter inside tests: `const lab = withLab(); ... lab().phones`.
 */
export function withLab(opts: LabOptions = {}): () => Lab {
  let lab: Lab | null = null;
  beforeAll(async () => { lab = await createLab(opts); });
  afterAll(async () => { await lab?.down(); });
  return () => {
    if (!lab) throw new Error('lab not built (beforeAll failed?)');
    return lab;
  };
}

export interface ProbeTarget { ip: string; port: number; transport: 'udp' | 'tcp' | 'tls' }
export interface ProbeResult extends ProbeTarget {
  answered: boolean; status: number | null; statuses: number[];
  userAgent: string | null; server: string | null; raw: string | null; answeredCount?: number;
}

/** Run a node/TS script from the repo inside the lab's scanner namespace. */
export async function runInScanner(lab: Lab, script: string, input?: unknown, timeoutMs = 60_000): Promise<string> {
  const r = await lab.exec([process.execPath, '--import', 'tsx', `${REPO_ROOT}/${script}`],
    { timeoutMs, ...(input !== undefined ? { input: JSON.stringify(input) } : {}) });
  if (r.code !== 0) throw new Error(`${script} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** Ground-truth SIP probe from the scanner namespace (lab/tools/sip-probe.ts, independent of src/). */
export async function probeSip(lab: Lab, targets: ProbeTarget[],
  opts: { tries?: number; timeoutMs?: number; method?: 'OPTIONS' | 'INVITE'; count?: number } = {}): Promise<ProbeResult[]> {
  return JSON.parse(await runInScanner(lab, 'lab/tools/sip-probe.ts', { targets, ...opts })) as ProbeResult[];
}

/** Every (ip, port, transport) the truth says answers SIP. */
export function sipTargets(lab: Lab): ProbeTarget[] {
  return lab.phones.flatMap((p) => [
    ...p.udp.map((port) => ({ ip: p.ip, port, transport: 'udp' as const })),
    ...p.tcp.map((port) => ({ ip: p.ip, port, transport: 'tcp' as const })),
    ...p.tls.map((port) => ({ ip: p.ip, port, transport: 'tls' as const })),
  ]);
}
