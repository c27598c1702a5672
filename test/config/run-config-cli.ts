// Runs `ghostcall config ARGS…` with only the config command registered, in a
// child process (so the test sees the real stdout and exit code) and without
// loading the rest of the CLI.
import { Command } from 'commander';
import { register } from '../../src/cli/commands/config.js';

const program = new Command('ghostcall').exitOverride();
register(program);
program.parseAsync(['node', 'ghostcall', 'config', ...process.argv.slice(2)]).catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 2;
});
