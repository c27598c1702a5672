// readConfigFiles: exported or provisioning config files → one result per file.
// Never throws for a bad file: it gets ok:false with an E_PARSE/E_FILE error.
import type { z } from 'zod';
import type { ConfigFileResultSchema, MethodParsedInput } from '../api/contract.js';
import { toErrorData, type EngineErrorData } from '../api/errors.js';
import { readConfigText } from './read-text.js';
import { checkConfig } from '../checks/evaluate.js';
import { ConfigParseError, VENDOR_IDS, type VendorId } from './types.js';

export type ConfigFileResult = z.infer<typeof ConfigFileResultSchema>;

export function readConfigFiles(input: MethodParsedInput<'readConfigFiles'>): ConfigFileResult[] {
  const forced = input.vendor?.trim().toLowerCase();
  if (forced && !(VENDOR_IDS as readonly string[]).includes(forced)) {
    return input.files.map((f) => failed(f.name, { code: 'E_BAD_INPUT', params: { vendor: forced, supported: VENDOR_IDS.join(', ') }, message: `unknown vendor "${forced}" (supported: ${VENDOR_IDS.join(', ')})` }));
  }
  return input.files.map((file) => {
    try {
      const r = readConfigText(file.content, { source: file.name, fileName: file.name, vendor: forced as VendorId | undefined });
      return {
        name: file.name,
        ok: true,
        vendor: r.vendor,
        format: r.format,
        config: r.config,
        // the same rule evaluation as a scan, on the file alone
        findings: checkConfig(r.config, { source: file.name, lang: input.lang }),
        error: null,
      };
    } catch (e) {
      if (e instanceof ConfigParseError) {
        const at = e.line !== null ? ` (line ${e.line})` : '';
        return failed(file.name, { code: 'E_PARSE', params: { file: file.name, line: e.line, detail: `${e.message}${at}` }, message: `${file.name}: ${e.message}${at}` });
      }
      return failed(file.name, toErrorData(e));
    }
  });
}

function failed(name: string, error: EngineErrorData): ConfigFileResult {
  return { name, ok: false, vendor: null, format: null, config: null, findings: [], error };
}
