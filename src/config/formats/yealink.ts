// Yealink provisioning files. New style: flat `key = value` (`y0000000000xx.cfg`,
// `<mac>.cfg`, optional `#!version:1.0.0.1` header). Old style (firmware ≤ 2.x):
// `[ section ]` blocks, each with `path = /yealink/config/<dir>/<file>.cfg` naming
// the phone-side file the block lands in; keys are `<file>/<section>/<Key>`.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseKeyValueLines, splitLines } from './lines.js';

const NEW_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const NEW_SIGNATURE = /^\s*(static\.)?(account|sip|features|network|auto_provision|autoprovision|wui|security|local_time|voice|phone_setting|lang|firmware)\.[\w.]+\s*=/gm;
// `[ name ]`, the name trimmed in code: a lazy `([^\]]+?)\s*\]` is quadratic on a long run of spaces.
const SECTION = /^\[([^\]]+)\]$/;

export const yealinkCfg: FormatDef = {
  id: 'yealink-cfg',
  vendor: 'yealink',
  priority: 50,
  matches: (t) => !/^\uFEFF?\s*</.test(t) && (/^#!version:/m.test(t) || (t.match(NEW_SIGNATURE)?.length ?? 0) >= 2),
  parse: (t) =>
    parseKeyValueLines(t, {
      comment: /^#/,
      what: 'Yealink',
      match: (l) => {
        const m = NEW_KEY.exec(l);
        return m ? [m[1]!, m[2]!.trim()] : null;
      },
    }),
};

export const yealinkOldCfg: FormatDef = {
  id: 'yealink-old-cfg',
  vendor: 'yealink',
  priority: 55,
  matches: (t) => /^\s*\[\s*[\w .-]+\s*\]\s*$/m.test(t) && /^\s*path\s*=\s*\/\S+\.cfg\s*$/m.test(t),
  parse: parseOldStyle,
};

function parseOldStyle(text: string): ParamMap {
  const map: ParamMap = new Map();
  let section: string | null = null;
  let file = '';
  let other = 0;
  let firstOther = 0;
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const sec = SECTION.exec(line);
    if (sec) {
      section = sec[1]!.trim() || sec[1]!.slice(-1); // as the old lazy pattern read a blank name
      file = '';
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) {
      // Vendor templates wrap long comments onto lines without '#': the phone skips them too.
      if (++other === 1) firstOther = i + 1;
      return;
    }
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (section === null) throw new ConfigParseError('setting outside a [ section ]', i + 1);
    if (key === 'path') {
      file = value.split('/').pop() ?? '';
      return;
    }
    setParam(map, `${file || '-'}/${section}/${key}`, value, i + 1);
  });
  if (map.size === 0) throw new ConfigParseError('no Yealink settings found', null);
  if (other > map.size) throw new ConfigParseError('not a Yealink file: expected "key = value"', firstOther);
  return map;
}
