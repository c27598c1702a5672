// SIP header access: case-insensitive names, compact forms, and RFC 3261 7.3.1 list
// headers (several values comma-joined on one line) split outside quotes and <...>.

/** RFC 3261 7.3.3 compact forms (+ later RFCs' registered ones), mapped to full lower-case names. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', k: 'supported',
  s: 'subject', c: 'content-type', e: 'content-encoding', o: 'event', u: 'allow-events',
  r: 'refer-to', b: 'referred-by', x: 'session-expires', a: 'accept-contact', j: 'reject-contact',
  d: 'request-disposition', y: 'identity', n: 'identity-info',
};

/**
 * Headers whose grammar is a comma-separated list, so that one line may carry several
 * values. Not here on purpose: WWW-Authenticate/Authorization (commas inside params),
 * Date (a comma in the value), User-Agent/Server (free text).
 */
export const LIST_HEADERS: ReadonlySet<string> = new Set([
  'via', 'allow', 'supported', 'accept', 'accept-encoding', 'accept-language', 'require', 'proxy-require',
  'unsupported', 'allow-events', 'route', 'record-route', 'contact', 'content-encoding', 'in-reply-to',
  'accept-contact', 'reject-contact', 'path', 'service-route',
]);

export function canonicalName(name: string): string {
  const lower = name.trim().toLowerCase();
  return COMPACT_FORMS[lower] ?? lower;
}

/** Split a list header value on commas that are outside "quoted strings" and <angle brackets>. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let angle = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++; // quoted-pair
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') angle = true;
    else if (ch === '>') angle = false;
    else if (ch === ',' && !angle) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((v) => v.trim()).filter((v) => v.length > 0);
}

export interface SipHeaders {
  /** First value, case-insensitive; compact forms map to full names; for list headers the first list element. */
  get(name: string): string | undefined;
  /** Every value in order; list headers are split into their elements. */
  getAll(name: string): string[];
  /** Unsplit header-line values, in order (e.g. a whole Contact line). */
  getRaw(name: string): string[];
  /** Canonical (lower-case, full) names present, in order of first appearance. */
  names(): string[];
}

/** Immutable header set built from (raw name, value) pairs in wire order. */
export class HeaderList implements SipHeaders {
  private readonly byName = new Map<string, string[]>();

  constructor(entries: ReadonlyArray<readonly [string, string]>) {
    for (const [rawName, value] of entries) {
      const name = canonicalName(rawName);
      const list = this.byName.get(name);
      if (list) list.push(value);
      else this.byName.set(name, [value]);
    }
  }

  get(name: string): string | undefined {
    return this.getAll(name)[0];
  }

  getAll(name: string): string[] {
    const key = canonicalName(name);
    const raw = this.byName.get(key) ?? [];
    return LIST_HEADERS.has(key) ? raw.flatMap(splitList) : raw.slice();
  }

  getRaw(name: string): string[] {
    return (this.byName.get(canonicalName(name)) ?? []).slice();
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
