// The CLI's commands: one file each, registered here (one line per command).
import type { Command } from 'commander';
import { register as scan } from './scan.js';
import { register as report } from './report.js';
import { register as config } from './config.js';
import { register as checks } from './checks.js';
import { register as fingerprint } from './fingerprint.js';
import { register as reach } from './reach.js';
import { register as echoServer } from './echo-server.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [
  scan,
  report,
  config,
  checks,
  fingerprint,
  reach,
  echoServer,
];
