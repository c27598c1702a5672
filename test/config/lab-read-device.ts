// Runs readDeviceConfig for the given devices, one after the other, and prints
// the ConfigRead results as JSON. Used by lab-web.test.ts inside the lab's
// scanner namespace:  node --import tsx test/config/lab-read-device.ts '<json>'
//   json = { devices: Device[], opts: ReadDeviceOptions }
import { readDeviceConfig, type ReadDeviceOptions } from '../../src/config/read-device.js';
import type { Device } from '../../src/api/result.js';

const { devices, opts } = JSON.parse(process.argv[2] ?? '{}') as { devices: Device[]; opts: ReadDeviceOptions };
const ctx = { signal: new AbortController().signal, onProgress: () => {} };
const out = [];
for (const d of devices) out.push(await readDeviceConfig(d, opts, ctx));
process.stdout.write(`${JSON.stringify(out)}\n`);
