// Helpers for the line-based formats (Yealink .cfg, Grandstream P-values, Snom
// text, Cisco flat text, Fanvil text). These are trivial `key <sep> value` line
// formats with vendor-specific comment and section rules, so a few regexes per
// format are clearer than a general parser library.
import { ConfigParseError, setParam, type ParamMap } from '../types.js';

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/** Strips one pair of surrounding double quotes. */
export function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/**
 * Parses `key SEP value` lines. `match` returns [key, value] or null for a line
 * that is not a setting; comment lines are skipped before. A file where fewer
 * than half of the non-comment lines are settings is not this format.
 */
export function parseKeyValueLines(
  text: string,
  opts: { comment: RegExp; match: (line: string) => [string, string] | null; what: string },
): ParamMap {
  const map: ParamMap = new Map();
  let other = 0;
  let firstOther = 0;
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || opts.comment.test(line)) return;
    const kv = opts.match(line);
    if (kv) setParam(map, kv[0], kv[1], i + 1);
    else if (++other === 1) firstOther = i + 1;
  });
  if (map.size === 0) throw new ConfigParseError(`no ${opts.what} settings found`, null);
  if (other > map.size) throw new ConfigParseError(`not a ${opts.what} file: unexpected line`, firstOther);
  return map;
}
