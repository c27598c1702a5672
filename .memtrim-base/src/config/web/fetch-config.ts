// Reading one device's configuration through its web UI, per login kind: first
// without a password (is it open?), then with the user's credentials, then —
// only when asked — with the vendor's default login. GET only, except the login
// POST of form-auth vendors. Returns the config text or P-values, and how access
// was obtained.
import { createHash } from 'node:crypto';
import type { ConfigRead } from '../../api/result.js';
import { setParam, type ParamMap } from '../types.js';
import { WebError, type WebResponse } from './http.js';
import { GRANDSTREAM_PVALUES, type ConfigDownload, type WebPlan } from './plans.js';
import type { Credential, WebSession } from './session.js';

export type Access = ConfigRead['access'];

export interface FetchOutcome {
  access: Access;
  authScheme: string | null;
  exposures: ConfigRead['exposures'];
  /** The config as text (a file format) or as already parsed P-values. */
  text?: string;
  params?: ParamMap;
  /** Where the config came from (no credentials, no session id). */
  path?: string;
  error?: string;
}

export interface Attempt {
  credential: Credential;
  access: 'credentials' | 'default-password';
}

const ok = (res: WebResponse, c: ConfigDownload) => res.status === 200 && c.expect.test(res.body);

function unexpected(res: WebResponse, path: string): string {
  return `unexpected answer from ${path}: HTTP ${res.status}, content type ${String(res.headers['content-type'] ?? 'none').slice(0, 60)}`;
}

export async function fetchConfig(s: WebSession, plan: WebPlan, attempts: Attempt[]): Promise<FetchOutcome> {
  const exposures: ConfigRead['exposures'] = [];
  for (const page of plan.infoPages) {
    const res = await s.get(page.path);
    if (res.status === 200 && page.expect.test(res.body)) exposures.push({ path: page.path, what: page.what });
  }
  const run = { http: viaHttpAuth, 'yealink-form': viaYealinkForm, 'grandstream-json': viaGrandstream, 'fanvil-nonce': viaFanvilNonce }[plan.login];
  const out = await run(s, plan, attempts);
  return { ...out, exposures: [...exposures, ...out.exposures] };
}

/** Basic/Digest (or no login at all) on the download URL itself. */
async function viaHttpAuth(s: WebSession, plan: WebPlan, attempts: Attempt[]): Promise<FetchOutcome> {
  let lastError: string | null = null;
  let locked: ConfigDownload | null = null;
  for (const c of plan.configs) {
    const res = await s.get(c.path);
    if (ok(res, c)) return { access: 'open', authScheme: null, exposures: [{ path: c.path, what: `${c.what}, without a password` }], text: res.body, path: c.path };
    if (res.status === 401) {
      locked = c;
      break;
    }
    if (res.status !== 404) lastError ??= unexpected(res, c.path);
  }
  if (!locked) return { access: 'error', authScheme: null, exposures: [], error: lastError ?? 'no configuration download found on this web UI' };
  for (const a of attempts) {
    s.useCredential(a.credential);
    const res = await s.get(locked.path);
    if (ok(res, locked)) return { access: a.access, authScheme: s.authScheme, exposures: [], text: res.body, path: locked.path };
  }
  s.useCredential(null);
  return { access: 'protected', authScheme: s.authScheme, exposures: [] };
}

/** Yealink servlet firmware: POST the login form, keep the session cookie, GET the export. */
async function viaYealinkForm(s: WebSession, plan: WebPlan, attempts: Attempt[]): Promise<FetchOutcome> {
  for (const c of plan.configs) {
    const res = await s.get(c.path);
    if (ok(res, c)) return { access: 'open', authScheme: null, exposures: [{ path: c.path, what: `${c.what}, without a password` }], text: res.body, path: c.path };
  }
  for (const a of attempts) {
    const login = await s.postForm('/servlet?p=login&q=login', { username: a.credential.username, pwd: a.credential.password, jumpto: 'status', acc: '' });
    const loggedIn = (login.status === 302 && /p=status/.test(String(login.headers.location ?? ''))) || /"authstatus"\s*:\s*"done"/.test(login.body);
    if (!loggedIn) continue;
    for (const c of plan.configs) {
      const res = await s.get(c.path);
      if (ok(res, c)) return { access: a.access, authScheme: 'form', exposures: [], text: res.body, path: c.path };
    }
    return { access: 'error', authScheme: 'form', exposures: [], error: 'logged in, but no configuration export answered' };
  }
  return { access: 'protected', authScheme: 'form', exposures: [] };
}

/** Grandstream JSON API: P-values by number (non-secret ones only), with a session id after login. */
async function viaGrandstream(s: WebSession, plan: WebPlan, attempts: Attempt[]): Promise<FetchOutcome> {
  const c = plan.configs[0]!;
  const query = `${c.path}?request=${GRANDSTREAM_PVALUES.join(':')}`;
  const open = await s.get(query);
  if (ok(open, c)) return { access: 'open', authScheme: null, exposures: [{ path: c.path, what: `${c.what}, without a password` }], params: pvalues(open.body), path: query };
  for (const a of attempts) {
    const login = await s.postForm('/cgi-bin/dologin', { username: a.credential.username, password: a.credential.password });
    const sid = jsonBody(login.body)?.response === 'success' ? String((jsonBody(login.body)?.body as { sid?: unknown } | undefined)?.sid ?? '') : '';
    if (!sid) continue;
    const res = await s.get(`${query}&sid=${encodeURIComponent(sid)}`);
    if (ok(res, c)) return { access: a.access, authScheme: 'token', exposures: [], params: pvalues(res.body), path: query };
  }
  return { access: 'protected', authScheme: 'token', exposures: [] };
}

/** Fanvil (Atcom-derived): the password never travels, only md5(user:pass:nonce). */
async function viaFanvilNonce(s: WebSession, plan: WebPlan, attempts: Attempt[]): Promise<FetchOutcome> {
  const c = plan.configs[0]!;
  const open = await s.get(c.path);
  if (ok(open, c)) return { access: 'open', authScheme: null, exposures: [{ path: c.path, what: `${c.what}, without a password` }], text: open.body, path: c.path };
  for (const a of attempts) {
    const nonce = (await s.get('/key==nonce')).body.trim();
    if (!/^[\w]{4,64}$/.test(nonce)) return { access: 'error', authScheme: 'form', exposures: [], error: 'no login nonce at /key==nonce' };
    s.setCookie('auth', nonce);
    const { username, password } = a.credential;
    await s.postForm('/', { encoded: `${username}:${createHash('md5').update(`${username}:${password}:${nonce}`).digest('hex')}`, nonce, goto: 'Logon', URL: '/' });
    const res = await s.get(c.path);
    if (ok(res, c)) return { access: a.access, authScheme: 'form', exposures: [], text: res.body, path: c.path };
  }
  return { access: 'protected', authScheme: 'form', exposures: [] };
}

function jsonBody(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function pvalues(text: string): ParamMap {
  const body = jsonBody(text)?.body;
  if (!body || typeof body !== 'object') throw new WebError('content', 'api.values.get answered without a body object');
  const map: ParamMap = new Map();
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (/^P\d+$/.test(k) && (typeof v === 'string' || typeof v === 'number')) setParam(map, k, String(v), 1);
  }
  return map;
}
