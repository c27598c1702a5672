// A small XML tree with line numbers, built on `sax` (strict mode). Why sax and
// not fast-xml-parser: sax reports the line of every tag and attribute, which the
// provenance needs, and strict mode rejects malformed files instead of guessing.
// No DTD/entity expansion happens (sax does not resolve external or custom entities).
import sax from 'sax';
import { ConfigParseError } from '../types.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, { value: string; line: number }>;
  children: XmlNode[];
  text: string;
  line: number;
}

const MAX_DEPTH = 64;
const MAX_NODES = 200_000;

export function parseXml(text: string): XmlNode {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlNode[] = [root];
  let pendingAttrs: XmlNode['attrs'] = {};
  let nodes = 0;
  let error: ConfigParseError | null = null;

  parser.onerror = (e) => {
    error ??= new ConfigParseError(`malformed XML: ${e.message.split('\n')[0]}`, parser.line + 1);
    // sax keeps going after resume(); we stop at the first error.
    throw error;
  };
  parser.onattribute = (a) => {
    pendingAttrs[a.name] = { value: a.value, line: parser.line + 1 };
  };
  parser.onopentag = (tag) => {
    if (stack.length > MAX_DEPTH) throw new ConfigParseError('XML nested too deeply', parser.line + 1);
    if (++nodes > MAX_NODES) throw new ConfigParseError('XML has too many elements', parser.line + 1);
    const node: XmlNode = { name: tag.name, attrs: pendingAttrs, children: [], text: '', line: parser.line + 1 };
    pendingAttrs = {};
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top && top !== root) top.text += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  try {
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    if (e instanceof ConfigParseError) throw e;
    throw new ConfigParseError(`malformed XML: ${(e as Error).message.split('\n')[0]}`, parser.line + 1);
  }
  const top = root.children[0];
  if (!top) throw new ConfigParseError('no XML root element', null);
  return top;
}

/** True when the text looks like XML whose root element is one of `names`. */
export function xmlRootIs(text: string, names: RegExp): boolean {
  const m = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(stripProlog(text));
  return !!m && names.test(m[1]!);
}

function stripProlog(text: string): string {
  return text.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/, '');
}
