// The versioned scan result: the one shape that the CLI's --json, the desktop UI,
// the checks and the PDF report all read. Bump SCHEMA_VERSION on breaking change.
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const TransportSchema = z.enum(['udp', 'tcp', 'tls']);
export type Transport = z.infer<typeof TransportSchema>;

const nstr = z.string().nullable();

/** One SIP answer from one transport/port of a device. Header values are kept verbatim (rendered inert later). */
export const SipEvidenceSchema = z.object({
  transport: TransportSchema,
  port: z.number().int().min(1).max(65535),
  status: z.number().int().min(100).max(699),
  reason: z.string(),
  userAgent: nstr,
  server: nstr,
  allow: z.array(z.string()),
  supported: z.array(z.string()),
  contact: nstr,
  rttMs: z.number().nullable(),
});
export type SipEvidence = z.infer<typeof SipEvidenceSchema>;

export const MdnsRecordSchema = z.object({
  name: z.string(),
  type: z.string(), // e.g. "sip", "http"
  protocol: z.string(), // "udp" | "tcp"
  port: z.number().int(),
  host: nstr,
  txt: z.record(z.string(), z.string()),
});
export type MdnsRecord = z.infer<typeof MdnsRecordSchema>;

export const HttpBannerSchema = z.object({
  port: z.number().int(),
  tls: z.boolean(),
  status: z.number().int().nullable(),
  server: nstr,
  realm: nstr,
  authScheme: nstr, // "basic" | "digest" | ...
  title: nstr,
  selfSignedCert: z.boolean().nullable(),
  error: nstr,
});
export type HttpBanner = z.infer<typeof HttpBannerSchema>;

export const DeviceTypeSchema = z.enum([
  'desk-phone', 'dect-base', 'ata', 'pbx', 'softphone', 'gateway', 'router', 'scanner', 'conference-phone', 'unknown',
]);
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

export const FingerprintSchema = z.object({
  vendor: nstr,
  model: nstr,
  firmware: nstr,
  type: DeviceTypeSchema.nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.object({ source: z.string(), value: z.string(), matched: z.string() })),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

export const ProvenanceSchema = z.object({
  source: z.string(), // URL or file name
  parameter: nstr, // vendor parameter name (e.g. "sip.trust_ctrl", "P1345")
  defaulted: z.boolean(), // true: absent from the source, vendor's documented default applied
});

/** Vendor-neutral phone configuration. Never carries a secret. */
export const PhoneConfigSchema = z.object({
  vendor: nstr,
  model: nstr,
  mac: nstr,
  firmware: nstr,
  accounts: z.array(z.object({ registrar: nstr, user: nstr, transport: nstr })),
  localSipPorts: z.array(z.number().int()).nullable(),
  trustedServerOnly: z.boolean().nullable(),
  directIpCalls: z.boolean().nullable(),
  webProtocol: z.enum(['http', 'https', 'both']).nullable(),
  provisioningUrl: nstr,
  srtp: z.enum(['off', 'optional', 'required']).nullable(),
  nat: z.object({ stunServer: nstr, sipAlgWorkaround: z.boolean().nullable(), keepAlive: z.boolean().nullable() }).nullable(),
  provenance: z.record(z.string(), ProvenanceSchema),
});
export type PhoneConfig = z.infer<typeof PhoneConfigSchema>;

export const ConfigReadSchema = z.object({
  access: z.enum(['open', 'default-password', 'credentials', 'protected', 'unreachable', 'error']),
  webUi: z.object({ url: z.string(), authScheme: nstr, tls: z.boolean(), selfSignedCert: z.boolean().nullable() }).nullable(),
  exposures: z.array(z.object({ path: z.string(), what: z.string() })),
  config: PhoneConfigSchema.nullable(),
  error: nstr,
});
export type ConfigRead = z.infer<typeof ConfigReadSchema>;

export const DeviceSchema = z.object({
  ip: z.string(),
  mac: nstr,
  macVendor: nstr,
  /** Locally administered (randomised) MAC: the OUI says nothing. */
  macRandomized: z.boolean(),
  /** false = found by ARP/mDNS/web only: the phone ignores SIP from strangers (the good case). */
  sipAnswered: z.boolean(),
  sources: z.array(z.enum(['sip', 'arp', 'mdns', 'http'])),
  sip: z.array(SipEvidenceSchema),
  mdns: z.array(MdnsRecordSchema),
  http: z.array(HttpBannerSchema),
  fingerprint: FingerprintSchema.nullable().optional(),
  config: ConfigReadSchema.nullable().optional(),
  ghostCall: z.object({ tested: z.boolean(), rang: z.boolean().nullable(), status: z.number().int().nullable(), detail: nstr }).nullable().optional(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const SeveritySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  id: z.string(), // stable rule id, e.g. "GC-SIP-OPEN-ANY-SOURCE"
  severity: SeveritySchema,
  title: z.string(),
  /** Why it matters, in the chosen language (optional: older scans lack it). */
  description: z.string().optional(),
  rootCause: z.string(), // e.g. "firewall", "phone-setting", "provisioning-template"
  evidence: z.array(z.object({ device: nstr, probe: z.string(), item: z.string(), value: z.string() })),
  devices: z.array(z.string()),
  remediation: z.object({
    generic: z.string(),
    vendors: z.array(z.object({
      vendor: z.string(),
      steps: z.array(z.string()),
      parameters: z.array(z.object({ name: z.string(), value: z.string() })),
    })),
  }),
  references: z.array(z.string()),
  exception: z.object({ reason: z.string(), by: nstr, at: nstr }).nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SiteSchema = z.object({
  score: z.number(),
  worstSeverity: SeveritySchema.nullable(),
  verdict: z.enum(['exposed', 'not-exposed', 'not-tested']),
  verdictText: z.string(),
  deviceScores: z.record(z.string(), z.number()),
});
export type Site = z.infer<typeof SiteSchema>;

/** External reachability as seen by the echo endpoint (filled by the reach stage). */
export const ReachSchema = z.object({
  publicIp: nstr,
  testedAt: z.string(),
  probes: z.array(z.object({ transport: TransportSchema, port: z.number().int(), reachable: z.boolean(), answeredBy: nstr })),
  sipAlg: z.boolean().nullable(),
  natFiltering: z.enum(['endpoint-independent', 'address-dependent', 'address-and-port-dependent']).nullable(),
  error: nstr,
  /** The echo endpoint used (evidence; absent in results from before it was recorded). */
  endpoint: nstr.optional(),
  /** ALG test evidence: top Via sent-by and Contact as sent and as the server received them. */
  alg: z.object({ sentVia: z.string(), sentContact: z.string(), receivedVia: z.string(), receivedContact: z.string(), source: z.string() }).nullable().optional(),
  /** NAT filtering observations: the same-port answer (control), the other-port and other-IP answers (null = not tried). */
  natTests: z.object({ control: z.boolean(), altPort: z.boolean().nullable(), altIp: z.boolean().nullable(), mapped: nstr }).nullable().optional(),
});
export type Reach = z.infer<typeof ReachSchema>;

export const ScanParamsSchema = z.object({
  targets: z.array(z.string()).default([]),
  ports: z.array(z.number().int().min(1).max(65535)).default([5060, 5061, 5062, 5080, 5160]),
  transports: z.array(TransportSchema).default(['udp', 'tcp', 'tls']),
  /** Global packet rate limit (packets per second). */
  rate: z.number().int().min(1).max(100_000).default(2000),
  /** Upper bound of the adaptive per-probe wait (ms). */
  timeoutMs: z.number().int().min(50).max(60_000).default(2000),
  /** Retransmissions after the first send (RFC 3261 Timer A doubling). */
  retries: z.number().int().min(0).max(10).default(4),
  concurrency: z.number().int().min(1).max(4096).default(256),
  mdns: z.boolean().default(true),
  mdnsMs: z.number().int().min(0).max(60_000).default(3000),
  arp: z.boolean().default(true),
  http: z.boolean().default(true),
  config: z.boolean().default(true),
  /** Config readers: also try the vendor's default web login (opt-in: it is a login attempt on the device). */
  tryDefaultPasswords: z.boolean().default(false),
  /** Config readers: JSON file of web credentials [{host, vendor?, username, password}] (never passwords on argv). */
  credentialsFile: z.string().optional(),
  checks: z.boolean().default(true),
  ghostCallTest: z.boolean().default(false),
  /** Echo server URL for the external reachability test (ghostcall echo-server); none = not tested, nothing contacted. */
  reachEndpoint: z.string().min(1).max(2048).optional(),
  allowPublic: z.boolean().default(false),
  force: z.boolean().default(false),
  interface: z.string().optional(),
  lang: z.enum(['en', 'nl']).default('en'),
});
export type ScanParams = z.infer<typeof ScanParamsSchema>;
export type ScanParamsInput = z.input<typeof ScanParamsSchema>;

export const ScanStatsSchema = z.object({
  targets: z.number().int(),
  probesSent: z.number().int(),
  responses: z.number().int(),
  durationMs: z.number(),
  cancelled: z.boolean(),
});

export const ScanResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('ghostcall'), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  params: ScanParamsSchema,
  stats: ScanStatsSchema,
  devices: z.array(DeviceSchema),
  findings: z.array(FindingSchema).optional(),
  site: SiteSchema.optional(),
  reach: ReachSchema.nullable().optional(),
  /** Rule ids whose input was absent (no config read, no reach test...): "not checked", not "passed". */
  checksNotRun: z.array(z.string()).optional(),
  warnings: z.array(z.string()),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;
