// Redacted vendor parameters → the vendor-neutral PhoneConfig, each field with
// its provenance (source, parameter, defaulted). A field the source does not set
// takes the vendor's documented default (defaulted: true); without a documented
// default it stays null.
import type { PhoneConfig } from '../api/result.js';
import type { ParamMap } from './types.js';
import type { FieldRule, Get, Picked, VendorMap } from './vendors/rules.js';
import { port } from './vendors/transforms.js';
import { sanitizeProvisioningUrl, scrubKnownSecrets } from './redact.js';

type Provenance = PhoneConfig['provenance'][string];

interface Ctx {
  get: Get;
  source: string;
  provenance: Record<string, Provenance>;
  secrets: Set<string>;
}

export function normalise(params: ParamMap, map: VendorMap, source: string, secrets: Set<string>, fileName?: string): PhoneConfig {
  const get: Get = (p) => {
    const e = params.get(p);
    return e && e.value.trim() !== '' ? e : undefined;
  };
  const ctx: Ctx = { get, source, provenance: {}, secrets };
  const str = (field: string, rule?: FieldRule<string>) => field_(ctx, field, rule);

  const accounts = map.accounts
    .map((a, i) => {
      const registrar = pickParams(ctx, a.registrar, inertText);
      const user = pickParams(ctx, a.user, inertText);
      if (!registrar && !user) return null;
      return { i, registrar, user, transport: a.transport ? pick(ctx, a.transport) : null };
    })
    .filter((a) => a !== null)
    .map((a, n) => {
      for (const k of ['registrar', 'user', 'transport'] as const) {
        const p = a[k];
        if (p) ctx.provenance[`accounts[${n}].${k}`] = prov(ctx, p);
      }
      return { registrar: a.registrar?.value ?? null, user: a.user?.value ?? null, transport: a.transport?.value ?? null };
    });

  const config: PhoneConfig = {
    vendor: map.name,
    model: str('model', map.model),
    mac: str('mac', map.mac) ?? macFromFileName(ctx, fileName),
    firmware: str('firmware', map.firmware),
    accounts,
    localSipPorts: localSipPorts(ctx, map),
    trustedServerOnly: field_(ctx, 'trustedServerOnly', map.trustedServerOnly),
    directIpCalls: field_(ctx, 'directIpCalls', map.directIpCalls),
    webProtocol: field_(ctx, 'webProtocol', map.webProtocol),
    provisioningUrl: field_(ctx, 'provisioningUrl', map.provisioningUrl),
    srtp: field_(ctx, 'srtp', map.srtp),
    nat: map.nat
      ? {
          stunServer: field_(ctx, 'nat.stunServer', map.nat.stunServer),
          sipAlgWorkaround: field_(ctx, 'nat.sipAlgWorkaround', map.nat.sipAlgWorkaround),
          keepAlive: field_(ctx, 'nat.keepAlive', map.nat.keepAlive),
        }
      : null,
    provenance: ctx.provenance,
  };
  if (config.provisioningUrl) config.provisioningUrl = sanitizeProvisioningUrl(config.provisioningUrl, secrets);
  if (config.nat && Object.values(config.nat).every((v) => v === null)) config.nat = null;
  return scrubConfig(config, secrets);
}

function prov(ctx: Ctx, p: { parameter: string }, defaulted = false, source = ctx.source): Provenance {
  return { source, parameter: p.parameter, defaulted };
}

/** One field: the rule's value, else its default, else null; provenance recorded. */
function field_<T>(ctx: Ctx, name: string, rule: FieldRule<T> | undefined): T | null {
  if (!rule) return null;
  const p = pick(ctx, rule);
  if (p) {
    ctx.provenance[name] = prov(ctx, p);
    return typeof p.value === 'string' ? (inertText(p.value) as T | null) : p.value;
  }
  if (rule.default) {
    ctx.provenance[name] = { source: rule.default.source, parameter: rule.params?.[0] ?? null, defaulted: true };
    return rule.default.value;
  }
  return null;
}

function pick<T>(ctx: Ctx, rule: FieldRule<T>): Picked<T | null> | null {
  if (rule.derive) return rule.derive(ctx.get);
  for (const parameter of rule.params ?? []) {
    const e = ctx.get(parameter);
    if (!e) continue;
    if (rule.off?.includes(e.value.trim().toLowerCase())) return { value: null, parameter };
    const value = rule.map ? rule.map(e.value) : (e.value as unknown as T);
    if (value !== null) return { value, parameter };
  }
  return null;
}

function pickParams(ctx: Ctx, params: readonly string[], map: (v: string) => string | null): Picked<string> | null {
  for (const parameter of params) {
    const e = ctx.get(parameter);
    const value = e ? map(e.value) : null;
    if (value !== null) return { value, parameter };
  }
  return null;
}

function localSipPorts(ctx: Ctx, map: VendorMap): number[] | null {
  const rule = map.localSipPorts;
  if (!rule) return null;
  const ports: number[] = [];
  const used: string[] = [];
  for (const p of rule.params) {
    const e = ctx.get(p);
    const n = e ? port(e.value) : null;
    if (n !== null) {
      used.push(p);
      if (!ports.includes(n)) ports.push(n);
    }
  }
  if (ports.length) {
    ctx.provenance.localSipPorts = { source: ctx.source, parameter: used.join(', '), defaulted: false };
    return ports;
  }
  if (rule.default) {
    ctx.provenance.localSipPorts = { source: rule.default.source, parameter: rule.params[0] ?? null, defaulted: true };
    return rule.default.value;
  }
  return null;
}

/** Provisioning files are often named after the MAC: cfg000b828c8f97.xml, SEP0004F2AABBCC.cnf.xml, 001565b5c863.cfg. */
function macFromFileName(ctx: Ctx, fileName?: string): string | null {
  const base = fileName?.split(/[\\/]/).pop() ?? '';
  const m = /^(?:cfg|SEP|spa)?([0-9a-f]{12})(?:\.|$)/i.exec(base);
  const hex = m?.[1]?.toLowerCase();
  if (!hex || /^0{6}/.test(hex) || /^(.)\1{11}$/.test(hex)) return null; // y000000000028.cfg is a model file
  ctx.provenance.mac = { source: base, parameter: null, defaulted: false };
  return hex.match(/../g)!.join(':');
}

/** Device strings are hostile: no control characters in what we keep. */
function inertText(v: string): string | null {
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return t ? t.slice(0, 512) : null;
}

function scrubConfig(config: PhoneConfig, secrets: Set<string>): PhoneConfig {
  if (secrets.size === 0) return config;
  return JSON.parse(JSON.stringify(config), (_k, v: unknown) => (typeof v === 'string' ? scrubKnownSecrets(v, secrets) : v)) as PhoneConfig;
}
