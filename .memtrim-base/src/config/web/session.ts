// A polite conversation with ONE device's web UI: one request at a time, a
// request budget, cookies kept, HTTP Basic/Digest answered when credentials are
// set, redirects followed only on the same origin and at most a few times.
import { basicAuthorization, digestAuthorization, digestSupported, parseChallenges, type Challenge } from '../../util/digest-auth.js';
import { WebError, webRequest, type WebResponse } from './http.js';

export interface Credential {
  username: string;
  password: string;
}

export interface SessionOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRequests: number;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 4;

export class WebSession {
  readonly origin: URL;
  private readonly opts: SessionOptions;
  private readonly cookies = new Map<string, string>();
  private credential: Credential | null = null;
  private digest: { challenge: Challenge; nc: number } | null = null;
  private basicTried = false;
  requests = 0;
  /** The auth scheme the device asked for (basic, digest), once seen. */
  authScheme: string | null = null;
  selfSignedCert: boolean | null = null;

  constructor(origin: URL, opts: SessionOptions) {
    this.origin = origin;
    this.opts = opts;
  }

  useCredential(c: Credential | null): void {
    this.credential = c;
    this.digest = null;
    this.basicTried = false;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<WebResponse> {
    return this.send('GET', path, undefined, headers);
  }

  /** Form POST: only for the login of form-auth vendors, never to change a setting. */
  postForm(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<WebResponse> {
    return this.send('POST', path, new URLSearchParams(form).toString(), { 'Content-Type': 'application/x-www-form-urlencoded', ...headers });
  }

  /** A cookie the client sets itself (Fanvil's login expects `auth=<nonce>`). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private async send(method: 'GET' | 'POST', path: string, body: string | undefined, headers: Record<string, string>): Promise<WebResponse> {
    let url = new URL(path, this.origin);
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      let res = await this.once(method, url, body, headers);
      if (res.status === 401 && this.credential && this.answerChallenge(res)) res = await this.once(method, url, body, headers);
      const location = res.headers.location;
      if (![301, 302, 303, 307, 308].includes(res.status) || !location || method === 'POST') return res;
      seen.add(url.href);
      const next = new URL(location, url);
      if (next.origin !== this.origin.origin) throw new WebError('redirect', `redirect to another host (${next.origin})`);
      if (seen.has(next.href) || hop >= MAX_REDIRECTS) throw new WebError('redirect', `redirect loop (more than ${MAX_REDIRECTS} redirects)`);
      url = next;
    }
  }

  private async once(method: 'GET' | 'POST', url: URL, body: string | undefined, headers: Record<string, string>): Promise<WebResponse> {
    if (++this.requests > this.opts.maxRequests) throw new WebError('network', `request budget of ${this.opts.maxRequests} exhausted`);
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const auth = this.authorization(method, url);
    if (auth) h.Authorization = auth;
    const res = await webRequest({ method, url, headers: h, body, timeoutMs: this.opts.timeoutMs, maxBytes: this.opts.maxBytes, signal: this.opts.signal });
    if (res.tls) this.selfSignedCert = res.selfSignedCert;
    this.keepCookies(res);
    if (res.status === 401) {
      const cs = parseChallenges(String(res.headers['www-authenticate'] ?? ''));
      const pick = cs.find(digestSupported) ?? cs.find((c) => c.scheme === 'basic') ?? cs[0];
      if (pick) this.authScheme = pick.scheme;
    }
    return res;
  }

  private authorization(method: string, url: URL): string | null {
    if (!this.credential) return null;
    if (this.digest) {
      this.digest.nc++;
      return digestAuthorization({ challenge: this.digest.challenge, method, uri: url.pathname + url.search, ...this.credential, nc: this.digest.nc });
    }
    if (this.authScheme === 'basic') return basicAuthorization(this.credential.username, this.credential.password);
    return null;
  }

  /** Prepares the answer to a 401; false when there is nothing (new) to answer with. */
  private answerChallenge(res: WebResponse): boolean {
    const cs = parseChallenges(String(res.headers['www-authenticate'] ?? ''));
    const d = cs.find(digestSupported);
    if (d && (!this.digest || d.params.stale === 'true')) {
      this.digest = { challenge: d, nc: 0 };
      return true;
    }
    if (!d && cs.some((c) => c.scheme === 'basic') && this.authScheme === 'basic' && !this.basicTried) {
      this.basicTried = true;
      return true;
    }
    return false;
  }

  private keepCookies(res: WebResponse): void {
    const set = res.headers['set-cookie'] ?? [];
    for (const c of set.slice(0, 20)) {
      const m = /^\s*([^=;\s]+)=([^;]*)/.exec(c);
      if (m && m[1]!.length < 100 && m[2]!.length < 4096) this.cookies.set(m[1]!, m[2]!);
    }
  }
}
