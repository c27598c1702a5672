// Cisco. SPA/Linksys and MPP (3PCC) flat profiles: XML `<flat-profile>` whose
// elements are the web-UI labels (`SIP_Port_1_`), or the text form
// `SIP_Port_1_ "5060" ;` (an optional `!`/`?`/`*` access flag before the value).
// Enterprise `SEP<MAC>.cnf.xml`: nested XML, flattened to dotted paths with
// `line<button>`. 79xx SIP firmware / ATA 18x: `key:value` text.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseKeyValueLines, splitLines, unquote } from './lines.js';
import { parseXml, xmlRootIs, type XmlNode } from './xml.js';

export const ciscoFlatXml: FormatDef = {
  id: 'cisco-flat-profile-xml',
  vendor: 'cisco',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^flat-profile$/),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'flat-profile') throw new ConfigParseError(`expected <flat-profile>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    // The schema URL names the model (xmlns="http://www.sipura.net/xsd/SPA2102").
    if (root.attrs.xmlns) setParam(map, '@xmlns', root.attrs.xmlns.value, root.attrs.xmlns.line);
    for (const el of root.children) setParam(map, el.name, el.text.trim(), el.line);
    if (map.size === 0) throw new ConfigParseError('no Cisco settings found', root.line);
    return map;
  },
};

/**
 * The `Name [!?*] "value" ;` entries of one line, as `matchAll` with the entry pattern
 * would find them, in linear time: the entry is tried once per identifier run, at its
 * first letter (a match starting later in the run would see the same rest of the line),
 * where a plain global search retries every letter of a long word (quadratic).
 */
function flatEntries(line: string): Array<[string, string]> {
  const entry = /([A-Za-z][A-Za-z0-9_]*)\s*(?:[!?*]\s*)?"((?:[^"\\]|\\.)*)"\s*;/y; // `\s*(?:[!?*]\s*)?`: two adjacent `\s*` backtrack quadratically
  const run = /[A-Za-z0-9_]+/g;
  const out: Array<[string, string]> = [];
  for (let r = run.exec(line); r; r = run.exec(line)) {
    const letter = r[0].search(/[A-Za-z]/);
    if (letter < 0) continue;
    entry.lastIndex = r.index + letter;
    const m = entry.exec(line);
    if (!m) continue;
    out.push([m[1]!, m[2]!]);
    run.lastIndex = entry.lastIndex;
  }
  return out;
}

export const ciscoFlatText: FormatDef = {
  id: 'cisco-flat-profile-text',
  vendor: 'cisco',
  priority: 45,
  matches: (t) => (t.match(/^\s*[A-Z][A-Za-z0-9_]*\s*(?:[!?*]\s*)?"[^"\n]*"\s*;/gm)?.length ?? 0) >= 2,
  parse: (text) => {
    const map: ParamMap = new Map();
    splitLines(text).forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const entries = flatEntries(line);
      for (const [name, value] of entries) setParam(map, name, value.replace(/\\(.)/g, '$1'), i + 1);
      if (entries.length === 0) throw new ConfigParseError('not a Cisco flat profile: expected Name "value" ;', i + 1);
    });
    if (map.size === 0) throw new ConfigParseError('no Cisco settings found', null);
    return map;
  },
};

export const ciscoSepXml: FormatDef = {
  id: 'cisco-sep-cnf-xml',
  vendor: 'cisco',
  map: 'ciscoEnterprise',
  priority: 55,
  matches: (t) => xmlRootIs(t, /^device$/) && /<(sipProfile|devicePool|deviceProtocol)>/.test(t),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'device') throw new ConfigParseError(`expected <device>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    flatten(root, '', map);
    return map;
  },
};

function flatten(node: XmlNode, prefix: string, map: ParamMap): void {
  for (const child of node.children) {
    const button = child.attrs.button?.value;
    const name = button && /^\d+$/.test(button) ? `${child.name}${button}` : child.name;
    const key = prefix ? `${prefix}.${name}` : name;
    if (child.children.length === 0) setParam(map, key, child.text.trim(), child.line);
    else flatten(child, key, map);
  }
}

const KV_TEXT = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*)$/;

export const ciscoSipText: FormatDef = {
  id: 'cisco-sip-text',
  vendor: 'cisco',
  map: 'ciscoEnterprise',
  priority: 30,
  matches: (t) => /^(proxy1_address|voip_control_port|line1_name|UIPassword|TftpURL|GkOrProxy)\s*:/m.test(t),
  parse: (t) =>
    parseKeyValueLines(t, {
      comment: /^#/,
      what: 'Cisco SIP',
      match: (l) => {
        const m = KV_TEXT.exec(l);
        return m ? [m[1]!, unquote(m[2]!)] : null;
      },
    }),
};
