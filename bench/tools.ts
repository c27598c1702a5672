// The contenders of the discovery benchmark, each run in the lab's scanner namespace
// under /usr/bin/time (peak RSS), each output parsed into the set of IPs it found.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Lab } from '../lab/index.js';

export interface ToolRun {
  tool: string;
  wallMs: number;
  rssKb: number | null;
  found: Set<string>;
  exitCode: number | null;
  note?: string;
}

const ROOT = resolve(import.meta.dirname, '..');
export const GHOSTCALL = join(ROOT, 'bin', 'ghostcall.js');

async function timed(lab: Lab, tool: string, cmd: string[], timeoutMs: number): Promise<{ wallMs: number; rssKb: number | null; stdout: string; stderr: string; code: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-bench-'));
  const rssFile = join(dir, 'rss');
  try {
    const t0 = performance.now();
    const r = await lab.exec(['/usr/bin/time', '-f', '%M', '-o', rssFile, ...cmd], { timeoutMs });
    const wallMs = performance.now() - t0;
    let rssKb: number | null = null;
    try {
      rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || null;
    } catch { /* killed before time wrote it */ }
    return { wallMs, rssKb, stdout: r.stdout, stderr: r.stderr, code: r.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    void tool;
  }
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/g;

export async function runGhostcall(lab: Lab, subnet: string, ports: number[], transports: string[]): Promise<ToolRun> {
  const cmd = ['node', GHOSTCALL, 'scan', subnet, '--ports', ports.join(','), '--transports', transports.join(','),
    '--no-mdns', '--no-config', '--no-checks', '--json', '-'];
  const r = await timed(lab, 'ghostcall', cmd, 120_000);
  const found = new Set<string>();
  try {
    const json = JSON.parse(r.stdout) as { devices: { ip: string; sipAnswered: boolean }[] };
    for (const d of json.devices) if (d.sipAnswered) found.add(d.ip);
  } catch {
    return { tool: 'ghostcall', wallMs: r.wallMs, rssKb: r.rssKb, found, exitCode: r.code, note: `unparseable output: ${r.stderr.slice(0, 200)}` };
  }
  return { tool: 'ghostcall', wallMs: r.wallMs, rssKb: r.rssKb, found, exitCode: r.code };
}

/** svmap prints a table of "| ip:port | User-Agent | fingerprint |" rows. */
export async function runSvmap(lab: Lab, subnet: string, ports: number[]): Promise<ToolRun> {
  const r = await timed(lab, 'svmap', ['svmap', `-p${ports.join(',')}`, subnet], 300_000);
  const found = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^\|\s*(\d{1,3}(?:\.\d{1,3}){3}):\d+\s*\|/.exec(line);
    if (m) found.add(m[1] as string);
  }
  return { tool: 'svmap', wallMs: r.wallMs, rssKb: r.rssKb, found, exitCode: r.code };
}

/** nmap: a host counts when the sip-methods script got a SIP answer from it. */
export async function runNmap(lab: Lab, subnet: string, ports: number[]): Promise<ToolRun> {
  const r = await timed(lab, 'nmap', ['nmap', '-n', '-sU', '-p', ports.join(','), '--script', 'sip-methods', subnet], 600_000);
  const found = new Set<string>();
  for (const block of r.stdout.split('Nmap scan report for ').slice(1)) {
    const ip = block.match(IPV4)?.[0];
    if (ip && /sip-methods:/.test(block)) found.add(ip);
  }
  return { tool: 'nmap', wallMs: r.wallMs, rssKb: r.rssKb, found, exitCode: r.code };
}
