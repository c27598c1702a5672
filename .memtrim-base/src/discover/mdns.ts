// mDNS/DNS-SD browse (bonjour-service) for SIP devices and phone web UIs. One
// instance, bound to the scan's interface when known; the PTR queries are re-sent
// every second because the browser only hears what is announced or answered while
// it listens. Ends after durationMs or on abort, with what was seen so far.
import { Bonjour } from 'bonjour-service';
import type { Browser, ServiceConfig } from 'bonjour-service';
import { EngineError } from '../api/errors.js';
import type { MdnsRecord } from '../api/result.js';

export interface MdnsOptions {
  durationMs: number;
  signal?: AbortSignal;
  /** Send and listen on the interface with this IPv4 address. */
  interfaceIp?: string;
  /** DNS-SD service types, e.g. "_sip._udp" (default DEFAULT_MDNS_TYPES). */
  types?: string[];
  /** Re-query interval (ms). */
  requeryMs?: number;
  /** Keep records of these addresses only (the scan's targets): a hostile announcer of
   *  thousands of foreign A records must not grow the result. Default: all. */
  accept?: (ip: string) => boolean;
}

/**
 * SIP (RFC 3263 names as DNS-SD types), the web UIs of phones, and IAX (Asterisk-world
 * devices; Bonjour for SIP/IAX as documented by Sunrise Telephone Systems). No phone
 * vendor documents a private DNS-SD type that we could verify, so none is guessed here.
 */
export const DEFAULT_MDNS_TYPES: readonly string[] = ['_sip._udp', '_sip._tcp', '_sips._tcp', '_http._tcp', '_https._tcp', '_iax._udp'];

/** The fields of a bonjour-service Service that we read (structural, for tests). */
export interface ServiceLike {
  name?: unknown;
  type?: unknown;
  protocol?: unknown;
  port?: unknown;
  host?: unknown;
  addresses?: unknown;
  referer?: { address?: unknown; family?: unknown } | undefined;
  txt?: unknown;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const CAP = 255; // a DNS label / TXT string is at most 255 bytes anyway
const MAX_TXT_KEYS = 64;

function str(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, CAP) : '';
}

function txtOf(txt: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (txt === null || typeof txt !== 'object') return out;
  for (const [k, v] of Object.entries(txt).slice(0, MAX_TXT_KEYS)) {
    // dns-txt decodes "key" (no '=') as true, binary values as Buffers.
    const value = v === true ? '' : Buffer.isBuffer(v) ? v.toString('latin1') : typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    out[k.slice(0, CAP)] = value.slice(0, CAP);
  }
  return out;
}

/** A browsed service as (IPv4, record) pairs: one per A record, else the packet's source. */
export function recordsFromService(service: ServiceLike): Array<[string, MdnsRecord]> {
  const port = typeof service.port === 'number' && Number.isInteger(service.port) && service.port >= 0 && service.port <= 65535 ? service.port : 0;
  const record: MdnsRecord = {
    name: str(service.name),
    type: str(service.type).replace(/^_/, ''),
    protocol: str(service.protocol).replace(/^_/, '') || 'tcp',
    port,
    host: str(service.host) || null,
    txt: txtOf(service.txt),
  };
  const addrs = Array.isArray(service.addresses) ? service.addresses.filter((a): a is string => typeof a === 'string' && IPV4.test(a)) : [];
  const referer = service.referer?.address;
  const ips = addrs.length > 0 ? addrs : typeof referer === 'string' && IPV4.test(referer) ? [referer] : [];
  return [...new Set(ips)].map((ip) => [ip, { ...record, txt: { ...record.txt } }]);
}

/** "_sip._udp" | "sip._udp" | "sip.udp" | "sip/udp" → { type, protocol }. */
export function parseServiceType(s: string): { type: string; protocol: 'udp' | 'tcp' } | null {
  const m = /^_?([A-Za-z0-9][A-Za-z0-9-]{0,62})[./]_?(udp|tcp)$/i.exec(s.trim());
  return m ? { type: (m[1] as string).toLowerCase(), protocol: (m[2] as string).toLowerCase() as 'udp' | 'tcp' } : null;
}

/** Records kept per IP: a phone announces a handful; a hostile host inventing thousands must not grow the scan. */
export const MAX_RECORDS_PER_IP = 32;

export function addRecords(out: Map<string, MdnsRecord[]>, pairs: Array<[string, MdnsRecord]>, accept: (ip: string) => boolean = () => true): void {
  for (const [ip, rec] of pairs) {
    if (!accept(ip)) continue;
    const list = out.get(ip) ?? [];
    const same = list.findIndex((r) => r.name === rec.name && r.type === rec.type && r.protocol === rec.protocol);
    if (same >= 0) list[same] = rec; // a later answer (srv/txt update) replaces the earlier one
    else if (list.length < MAX_RECORDS_PER_IP) list.push(rec);
    out.set(ip, list);
  }
}

/** Browse for durationMs; resolves with IP → records (also on abort). Rejects only if the mDNS socket fails. */
export async function browseMdns(opts: MdnsOptions): Promise<Map<string, MdnsRecord[]>> {
  const out = new Map<string, MdnsRecord[]>();
  if (opts.signal?.aborted || opts.durationMs <= 0) return out;
  const types = (opts.types ?? DEFAULT_MDNS_TYPES).map((t) => {
    const parsed = parseServiceType(t);
    if (!parsed) throw new EngineError('E_BAD_INPUT', `not a DNS-SD service type: ${t}`, { type: t });
    return parsed;
  });
  return new Promise((resolve, reject) => {
    let finished = false;
    let failure: unknown = null;
    // multicast-dns options: send via the interface, but listen on 0.0.0.0 — a socket
    // bound to a unicast address never receives the multicast answers.
    // (bonjour-service passes these to multicast-dns but types them as ServiceConfig.)
    const mdnsOpts = (opts.interfaceIp ? { interface: opts.interfaceIp, bind: '0.0.0.0' } : {}) as unknown as Partial<ServiceConfig>;
    const bonjour = new Bonjour(mdnsOpts, (err: unknown) => {
      failure = err;
      finish();
    });
    const browsers: Browser[] = types.map((t) => {
      const b = bonjour.find({ type: t.type, protocol: t.protocol });
      const onService = (s: ServiceLike): void => addRecords(out, recordsFromService(s), opts.accept);
      b.on('up', onService);
      b.on('srv-update', onService);
      b.on('txt-update', onService);
      return b;
    });
    const requery = setInterval(() => {
      for (const b of browsers) b.update();
    }, opts.requeryMs ?? 1000);
    const timer = setTimeout(finish, opts.durationMs);
    opts.signal?.addEventListener('abort', finish, { once: true });

    function finish(): void {
      if (finished) return;
      finished = true;
      clearInterval(requery);
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', finish);
      for (const b of browsers) {
        for (const s of b.services) addRecords(out, recordsFromService(s), opts.accept);
        b.stop();
      }
      let settled = false;
      const done = (): void => {
        if (settled) return;
        settled = true;
        if (failure !== null) {
          const message = failure instanceof Error ? failure.message : String(failure);
          reject(new EngineError('E_NETWORK', `mDNS browse failed: ${message}`, { reason: message }));
        } else resolve(out);
      };
      try {
        bonjour.destroy(done);
      } catch {
        /* socket already closed */
      }
      setTimeout(done, 500).unref(); // destroy's callback may never come on a failed socket
    }
  });
}
