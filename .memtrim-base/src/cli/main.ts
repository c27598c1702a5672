// The `ghostcall` command line: global options, the commands listed in
// commands/index.ts, and one place that turns any error into one translated line
// and an exit code (exit-codes.ts).
import { Command, CommanderError, Option } from 'commander';
import { oneOf } from './options.js';
import { VERSION } from '../version.js';
import { LANGS, systemLang } from '../i18n/index.js';
import { commands } from './commands/index.js';
import { cliT, langFromArgv, setCliLang, cliLang } from './context.js';
import { EXIT, exitCodeFor, type ExitName } from './exit-codes.js';
import { printError } from './output.js';
import { inert } from '../util/inert.js';

/** Help section titles commander prints, translated. */
const TITLE_KEYS: Record<string, string> = {
  'Usage:': 'help.usage', 'Options:': 'help.options', 'Arguments:': 'help.arguments', 'Commands:': 'help.commands', 'Global Options:': 'help.globalOptions',
};

function exitCodesHelp(): string {
  const t = cliT();
  const rows = (Object.keys(EXIT) as ExitName[]).map((name) => `  ${String(EXIT[name]).padStart(3)}  ${t(`exitCodes.${name}`)}`);
  return `\n${t('exitCodes.title')}\n${rows.join('\n')}\n`;
}

export function buildProgram(): Command {
  const t = cliT();
  const program = new Command('ghostcall');
  program
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('program.version'))
    .addOption(new Option('--lang <lang>', t('program.lang')).argParser(oneOf(LANGS)))
    .option('-q, --quiet', t('program.quiet'))
    .option('--no-color', t('program.noColor'))
    .helpOption('-h, --help', t('program.help'))
    .helpCommand('help [command]', t('program.helpCommand'))
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (s: string) => (TITLE_KEYS[s] ? t(TITLE_KEYS[s]) : s),
    })
    .configureOutput({
      outputError: (s, write) => write(`${inert(s.replace(/\n+$/, ''), 500)}\n${t('usage.hint')}\n`),
    })
    .exitOverride()
    .addHelpText('after', exitCodesHelp());
  for (const register of commands) register(program);
  return program;
}

/**
 * Run the CLI. Sets process.exitCode; with `exitWhenDone` (the default when argv is
 * process.argv), also makes sure the process ends once output is flushed, even if a
 * stage left a socket or timer behind: a script must never hang on ghostcall.
 */
export async function main(argv: string[], opts: { exitWhenDone?: boolean } = {}): Promise<void> {
  setCliLang(langFromArgv(argv.slice(2)) ?? systemLang());
  try {
    const program = buildProgram();
    await program.parseAsync(argv);
    if (process.exitCode === undefined) process.exitCode = EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and --version end with exit code 0; any other commander error is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      const data = printError(err, cliLang());
      process.exitCode = exitCodeFor(data.code);
    }
  }
  if (opts.exitWhenDone ?? argv === process.argv) {
    const code = Number(process.exitCode ?? 0);
    process.stdout.write('', () => process.stderr.write('', () => setTimeout(() => process.exit(code), 50).unref()));
  }
}
