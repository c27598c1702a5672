// Fanvil: XML `<VOIP_CONFIG_FILE>` with `<SIP_CONFIG_MODULE>` etc., flattened to
// dotted paths (`*_Entry` list items numbered from 1: `SIP_Line_List_Entry1`),
// and the older text form `<<VOIP CONFIG FILE>>` with `<SIP CONFIG MODULE>`
// sections and `Key   :value` lines (keys: `<module>.<Key>`, spaces collapsed).
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { splitLines } from './lines.js';
import { parseXml, xmlRootIs, type XmlNode } from './xml.js';

export const fanvilXml: FormatDef = {
  id: 'fanvil-xml',
  vendor: 'fanvil',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^VOIP_CONFIG_FILE$/),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'VOIP_CONFIG_FILE') throw new ConfigParseError(`expected <VOIP_CONFIG_FILE>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    flatten(root, '', map);
    if (map.size === 0) throw new ConfigParseError('no Fanvil settings found', root.line);
    return map;
  },
};

function flatten(node: XmlNode, prefix: string, map: ParamMap): void {
  const seen = new Map<string, number>();
  for (const child of node.children) {
    let name = child.name;
    if (name.endsWith('_Entry')) {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      name = `${name}${n}`;
    }
    const key = prefix ? `${prefix}.${name}` : name;
    if (child.children.length === 0) setParam(map, key, child.text.trim(), child.line);
    else flatten(child, key, map);
  }
}

export const fanvilText: FormatDef = {
  id: 'fanvil-text',
  vendor: 'fanvil',
  priority: 60,
  matches: (t) => /^\uFEFF?<<VOIP CONFIG FILE>>/.test(t),
  parse: (text) => {
    const map: ParamMap = new Map();
    let section = '';
    splitLines(text).forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('--') || line.startsWith('<<')) return;
      const sec = /^<([^<>]+)>$/.exec(line);
      if (sec) {
        section = sec[1]!;
        return;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) throw new ConfigParseError('not a Fanvil file: expected "Key :value"', i + 1);
      const key = line.slice(0, colon).trim().replace(/\s+/g, ' ');
      setParam(map, `${section}.${key}`, line.slice(colon + 1).trim(), i + 1);
    });
    if (map.size === 0) throw new ConfigParseError('no Fanvil settings found', null);
    return map;
  },
};
