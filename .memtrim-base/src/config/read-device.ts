// readDeviceConfig: find a device's web UI (HTTP/HTTPS), see whether its
// configuration is readable without a password, log in with the user's
// credentials (from a file) or — only when opted in — the vendor's default, and
// normalise what it gives away. One request at a time, bounded in time and size;
// nothing is ever written to the device. Any failure is a per-device error.
import type { CallContext } from '../api/contract.js';
import type { ConfigRead, Device } from '../api/result.js';
import { EngineError } from '../api/errors.js';
import { readConfigParams, readConfigText } from './read-text.js';
import { ConfigParseError, VENDOR_IDS, type VendorId } from './types.js';
import { credentialsFor, loadCredentials } from './web/credentials.js';
import { fetchConfig, type Attempt, type FetchOutcome } from './web/fetch-config.js';
import { WebError } from './web/http.js';
import { WEB_PLANS, WEB_VENDOR_SIGNATURES } from './web/plans.js';
import { WebSession } from './web/session.js';

export interface ReadDeviceOptions {
  /** Per-request deadline (ms). */
  timeoutMs: number;
  tryDefaultPasswords?: boolean;
  /** JSON credentials file (see web/credentials.ts); never a password on argv. */
  credentialsFile?: string;
  maxBodyBytes?: number;
  maxRequests?: number;
}

const DEFAULT_MAX_BODY = 2 * 1024 * 1024;
const DEFAULT_MAX_REQUESTS = 16;

export async function readDeviceConfig(d: Device, opts: ReadDeviceOptions, ctx: Required<CallContext>): Promise<ConfigRead | null> {
  const sessionOpts = {
    timeoutMs: Math.min(Math.max(opts.timeoutMs, 200), 15_000),
    maxBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY,
    maxRequests: opts.maxRequests ?? DEFAULT_MAX_REQUESTS,
    signal: ctx.signal,
  };
  let vendor = vendorFromDevice(d);
  let lastNetworkError = 'no web UI answered';
  for (const origin of webOrigins(d)) {
    const s = new WebSession(origin, sessionOpts);
    const webUi = () => ({ url: origin.origin, authScheme: s.authScheme, tls: origin.protocol === 'https:', selfSignedCert: s.selfSignedCert });
    try {
      if (!vendor) vendor = await vendorFromPage(s);
      const plan = vendor ? WEB_PLANS[vendor] : undefined;
      if (!plan) return null; // no reader for this device (unknown or unsupported vendor)
      const out = await fetchConfig(s, plan, attempts(d, plan.vendor, opts));
      return { ...toConfigRead(out, origin, plan.vendor), webUi: { ...webUi(), authScheme: out.authScheme ?? s.authScheme } };
    } catch (e) {
      if (e instanceof WebError && e.kind === 'network' && s.requests <= 1) {
        lastNetworkError = e.message;
        continue; // nothing listens here: try the next port/scheme
      }
      if (e instanceof WebError && e.kind === 'cancelled') throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      return { access: 'error', webUi: webUi(), exposures: [], config: null, error: errorText(e) };
    }
  }
  return { access: 'unreachable', webUi: null, exposures: [], config: null, error: lastNetworkError };
}

function toConfigRead(out: FetchOutcome, origin: URL, vendor: VendorId): Omit<ConfigRead, 'webUi'> {
  const base = { access: out.access, exposures: out.exposures, config: null, error: out.error ?? null };
  if (!out.path || (out.text === undefined && !out.params)) return base;
  const source = new URL(out.path, origin).href;
  try {
    const r = out.params
      ? readConfigParams(out.params, { id: 'grandstream-api', vendor }, { source })
      : readConfigText(out.text!, { source, vendor });
    return { ...base, config: r.config };
  } catch (e) {
    // What came back is not a config after all (a soft-404 login page): no exposure, and
    // "open" is not proven.
    const exposures = out.exposures.filter((x) => x.path !== out.path);
    return { ...base, access: out.access === 'open' ? 'error' : out.access, exposures, error: errorText(e) };
  }
}

function attempts(d: Device, vendor: VendorId, opts: ReadDeviceOptions): Attempt[] {
  const list: Attempt[] = [];
  if (opts.credentialsFile) {
    for (const credential of credentialsFor(loadCredentials(opts.credentialsFile), d.ip, vendor)) list.push({ credential, access: 'credentials' });
  }
  if (opts.tryDefaultPasswords) for (const credential of WEB_PLANS[vendor]?.defaults ?? []) list.push({ credential, access: 'default-password' });
  return list;
}

/** The web UIs the discovery saw, else the usual ports. */
function webOrigins(d: Device): URL[] {
  const host = d.ip.includes(':') ? `[${d.ip}]` : d.ip;
  // Banners that answered; none when the probe found no web UI (nothing to try).
  // No banners at all (the HTTP probe was off): the usual ports.
  const seen = d.http.filter((b) => b.status !== null).map((b) => ({ port: b.port, tls: b.tls }));
  const list = d.http.length ? seen : [{ port: 80, tls: false }, { port: 443, tls: true }];
  return list.map(({ port, tls }) => new URL(`${tls ? 'https' : 'http'}://${host}:${port}`));
}

function vendorFromDevice(d: Device): VendorId | null {
  const fp = d.fingerprint?.vendor?.toLowerCase() ?? '';
  const direct = VENDOR_IDS.find((v) => fp.includes(v) || (v === 'polycom' && fp.startsWith('poly')));
  if (direct) return direct;
  const text = d.http.map((b) => [b.server, b.title, b.realm].filter(Boolean).join(' ')).join(' ');
  return WEB_VENDOR_SIGNATURES.find((s) => s.re.test(text))?.vendor ?? null;
}

async function vendorFromPage(s: WebSession): Promise<VendorId | null> {
  const res = await s.get('/');
  const title = /<title[^>]*>([^<]{0,200})/i.exec(res.body)?.[1] ?? '';
  const text = `${String(res.headers.server ?? '')} ${String(res.headers['www-authenticate'] ?? '')} ${title}`;
  return WEB_VENDOR_SIGNATURES.find((x) => x.re.test(text))?.vendor ?? null;
}

function errorText(e: unknown): string {
  if (e instanceof WebError) return `${e.kind}: ${e.message}`;
  if (e instanceof ConfigParseError) return `parse: ${e.message}${e.line !== null ? ` (line ${e.line})` : ''}`;
  if (e instanceof EngineError) return `${e.code}: ${e.message}`;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}
