// What every command needs at run time: the language, its translators, quiet and
// colour flags, and where to write. Commands call `cliContext(cmd)` in their action;
// at registration (help texts) they call `cliT()`.
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { translator, systemLang, LANGS, type Lang, type Namespace } from '../i18n/index.js';

let currentLang: Lang = systemLang();

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/**
 * The language asked for on the command line (`--lang nl`, `--lang=nl`, anywhere
 * before `--`), read before commander parses so that help texts are translated too.
 */
export function langFromArgv(args: readonly string[]): Lang | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const v = a === '--lang' ? args[i + 1] : a?.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLang(v)) return v;
  }
  return undefined;
}

export function setCliLang(lang: Lang): void {
  currentLang = lang;
}

export function cliLang(): Lang {
  return currentLang;
}

/** A translator in the CLI's language (namespace `cli` unless given; `ns:key` also works). */
export function cliT(ns: Namespace = 'cli'): TFunction {
  return translator(currentLang, ns);
}

export interface CliContext {
  lang: Lang;
  quiet: boolean;
  /** Colour on stdout: a terminal, no `--no-color`, no NO_COLOR. */
  color: boolean;
  /** Translators: `cli`, `common`, `errors` namespaces. */
  t: TFunction;
  tc: TFunction;
  te: TFunction;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function cliContext(cmd: Command): CliContext {
  const o = cmd.optsWithGlobals<{ lang?: string; quiet?: boolean; color?: boolean }>();
  const lang = isLang(o.lang) ? o.lang : currentLang;
  return {
    lang,
    quiet: o.quiet === true,
    color: o.color !== false && !process.env.NO_COLOR && process.stdout.isTTY === true,
    t: translator(lang, 'cli'),
    tc: translator(lang, 'common'),
    te: translator(lang, 'errors'),
    stdout: process.stdout,
    stderr: process.stderr,
  };
}
