// PLACEHOLDER (replaced by the config stage).
import type { CallContext } from '../api/contract.js';
import type { ConfigRead, Device } from '../api/result.js';

export interface ReadDeviceOptions { timeoutMs: number }
export async function readDeviceConfig(_d: Device, _opts: ReadDeviceOptions, _ctx: Required<CallContext>): Promise<ConfigRead | null> {
  return null;
}
