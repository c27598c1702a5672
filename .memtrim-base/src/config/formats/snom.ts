// Snom desk phones: XML `<settings><phone-settings><name idx="N" perm="R">value</name>`
// (or a bare `<phone-settings>` root) and the older text form `name!: value`
// (`!` read-only, `$` read-write, `&` ...). An `idx` is appended to the name as in
// the text form (`user_host` idx 1 → `user_host1`). Snom M3 DECT uses `%KEY%:value`.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseKeyValueLines, unquote } from './lines.js';
import { parseXml, xmlRootIs, type XmlNode } from './xml.js';

export const snomXml: FormatDef = {
  id: 'snom-xml',
  vendor: 'snom',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^(settings|phone-settings)$/) && /<phone-settings[\s>]/.test(t),
  parse: parseSnomXml,
};

function parseSnomXml(text: string): ParamMap {
  const root = parseXml(text);
  const sections: XmlNode[] = root.name === 'phone-settings' ? [root] : root.children.filter((c) => c.name === 'phone-settings');
  if (sections.length === 0) throw new ConfigParseError(`expected <phone-settings>, found <${root.name}>`, root.line);
  const map: ParamMap = new Map();
  for (const section of sections) {
    for (const el of section.children) {
      const idx = el.attrs.idx?.value ?? '';
      setParam(map, `${el.name}${/^\d+$/.test(idx) ? idx : ''}`, el.text.trim(), el.line);
    }
  }
  if (map.size === 0) throw new ConfigParseError('no Snom settings found', root.line);
  return map;
}

const TEXT_LINE = /^([A-Za-z][A-Za-z0-9_]*)\s*[$!&]\s*:\s?(.*)$/;

export const snomText: FormatDef = {
  id: 'snom-text',
  vendor: 'snom',
  priority: 45,
  matches: (t) => (t.match(/^[A-Za-z][A-Za-z0-9_]*\s*[$!&]\s*:/gm)?.length ?? 0) >= 2,
  parse: (t) =>
    parseKeyValueLines(t, {
      comment: /^(#|\/\/)/,
      what: 'Snom',
      match: (l) => {
        const m = TEXT_LINE.exec(l);
        return m ? [m[1]!, m[2]!.trim()] : null;
      },
    }),
};

const M3_LINE = /^(%[A-Z0-9_]+%)\s*:\s*(.*)$/;

export const snomM3: FormatDef = {
  id: 'snom-m3',
  vendor: 'snom',
  priority: 45,
  matches: (t) => (t.match(/^%[A-Z0-9_]+%:/gm)?.length ?? 0) >= 3,
  parse: (t) =>
    parseKeyValueLines(t, {
      comment: /^(#|\/\/)/,
      what: 'Snom M3',
      match: (l) => {
        const m = M3_LINE.exec(l);
        return m ? [m[1]!, unquote(m[2]!)] : null;
      },
    }),
};
