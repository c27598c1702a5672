// Secrets are dropped AT READ TIME: the parsed map goes through `redactParams`
// before anything else sees it, so no password, key or URL credential can reach
// a PhoneConfig, a log, a report or the UI. The secret values seen are kept only
// in memory, so that a last pass can scrub any copy of them from the output.
import type { ParamMap, VendorId } from './types.js';

/** Parameter names that hold secrets, for every vendor (case-insensitive). */
const GENERIC_SECRET_NAMES: readonly RegExp[] = [
  /pass(word|wd)?/i, // password, passwd, http_pass, Admin_Passwd, PWD-less spellings below
  /pwd|pswd/i, // pwd, login_pswd, Register_Pswd
  /secret/i,
  /token/i,
  /aes_?key|encrypt_?key|private_?key|crypt_?key/i, // aes_key_16, EncryptKey, SRTP_Private_Key_1_
  /(^|[\s_.])key$/i, // Fanvil "SIP1 Media Key", "Signal Key"
  /credential/i,
];

/** Vendor-specific secret parameters that the generic names do not catch. */
const VENDOR_SECRET_NAMES: Partial<Record<VendorId, readonly RegExp[]>> = {
  // P2 admin password, P196 end-user password, P34/P406/P506/P606 account 1-4 auth
  // passwords, P1361 config-server HTTP(S) password (VENDOR-SETTINGS.md, Grandstream f/h).
  grandstream: [/^P(2|34|196|406|506|606|1361)$/],
  // Gigaset: the base's system PIN `BS_CUSTOM.aucKdsPin[0]` (wazo N720 template:
  // "Admin Password … PIN"); SIP passwords are caught by name.
  gigaset: [/KdsPin/i],
  // Panasonic: any *_KEY<n> parameter (configuration-file encryption keys); dropping a
  // non-secret one costs nothing. Passwords (SIP_PASS_n, ADMIN_PASS) are caught by name.
  panasonic: [/_KEY\d*$/],
  // Htek files written without `para` names: P2 AdminPassword, P196 UserPassword,
  // P34/P734 Account1/2.AuthenticatePassword (wazo-htek templates); P1361 as on Grandstream.
  htek: [/^P(2|34|196|734|1361)$/],
};

export function isSecretParam(name: string, vendor: VendorId): boolean {
  return GENERIC_SECRET_NAMES.some((r) => r.test(name)) || (VENDOR_SECRET_NAMES[vendor] ?? []).some((r) => r.test(name));
}

export interface Redacted {
  params: ParamMap;
  /** Secret values seen (for the last-pass scrub); never serialised. */
  secrets: Set<string>;
}

/** Drops secret parameters and strips credentials embedded in any value. */
export function redactParams(raw: ParamMap, vendor: VendorId): Redacted {
  const secrets = new Set<string>();
  const params: ParamMap = new Map();
  for (const [key, entry] of raw) {
    if (isSecretParam(key, vendor)) {
      if (entry.value.trim()) secrets.add(entry.value.trim());
      continue;
    }
    params.set(key, { value: stripEmbeddedCredentials(entry.value, secrets), line: entry.line });
  }
  return { params, secrets };
}

/**
 * Removes `user:pass@` from URLs, Cisco's `--key <aes-key>` profile-rule option,
 * and values of query parameters that name a credential.
 */
export function stripEmbeddedCredentials(value: string, secrets: Set<string>): string {
  let v = value.replace(/--key\s+("[^"]*"|[^\s\]]+)/gi, (_m, k: string) => {
    secrets.add(k.replace(/^"|"$/g, ''));
    return '--key ***';
  });
  // Anchored on "://" and on the separator, never on a run of letters: a hostile 1 MB
  // value must cost linear time (a pattern such as /[a-z][a-z0-9+.-]*:\/\// tries every
  // start position of a long word, which is quadratic).
  v = v.replace(/:\/\/([^/@\s?#]*)@/g, (_m, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon >= 0 && userinfo.slice(colon + 1)) secrets.add(decodeSafe(userinfo.slice(colon + 1)));
    return '://';
  });
  return maskCredentialParams(v, secrets);
}

/** Query parameter names whose value is a credential. */
const CREDENTIAL_QUERY_NAME = /pass|pwd|token|key|secret|auth|sig|credential/i;

/** `?pass=…`, `&token=…`, `;auth=…` values become `***` (remembered as secrets); other parameters stay. */
function maskCredentialParams(v: string, secrets: Set<string>): string {
  const name = /[?&;]([\w.-]*)=/g;
  const value = /[^&#;\s]*/y;
  let out = '';
  let from = 0;
  for (let m = name.exec(v); m; m = name.exec(v)) {
    if (!CREDENTIAL_QUERY_NAME.test(m[1]!)) continue; // its value may hold the next separator: search on from "="
    value.lastIndex = name.lastIndex;
    const val = value.exec(v)![0];
    if (val) secrets.add(decodeSafe(val));
    out += `${v.slice(from, name.lastIndex)}***`;
    from = name.lastIndex + val.length;
    name.lastIndex = from;
  }
  return out + v.slice(from);
}

/**
 * A provisioning URL as shown: scheme, host, port and path, without userinfo;
 * path segments and query values that look like access tokens are masked
 * (tenant tokens in the path are as good as a password).
 */
export function sanitizeProvisioningUrl(value: string, secrets: Set<string>): string {
  const v = stripEmbeddedCredentials(value.trim(), secrets);
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(v);
  if (!m) return v;
  const [, scheme = '', host = '', path = '', query = ''] = m;
  const maskedPath = path
    .split('/')
    .map((seg) => (looksLikeToken(seg) ? '***' : seg))
    .join('/');
  return `${scheme}${host}${maskedPath}${query}`;
}

function looksLikeToken(seg: string): boolean {
  if (!seg || seg.includes('.') || seg.includes('$') || seg.startsWith('{')) return false; // file names, Cisco $MA macros, templates
  const letters = /[A-Za-z]/.test(seg);
  const digits = /\d/.test(seg);
  return (seg.length >= 8 && letters && digits) || (seg.length >= 16 && /^[\w-]+$/.test(seg));
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Last pass over any output value: replaces every known secret (≥ 4 chars) still present. */
export function scrubKnownSecrets(text: string, secrets: Set<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join('***');
  return out;
}
