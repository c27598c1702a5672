// HTTP Digest access authentication (RFC 7616, compatible with RFC 2617), on
// node:crypto. Shared by the web config readers (401) and SIP (401/407), which
// uses the same scheme. Hand-written because it is ~100 lines of spec and the
// npm digest clients either wrap a whole HTTP client or stop at MD5.
import { createHash, randomBytes } from 'node:crypto';

export interface Challenge {
  scheme: string; // lower-case: "digest", "basic", …
  params: Record<string, string>; // auth-params, keys lower-cased
}

/**
 * Parses a WWW-Authenticate / Proxy-Authenticate value (one header may carry
 * several challenges: `Basic realm="a", Digest realm="b", nonce="…"`).
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  // Either `name=value` / `name="quoted"` (an auth-param) or a bare token (a new scheme).
  const TOKEN = /\s*,?\s*(?:([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))|([A-Za-z][\w-]*))\s*/y;
  let current: Challenge | null = null;
  let i = 0;
  while (i < header.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(header);
    if (!m || m[0].length === 0) {
      i++; // stray character (e.g. a token68 such as `abc==`): skip
      continue;
    }
    i = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      if (current) current.params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    } else if (m[4] !== undefined) {
      current = { scheme: m[4].toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

const ALGORITHMS: Record<string, string> = { md5: 'md5', 'sha-256': 'sha256', 'sha-512-256': 'sha512-256' };

export function digestSupported(c: Challenge): boolean {
  const alg = (c.params.algorithm ?? 'MD5').toLowerCase().replace(/-sess$/, '');
  return c.scheme === 'digest' && alg in ALGORITHMS && !!c.params.nonce;
}

export interface DigestInput {
  challenge: Challenge;
  method: string;
  uri: string;
  username: string;
  password: string;
  /** Request count for this nonce (starts at 1). */
  nc?: number;
  cnonce?: string;
  /** Entity body, for qop=auth-int. */
  body?: string | Buffer;
}

/** The Authorization (or Proxy-Authorization) header value answering a Digest challenge. */
export function digestAuthorization(input: DigestInput): string {
  const p = input.challenge.params;
  const algName = p.algorithm ?? 'MD5';
  const alg = algName.toLowerCase();
  const sess = alg.endsWith('-sess');
  const hashName = ALGORITHMS[alg.replace(/-sess$/, '')];
  if (!hashName || !p.nonce) throw new Error(`unsupported digest challenge (algorithm ${algName})`);
  const H = (s: string | Buffer) => createHash(hashName).update(s).digest('hex');
  const realm = p.realm ?? '';
  const qops = (p.qop ?? '').split(',').map((q) => q.trim()).filter(Boolean);
  const qop = qops.includes('auth') ? 'auth' : qops.includes('auth-int') ? 'auth-int' : null;
  const cnonce = input.cnonce ?? randomBytes(16).toString('hex');
  const nc = (input.nc ?? 1).toString(16).padStart(8, '0');
  const userhash = p.userhash === 'true';
  const username = userhash ? H(`${input.username}:${realm}`) : input.username;

  let ha1 = H(`${input.username}:${realm}:${input.password}`);
  if (sess) ha1 = H(`${ha1}:${p.nonce}:${cnonce}`);
  const ha2 = qop === 'auth-int' ? H(`${input.method}:${input.uri}:${H(input.body ?? '')}`) : H(`${input.method}:${input.uri}`);
  const response = qop ? H(`${ha1}:${p.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : H(`${ha1}:${p.nonce}:${ha2}`);

  const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [`username=${q(username)}`, `realm=${q(realm)}`, `uri=${q(input.uri)}`, `algorithm=${algName}`, `nonce=${q(p.nonce)}`];
  if (qop) parts.push(`nc=${nc}`, `cnonce=${q(cnonce)}`, `qop=${qop}`);
  parts.push(`response=${q(response)}`);
  if (p.opaque !== undefined) parts.push(`opaque=${q(p.opaque)}`);
  if (userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
