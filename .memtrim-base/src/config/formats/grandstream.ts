// Grandstream: P-value text (`P34 = value`, what the phone's "Upload Device
// Configuration" and gs_tools take) and the XML provisioning file
// `<gs_provision version="1"><config version="1"><P34>…</P34>` (v1) or
// `<config version="2"><item name="account.1.sip.subscriber">…</item>` (v2).
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseKeyValueLines } from './lines.js';
import { parseXml, xmlRootIs, type XmlNode } from './xml.js';

const PVALUE = /^(P\d+)\s*=\s*(.*)$/;

export const grandstreamPvalues: FormatDef = {
  id: 'grandstream-pvalues',
  vendor: 'grandstream',
  priority: 40,
  matches: (t) => (t.match(/^\s*P\d+\s*=/gm)?.length ?? 0) >= 3,
  parse: (t) =>
    parseKeyValueLines(t, {
      comment: /^#/,
      what: 'Grandstream P-value',
      match: (l) => {
        const m = PVALUE.exec(l);
        return m ? [m[1]!, m[2]!.trim()] : null;
      },
    }),
};

export const grandstreamXml: FormatDef = {
  id: 'grandstream-xml',
  vendor: 'grandstream',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^gs_provision$/),
  parse: parseGsXml,
};

function parseGsXml(text: string): ParamMap {
  const root = parseXml(text);
  if (root.name !== 'gs_provision') throw new ConfigParseError(`expected <gs_provision>, found <${root.name}>`, root.line);
  const map: ParamMap = new Map();
  for (const child of root.children) {
    if (child.name === 'config') readConfig(child, map);
    else if (child.children.length === 0) setParam(map, child.name, child.text.trim(), child.line); // e.g. <mac>
  }
  if (map.size === 0) throw new ConfigParseError('no Grandstream settings found', root.line);
  return map;
}

function readConfig(config: XmlNode, map: ParamMap): void {
  for (const el of config.children) {
    if (/^P\d+$/.test(el.name)) setParam(map, el.name, el.text.trim(), el.line);
    else if (el.name === 'item' && el.attrs.name) setParam(map, el.attrs.name.value, el.text.trim(), el.line);
  }
}
