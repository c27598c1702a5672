// Poly/Polycom UC Software and SIP 1.x-3.x: XML whose parameters are attributes
// with dotted names (`<reg reg.1.address="…"/>`), nested in any element
// (`<polycomConfig>`, `<phone1>`, `<sip>`, a web export's `<PHONE_CONFIG>`).
// Every attribute of every element becomes a parameter.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseXml, type XmlNode } from './xml.js';

const PARAM_ATTR = /\s(reg|voIpProt|device|httpd|sec|feature|tcpIpApp|dialplan|lcl|voice|nat|call|up|apps|prov)\.[\w.-]+\s*=\s*"/g;

export const polycomXml: FormatDef = {
  id: 'polycom-xml',
  vendor: 'polycom',
  priority: 65,
  matches: (t) => /^\s*</.test(t) && (t.match(PARAM_ATTR)?.length ?? 0) >= 2, // `\s` includes the BOM
  parse: (text) => {
    const root = parseXml(text);
    const map: ParamMap = new Map();
    walk(root, map);
    if (map.size === 0) throw new ConfigParseError('no Polycom parameters (attributes) found', root.line);
    return map;
  },
};

function walk(node: XmlNode, map: ParamMap): void {
  for (const [name, a] of Object.entries(node.attrs)) {
    if (name.startsWith('xmlns') || name.includes(':')) continue;
    setParam(map, name, a.value, a.line);
  }
  for (const c of node.children) walk(c, map);
}
