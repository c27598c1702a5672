// Htek UC9xx phones: `cfg<mac>.xml` / `cfg<devicecode>.xml` provisioning XML,
// `<hl_provision version="1"><config version="1"><P47 para="Account1.Sipserver">…</P47>`.
// Key = the `para` name when the element has one (self-describing, and secret
// names like `Account1.AuthenticatePassword` are then caught by name), else the
// P-number. Sources: Htek "UC900 Series IP Phones Provisioning"
// (https://htekdesk.atlassian.net/wiki/spaces/PHONES/pages/25660908), and the
// hl_provision templates in wazo-platform/wazo-provd-plugins plugins/wazo-htek.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { parseXml, xmlRootIs } from './xml.js';

export const htekXml: FormatDef = {
  id: 'htek-xml',
  vendor: 'htek',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^hl_provision$/),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'hl_provision') throw new ConfigParseError(`expected <hl_provision>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    for (const section of root.children) {
      if (section.name === 'mac') {
        setParam(map, 'Mac', section.text.trim(), section.line);
        continue;
      }
      if (section.name !== 'config') continue;
      for (const el of section.children) {
        const para = el.attrs.para?.value.trim();
        setParam(map, para || el.name, el.text.trim(), el.line);
      }
    }
    if (map.size === 0) throw new ConfigParseError('no Htek settings found in <config>', root.line);
    return map;
  },
};
