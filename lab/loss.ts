// Random packet loss on the phones' side: iptables `statistic` matches in a
// chain of our own, hooked into INPUT and OUTPUT of each phone namespace.
// UDP and TCP only (ARP stays intact, as on a lossy but working LAN).
// `tc netem` is not available in this environment, hence iptables.
import { execIn } from './netns.js';

const CHAIN = 'GCLOSS';

function rules(pct: number): string {
  const p = Math.max(0, Math.min(100, pct)) / 100;
  const lines = ['*filter', `:${CHAIN} - [0:0]`];
  if (p > 0) {
    for (const proto of ['udp', 'tcp']) lines.push(`-A ${CHAIN} -p ${proto} -m statistic --mode random --probability ${p.toFixed(4)} -j DROP`);
  }
  lines.push('COMMIT', '');
  return lines.join('\n');
}

/** Install the hooks once per namespace (idempotent). */
export async function initLoss(namespaces: string[]): Promise<void> {
  await Promise.all(namespaces.map(async (ns) => {
    const r = await execIn(ns, ['iptables-restore', '--noflush'], {
      input: ['*filter', `:${CHAIN} - [0:0]`, `-I INPUT -j ${CHAIN}`, `-I OUTPUT -j ${CHAIN}`, 'COMMIT', ''].join('\n'),
    });
    if (r.code !== 0) throw new Error(`lab: iptables in ${ns} failed: ${r.stderr.trim()}`);
  }));
}

/** Replace the loss rules: `:CHAIN - [0:0]` in a --noflush restore flushes just that chain. */
export async function setLoss(namespaces: string[], pct: number): Promise<void> {
  await Promise.all(namespaces.map(async (ns) => {
    const r = await execIn(ns, ['iptables-restore', '--noflush'], { input: rules(pct) });
    if (r.code !== 0) throw new Error(`lab: setting loss in ${ns} failed: ${r.stderr.trim()}`);
  }));
}
