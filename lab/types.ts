// Public types of the lab API (re-exported by lab/index.ts).
import type { ChildProcess } from 'node:child_process';
import type { ExecOptions, ExecResult } from './netns.js';
import type { LayoutName } from './layouts.js';

export type { ExecOptions, ExecResult, LayoutName };

export interface LabOptions {
  layout?: LayoutName;   // default 'small'
  lossPct?: number;      // random packet loss on the phones' side, default 0
  mdns?: boolean;        // default true for 'small'
  peers?: boolean;       // real peers (sipp uas + kamailio), default true for 'small'
  /** `lab up`: leave the lab running after this process exits (no exit hooks, detached children) */
  keep?: boolean;
}

/** Ground truth for assertions. */
export interface LabPhone {
  ip: string;
  /** MAC as the scanner should see it */
  mac: string | null;
  /** persona id, e.g. 'yealink-t46s' (peers: 'sipp-uas', 'kamailio') */
  persona: string;
  vendor: string;
  /** what it sends in User-Agent; null = no User-Agent header (no SIP at all when it has no ports) */
  userAgent: string | null;
  /** what it sends in Server (kamailio does, phones mostly don't) */
  server: string | null;
  /** ports it answers SIP OPTIONS on */
  udp: number[];
  tcp: number[];
  tls: number[];
  /** web UI (the first one when a phone serves both 80 and 443; all in `webs`) */
  web: { port: number; tls: boolean } | null;
  webs: { port: number; tls: boolean; server: string; title: string; auth: string | null }[];
  /** advertised over mDNS */
  mdns: boolean;
  kind: 'farm' | 'silent-vendor' | 'peer' | 'hostile';
  /** kind 'hostile': its id in lab/farm/hostile-devices.ts (udp/tcp/userAgent/server above = what a correct scanner reports) */
  hostile?: string;
}

export interface Lab {
  id: string;
  /** e.g. '10.77.0.0/24' ('/23' for mixed23) */
  subnet: string;
  scannerIp: string;
  /** the scanner's interface name inside ns.scanner */
  scannerIf: string;
  ns: { scanner: string; lan: string; farm: string; [k: string]: string };
  /** truth, incl. peers */
  phones: LabPhone[];
  /** addresses in the subnet with no host at all */
  deadIps: string[];
  layout: LayoutName;
  /** wall time to build, ms */
  buildMs: number;
  /** temp dir with specs, cert and logs (farm-*.log, sipp.log, kamailio.log) */
  dir: string;
  /** runs in the SCANNER namespace */
  exec(cmd: string[], opts?: ExecOptions): Promise<ExecResult>;
  spawn(cmd: string[]): ChildProcess;
  /** any lab namespace: a role key of `ns` ('farm', 'sv1', 'peer') or its full name */
  execIn(ns: string, cmd: string[], opts?: ExecOptions): Promise<ExecResult>;
  setLoss(pct: number): Promise<void>;
  /** idempotent; always removes everything it made */
  down(): Promise<void>;
}
