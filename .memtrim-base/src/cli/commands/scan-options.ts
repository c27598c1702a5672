// `ghostcall scan` options, as data. A row maps one option onto one ScanParams
// field; the schema (src/api/result.ts) owns ranges and defaults, which --help
// shows. To add a scan parameter (e.g. --ghost-call-test → ghostCallTest,
// --credentials FILE, --try-default-passwords): add the field to ScanParamsSchema,
// one row here, and its help text (any namespace: `checks:scanOpt.x` works).
// Steps that use the finished result (e.g. --report FILE.pdf) go in AFTER_SCAN.
import { resolve } from 'node:path';
import type { Command, Option } from 'commander';
import type { Api } from '../../api/contract.js';
import type { ScanParamsInput, ScanResult } from '../../api/result.js';
import type { CliContext } from '../context.js';
import { parseInteger, parsePorts, parseTransports } from '../options.js';
import { REPORT_AFTER_SCAN } from './report.js';

export interface ScanOptionRow {
  /** commander flags, e.g. '--rate <pps>' or '--no-mdns'. */
  flags: string;
  /** The ScanParams field it sets. */
  param: keyof ScanParamsInput;
  /** i18n key of the help text ('cli' namespace unless prefixed, e.g. 'checks:scanOpt.ghostCallTest'). */
  help: string;
  parse?: (value: string) => unknown;
}

export const SCAN_OPTIONS: ScanOptionRow[] = [
  { flags: '-p, --ports <list>', param: 'ports', help: 'scan.opt.ports', parse: parsePorts },
  { flags: '-t, --transports <list>', param: 'transports', help: 'scan.opt.transports', parse: parseTransports },
  { flags: '--rate <pps>', param: 'rate', help: 'scan.opt.rate', parse: parseInteger },
  { flags: '--timeout <ms>', param: 'timeoutMs', help: 'scan.opt.timeoutMs', parse: parseInteger },
  { flags: '--retries <n>', param: 'retries', help: 'scan.opt.retries', parse: parseInteger },
  { flags: '--concurrency <n>', param: 'concurrency', help: 'scan.opt.concurrency', parse: parseInteger },
  { flags: '--no-mdns', param: 'mdns', help: 'scan.opt.mdns' },
  { flags: '--mdns-ms <ms>', param: 'mdnsMs', help: 'scan.opt.mdnsMs', parse: parseInteger },
  { flags: '--no-arp', param: 'arp', help: 'scan.opt.arp' },
  { flags: '--no-http', param: 'http', help: 'scan.opt.http' },
  { flags: '--no-config', param: 'config', help: 'scan.opt.config' },
  { flags: '--no-checks', param: 'checks', help: 'scan.opt.checks' },
  { flags: '--interface <name>', param: 'interface', help: 'scan.opt.interface' },
  { flags: '--allow-public', param: 'allowPublic', help: 'scan.opt.allowPublic' },
  { flags: '--force', param: 'force', help: 'scan.opt.force' },
  { flags: '--ghost-call-test', param: 'ghostCallTest', help: 'checks:scanOpt.ghostCallTest' },
  { flags: '--try-default-passwords', param: 'tryDefaultPasswords', help: 'scan.opt.tryDefaultPasswords' },
  // Credentials come from a file, never from argv (shell history, process lists).
  { flags: '--credentials <file>', param: 'credentialsFile', help: 'scan.opt.credentialsFile', parse: (v) => resolve(v) },
  // The external reachability test: an echo server the user names (none by default).
  { flags: '--reach <url>', param: 'reachEndpoint', help: 'reach.opt.scanReach' },
];

/** A step run after a successful (or cancelled) scan with the result, e.g. writing a PDF report. */
export interface AfterScanStep {
  /** Extra options this step adds to `ghostcall scan`. */
  options: () => Option[];
  /** Runs when its options ask for it; `opts` are the command's parsed options. */
  run: (result: ScanResult, opts: Record<string, unknown>, ctx: CliContext & { engine: Api; cmd: Command }) => Promise<void>;
}

export const AFTER_SCAN: AfterScanStep[] = [
  REPORT_AFTER_SCAN, // --report FILE.pdf [--org] [--site] [--logo] (issue 6)
];
