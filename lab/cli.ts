// Manual use of the lab (root):
//   npm run lab -- up [--layout small|bench24|mixed23|hostile] [--loss P] [--no-mdns] [--no-peers] [--json]
//   npm run lab -- exec CMD...        run CMD in the scanner namespace of the current lab
//   npm run lab -- truth              print the current lab's truth as JSON
//   npm run lab -- loss P             change the loss of the current lab
//   npm run lab -- down [--all]       tear the current lab down (--all: every gc*- namespace)
// State of labs kept by `up` lives in .lab-state/ (gitignored).
import { Command, InvalidArgumentError } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLab, destroyAllLabs, destroyOwnedSync, labAvailable } from './index.js';
import type { LabPhone } from './index.js';
import { REPO_ROOT } from './farm/launch.js';
import { listNamespacesSync } from './netns.js';
import { setLoss } from './loss.js';

const STATE_DIR = join(REPO_ROOT, '.lab-state');
const CURRENT = join(STATE_DIR, 'current.json');

interface State {
  id: string; layout: string; subnet: string; scannerIp: string; ns: Record<string, string>; dir: string;
  phoneNs: string[]; phones: LabPhone[]; deadIps: string[]; buildMs: number;
}

function readState(): State {
  if (!existsSync(CURRENT)) fail('no lab is up (npm run lab -- up)');
  return JSON.parse(readFileSync(CURRENT, 'utf8')) as State;
}

function fail(msg: string): never {
  process.stderr.write(`lab: ${msg}\n`);
  process.exit(1);
}

function requireRoot(): void {
  const a = labAvailable();
  if (!a.ok) fail(a.reason);
}

function summary(s: State): string {
  const rows = s.phones.map((p) => {
    const ports = [...p.udp.map((x) => `udp/${x}`), ...p.tcp.map((x) => `tcp/${x}`), ...p.tls.map((x) => `tls/${x}`)].join(',') || '-';
    const web = p.webs.map((w) => `${w.tls ? 'https' : 'http'}/${w.port}`).join(',') || '-';
    return `${p.ip.padEnd(13)} ${(p.mac ?? '-').padEnd(17)} ${p.kind.padEnd(13)} ${p.persona.padEnd(20)} ${ports.padEnd(24)} ${web.padEnd(18)} ${p.mdns ? 'mdns ' : ''}${p.userAgent ?? p.server ?? ''}`;
  });
  return [
    `lab ${s.id} (${s.layout}) up in ${s.buildMs} ms: subnet ${s.subnet}, scanner ${s.scannerIp} in ${s.ns.scanner}`,
    `namespaces: ${Object.values(s.ns).join(' ')}`,
    ...rows,
    `dead (no host): ${s.deadIps.join(' ')}`,
    'run: npm run lab -- exec CMD...   tear down: npm run lab -- down',
  ].join('\n');
}

const program = new Command('lab').description('Ghostcall network lab (needs root)').enablePositionalOptions();

program.command('up')
  .option('--layout <name>', 'small | bench24 | mixed23 | hostile', 'small')
  .option('--loss <pct>', 'random packet loss on the phones\' side', (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('0..100');
    return n;
  }, 0)
  .option('--no-mdns', 'no mDNS records')
  .option('--no-peers', 'no sipp/kamailio peers')
  .option('--json', 'print the truth as JSON')
  .action(async (o: { layout: string; loss: number; mdns?: boolean; peers?: boolean; json?: boolean }) => {
    requireRoot();
    if (!['small', 'bench24', 'mixed23', 'hostile'].includes(o.layout)) fail(`unknown layout ${o.layout}`);
    if (existsSync(CURRENT)) {
      const old = readState();
      if (listNamespacesSync().includes(old.ns.scanner!)) fail(`lab ${old.id} is already up (npm run lab -- down)`);
    }
    const lab = await createLab({
      layout: o.layout as 'small', lossPct: o.loss, keep: true,
      ...(o.mdns === false ? { mdns: false } : {}), ...(o.peers === false ? { peers: false } : {}),
    });
    const phoneNs = Object.entries(lab.ns).filter(([k]) => k !== 'scanner' && k !== 'lan').map(([, v]) => v);
    const state: State = { id: lab.id, layout: lab.layout, subnet: lab.subnet, scannerIp: lab.scannerIp, ns: lab.ns, dir: lab.dir,
      phoneNs, phones: lab.phones, deadIps: lab.deadIps, buildMs: lab.buildMs };
    mkdirSync(STATE_DIR, { recursive: true });
    writeFileSync(CURRENT, JSON.stringify(state, null, 2));
    process.stdout.write((o.json ? JSON.stringify(state, null, 2) : summary(state)) + '\n');
    process.exit(0);
  });

program.command('exec').argument('<cmd...>').passThroughOptions().allowUnknownOption()
  .description('run a command in the scanner namespace of the current lab')
  .action((cmd: string[]) => {
    requireRoot();
    const s = readState();
    const r = spawnSync('ip', ['netns', 'exec', s.ns.scanner!, ...cmd], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  });

program.command('truth').description('print the current lab\'s truth as JSON').action(() => {
  process.stdout.write(JSON.stringify(readState(), null, 2) + '\n');
});

program.command('loss').argument('<pct>').description('set the loss of the current lab').action(async (pct: string) => {
  requireRoot();
  await setLoss(readState().phoneNs, Number(pct));
});

program.command('down').option('--all', 'remove every lab namespace (gc*-) on this machine')
  .action(async (o: { all?: boolean }) => {
    requireRoot();
    if (existsSync(CURRENT)) {
      const s = readState();
      destroyOwnedSync({ namespaces: Object.values(s.ns), pids: [], dir: s.dir });
      rmSync(CURRENT, { force: true });
      process.stdout.write(`lab ${s.id} down\n`);
    } else if (!o.all) {
      process.stdout.write('no lab is up\n');
    }
    if (o.all) {
      const gone = await destroyAllLabs();
      process.stdout.write(`removed ${gone.length} stale namespace(s)${gone.length ? `: ${gone.join(' ')}` : ''}\n`);
    }
  });

await program.parseAsync(process.argv);
