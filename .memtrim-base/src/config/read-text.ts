// One config text → PhoneConfig: detect the format, parse, REDACT (before
// anything else sees the map), normalise. Shared by the offline reader and the
// web readers (which read the same exported files from the phone).
import type { PhoneConfig } from '../api/result.js';
import { detectFormat } from './detect.js';
import { FORMATS } from './formats/index.js';
import { redactParams } from './redact.js';
import { normalise } from './normalise.js';
import { mapFor } from './vendors/index.js';
import { ConfigParseError, type FormatDef, type ParamMap, type VendorId } from './types.js';

export const MAX_CONFIG_CHARS = 5 * 1024 * 1024;

export interface TextReadResult {
  vendor: VendorId;
  format: string;
  config: PhoneConfig;
}

/** Throws ConfigParseError for an unknown, binary or malformed text. */
export function readConfigText(text: string, opts: { source: string; fileName?: string; vendor?: VendorId }): TextReadResult {
  if (text.length > MAX_CONFIG_CHARS) throw new ConfigParseError(`file is larger than ${MAX_CONFIG_CHARS} characters`);
  if (text.includes('\u0000')) throw new ConfigParseError('binary content (NUL bytes): not a text config file');
  const { format, raw } = parseWithDetection(text, opts.vendor);
  return readConfigParams(raw, format, opts);
}

/** An already parsed map (e.g. P-values from a web API): redact, then normalise. */
export function readConfigParams(raw: ParamMap, format: Pick<FormatDef, 'id' | 'vendor' | 'map'>, opts: { source: string; fileName?: string }): TextReadResult {
  const { params, secrets } = redactParams(raw, format.vendor);
  raw.clear(); // the only map holding secrets is emptied right here
  const config = normalise(params, mapFor(format), opts.source, secrets, opts.fileName);
  secrets.clear();
  return { vendor: format.vendor, format: format.id, config };
}

function parseWithDetection(text: string, vendor?: VendorId): { format: FormatDef; raw: ParamMap } {
  const detected = detectFormat(text, vendor);
  if (detected) return { format: detected, raw: detected.parse(text) };
  if (vendor) {
    // Forced vendor without a signature match: the first of its formats that parses.
    let firstError: ConfigParseError | null = null;
    for (const f of FORMATS.filter((x) => x.vendor === vendor)) {
      try {
        return { format: f, raw: f.parse(text) };
      } catch (e) {
        if (!(e instanceof ConfigParseError)) throw e;
        firstError ??= e;
      }
    }
    throw new ConfigParseError(`not a ${vendor} config file (${firstError?.message ?? 'no format matched'})`, firstError?.line ?? null);
  }
  throw new ConfigParseError('unrecognised config format (no vendor signature found)');
}
