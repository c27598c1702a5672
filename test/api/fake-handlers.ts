// A small test-double engine: version and fingerprint answer, everything else refuses.
import { EngineError } from '../../src/api/errors.js';
import type { Handlers } from '../../src/api/contract.js';

const unsupported = async (): Promise<never> => {
  throw new EngineError('E_UNSUPPORTED', 'not here');
};

export const fakeHandlers: Handlers = {
  version: async () => ({ name: 'ghostcall', version: '9.9.9', schemaVersion: 1 }),
  fingerprint: async ({ values }) => values.map((input) => ({ input, vendor: null, model: null, firmware: null, type: null })),
  scan: unsupported, readConfigFiles: unsupported, checks: unsupported, report: unsupported, reach: unsupported,
};
