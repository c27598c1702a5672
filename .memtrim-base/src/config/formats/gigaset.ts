// Gigaset IP DECT bases (N510 IP PRO, N720, C610 IP …): provisioning XML
// `<ProviderFrame><Provider>` whose settings are `<SYMB_ITEM ID="BS_IP_Data1.aucS_SIP_REGISTRAR_2"
// class="symb_item" value='"pbx"'/>` items, plus a few named elements
// (`<MAC_ADDRESS value=…/>`, older `<S_SIP_REGISTRAR class="string" value=…/>`).
// Key = the SYMB_ITEM's ID (or the element name); value = the `value` attribute
// with the quotes string items carry stripped.
// Sources: wazo-platform/wazo-provd-plugins plugins/xivo-gigaset/NXXX_IP_PRO/templates/base_n720.tpl,
// aelintra/sail db_v4_device.sql ("Gigaset SIP XML"), the Gemeinschaft 5 ConfigGigasetController.
import { ConfigParseError, setParam, type FormatDef, type ParamMap } from '../types.js';
import { unquote } from './lines.js';
import { parseXml, xmlRootIs } from './xml.js';

export const gigasetProviderXml: FormatDef = {
  id: 'gigaset-provider-xml',
  vendor: 'gigaset',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^ProviderFrame$/),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'ProviderFrame') throw new ConfigParseError(`expected <ProviderFrame>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    for (const provider of root.children.filter((c) => c.name === 'Provider')) {
      for (const el of provider.children) {
        const value = el.attrs.value?.value;
        if (value === undefined) continue;
        const key = el.name === 'SYMB_ITEM' ? el.attrs.ID?.value : el.name;
        if (key) setParam(map, key.trim(), unquote(value), el.line);
      }
    }
    if (map.size === 0) throw new ConfigParseError('no Gigaset settings found in <Provider>', root.line);
    return map;
  },
};

// Gigaset N670/N870 IP PRO ("DECT manager"): `<provisioning version="1.1" productID="e2"><nvm>`
// with `<param name="SipProvider.0.RegServerAddress" value="…"/>` (also inside `<oper>`).
// Sources: wazo-provd-plugins plugins/wazo-gigaset/Nx70-83.v2.49.1/templates/base.tpl; Gigaset
// wiki "SIP Multicast" example (https://teamwork.gigaset.com/gigawiki/plugins/viewsource/viewpagesrc.action?pageId=1049428309).
export const gigasetProXml: FormatDef = {
  id: 'gigaset-pro-xml',
  vendor: 'gigaset',
  map: 'gigasetPro',
  priority: 60,
  matches: (t) => xmlRootIs(t, /^provisioning$/) && /<nvm[\s>]/.test(t),
  parse: (text) => {
    const root = parseXml(text);
    if (root.name !== 'provisioning') throw new ConfigParseError(`expected <provisioning>, found <${root.name}>`, root.line);
    const map: ParamMap = new Map();
    const walk = (node: typeof root) => {
      for (const el of node.children) {
        const name = el.attrs.name?.value.trim();
        if (el.name === 'param' && name) setParam(map, name, el.attrs.value?.value ?? '', el.line);
        else if (el.name === 'nvm' || el.name === 'oper') walk(el);
      }
    };
    walk(root);
    if (map.size === 0) throw new ConfigParseError('no Gigaset settings found in <nvm>', root.line);
    return map;
  },
};
