// `ghostcall echo-server`: run the echo endpoint of the external reachability test on
// a machine with a public IP (see docs/ECHO.md). Logs one JSON line per event on
// stdout (addresses, ports, status: nothing secret); stops on SIGINT/SIGTERM.
import { Option, type Command } from 'commander';
import { isIP } from 'node:net';
import { InvalidArgumentError } from 'commander';
import { startEchoServer } from '../../echo/server.js';
import { DEFAULT_ALLOWED_PORTS } from '../../echo/protocol.js';
import { DEFAULT_ECHO_LIMITS } from '../../echo/limits.js';
import { cliContext, cliT } from '../context.js';
import { parseInteger, parsePorts } from '../options.js';

interface EchoCliOptions { httpPort: number; sipPort: number; altPort: number; bind: string; altIp?: string; allowPorts?: number[]; maxRequests: number; quietLog?: boolean }

function parseIp(value: string): string {
  if (isIP(value.trim()) === 0) throw new InvalidArgumentError(String(cliT()('echo.badIp', { value })));
  return value.trim();
}

export function register(program: Command): void {
  const t = cliT();
  program.command('echo-server')
    .description(t('echo.description'))
    .addOption(new Option('--http-port <port>', t('echo.opt.httpPort')).argParser(parseInteger).default(8080))
    .addOption(new Option('--sip-port <port>', t('echo.opt.sipPort')).argParser(parseInteger).default(5060))
    .addOption(new Option('--alt-port <port>', t('echo.opt.altPort')).argParser(parseInteger).default(5062))
    .addOption(new Option('--bind <ip>', t('echo.opt.bind')).argParser(parseIp).default('0.0.0.0'))
    .addOption(new Option('--alt-ip <ip>', t('echo.opt.altIp')).argParser(parseIp))
    .addOption(new Option('--allow-ports <list>', `${t('echo.opt.allowPorts')} ${t('help.default', { value: DEFAULT_ALLOWED_PORTS.join(',') })}`).argParser(parsePorts))
    .addOption(new Option('--max-requests <n>', t('echo.opt.maxRequests')).argParser(parseInteger).default(DEFAULT_ECHO_LIMITS.requestsPerWindow))
    .addOption(new Option('--quiet-log', t('echo.opt.quietLog')))
    .addHelpText('after', `\n${t('echo.helpNotes')}`)
    .action(async (opts: EchoCliOptions, cmd: Command) => {
      const ctx = cliContext(cmd);
      const server = await startEchoServer({
        bind: opts.bind, httpPort: opts.httpPort, sipPort: opts.sipPort, altPort: opts.altPort, altIp: opts.altIp ?? null,
        allowedPorts: opts.allowPorts, limits: { requestsPerWindow: Math.max(1, opts.maxRequests) }, log: opts.quietLog ? undefined : (line) => ctx.stdout.write(`${line}\n`),
      });
      ctx.stderr.write(`${ctx.t('echo.ready', { url: server.url, sip: server.sipPort, alt: server.altPort })}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void server.close().then(resolve); };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
