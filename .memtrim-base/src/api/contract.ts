// The ONE API contract of the engine. Electron IPC (preload + main), the worker
// transport, the CLI and the tests are all derived from this table; there is no
// second hand-kept list of channels. Adding a method = one entry here + its
// implementation in src/engine.ts.
import { z } from 'zod';
import { ScanParamsSchema, ScanResultSchema, FingerprintSchema, PhoneConfigSchema, FindingSchema, ReachSchema, TransportSchema } from './result.js';
import { ProgressSchema, type Progress } from './progress.js';
import { EngineErrorSchema } from './errors.js';

export const LangSchema = z.enum(['en', 'nl']);

export const FingerprintRowSchema = z.object({
  input: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  type: FingerprintSchema.shape.type,
});

export const ConfigFileResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  vendor: z.string().nullable(),
  format: z.string().nullable(),
  config: PhoneConfigSchema.nullable(),
  findings: z.array(FindingSchema),
  error: EngineErrorSchema.nullable(),
});

export const ExceptionSchema = z.object({
  findingId: z.string(),
  device: z.string().nullable().default(null), // null = all devices
  reason: z.string().min(1),
  by: z.string().nullable().default(null),
  at: z.string().nullable().default(null),
});
export type AcceptedException = z.infer<typeof ExceptionSchema>;

export const contract = {
  version: {
    input: z.object({}),
    output: z.object({ name: z.literal('ghostcall'), version: z.string(), schemaVersion: z.number().int() }),
    progress: false,
  },
  /** Discover → fingerprint → config → checks over the LAN. */
  scan: {
    input: ScanParamsSchema,
    output: ScanResultSchema,
    progress: true,
  },
  /** Fingerprint SIP/HTTP header values (offline). */
  fingerprint: {
    input: z.object({ values: z.array(z.string()) }),
    output: z.array(FingerprintRowSchema),
    progress: false,
  },
  /** Read exported/provisioning config files (offline). Content is text (files are read by the caller). */
  readConfigFiles: {
    input: z.object({
      files: z.array(z.object({ name: z.string(), content: z.string() })),
      vendor: z.string().optional(),
      lang: LangSchema.default('en'),
    }),
    output: z.array(ConfigFileResultSchema),
    progress: false,
  },
  /** Re-evaluate the rules on a saved scan. */
  checks: {
    input: z.object({ scan: ScanResultSchema, lang: LangSchema.default('en'), exceptions: z.array(ExceptionSchema).default([]) }),
    output: ScanResultSchema,
    progress: false,
  },
  /** Render the PDF report of a scan to a file. */
  report: {
    input: z.object({
      scan: ScanResultSchema,
      outFile: z.string(),
      lang: LangSchema.default('en'),
      org: z.string().nullable().default(null),
      siteName: z.string().nullable().default(null),
      logoFile: z.string().nullable().default(null),
      /** The provider's SIP servers for the firewall rules (IP, CIDR or host name); none = placeholders. */
      providerServers: z.array(z.string()).default([]),
    }),
    output: z.object({ outFile: z.string(), pages: z.number().int(), bytes: z.number().int() }),
    progress: true,
  },
  /** External reachability through the echo endpoint. */
  reach: {
    input: z.object({
      /** The echo server's base URL (http/https), always user-given: no default service is contacted. */
      endpoint: z.string().min(1).max(2048),
      ports: z.array(z.number().int().min(1).max(65535)).min(1).max(12).default([5060]),
      transports: z.array(TransportSchema).min(1).max(3).default(['udp', 'tcp']),
      timeoutMs: z.number().int().min(200).max(60_000).default(5000),
    }),
    output: ReachSchema,
    progress: true,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** Per-call context: cancellation and progress. */
export interface CallContext {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** What a client sees: every transport (in-process, worker port, Electron IPC) gives this shape. */
export type Api = { [M in MethodName]: (input: MethodInput<M>, ctx?: CallContext) => Promise<MethodOutput<M>> };

/** What the engine implements: inputs already parsed and defaulted by the contract. */
export type Handlers = { [M in MethodName]: (input: MethodParsedInput<M>, ctx: Required<CallContext>) => Promise<MethodOutput<M>> };

export { ProgressSchema };
