// Concrete firewall rules from the scan and the provider's servers (pure): allow
// SIP/RTP only between the phones and the provider, drop all other SIP and the
// phones' web interfaces from the internet. Without servers, placeholders.
import { isIP } from 'node:net';
import type { ScanResult } from '../api/result.js';
import { DEFAULT_RTP_RANGE } from './knowledge.js';

export type RuleWhy = 'sipIn' | 'rtpIn' | 'sipOut' | 'rtpOut' | 'denySipIn' | 'denyWeb' | 'denySipOut';

export interface FirewallRule {
  direction: 'in' | 'out';
  protocol: 'udp' | 'tcp' | 'udp/tcp';
  /** 'SERVERS' | 'PHONES' | 'ANY' are filled by the section (translated or the given servers). */
  source: 'SERVERS' | 'PHONES' | 'ANY';
  destination: 'SERVERS' | 'PHONES' | 'ANY';
  ports: string;
  action: 'allow' | 'deny';
  why: RuleWhy;
}

/** SIP ports the phones use: seen in answers and configs, else the standard 5060/5061. */
export function sipPorts(scan: ScanResult): number[] {
  const ports = new Set<number>();
  for (const d of scan.devices) {
    for (const s of d.sip) ports.add(s.port);
    for (const p of d.config?.config?.localSipPorts ?? []) ports.add(p);
  }
  if (ports.size === 0) [5060, 5061].forEach((p) => ports.add(p));
  return [...ports].filter((p) => Number.isInteger(p) && p > 0 && p < 65536).sort((a, b) => a - b).slice(0, 15);
}

/** Web UI ports seen on the phones (80/443 at least). */
export function webPorts(scan: ScanResult): number[] {
  const ports = new Set<number>([80, 443]);
  for (const d of scan.devices) for (const h of d.http) ports.add(h.port);
  return [...ports].filter((p) => Number.isInteger(p) && p > 0 && p < 65536).sort((a, b) => a - b).slice(0, 15);
}

const MAX_NETWORKS = 10;

/**
 * The phones' networks for the rules: the scan's targets when every one is an address
 * or a CIDR (what `iptables -d` takes, comma-separated); null (a placeholder) when a
 * target is a range such as 10.0.0.10-10.0.0.50, or none was given.
 */
export function phonesNetwork(targets: readonly string[]): string | null {
  const list = targets.map((t) => t.trim()).filter(Boolean);
  if (list.length === 0 || list.length > MAX_NETWORKS || !list.every(isAddressOrCidr)) return null;
  return list.join(',');
}

function isAddressOrCidr(target: string): boolean {
  const [addr = '', bits, ...rest] = target.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export function firewallRules(scan: ScanResult): FirewallRule[] {
  const sip = sipPorts(scan).join(',');
  const web = webPorts(scan).join(',');
  return [
    { direction: 'in', protocol: 'udp/tcp', source: 'SERVERS', destination: 'PHONES', ports: sip, action: 'allow', why: 'sipIn' },
    { direction: 'in', protocol: 'udp', source: 'SERVERS', destination: 'PHONES', ports: DEFAULT_RTP_RANGE, action: 'allow', why: 'rtpIn' },
    { direction: 'out', protocol: 'udp/tcp', source: 'PHONES', destination: 'SERVERS', ports: sip, action: 'allow', why: 'sipOut' },
    { direction: 'out', protocol: 'udp', source: 'PHONES', destination: 'SERVERS', ports: DEFAULT_RTP_RANGE, action: 'allow', why: 'rtpOut' },
    { direction: 'in', protocol: 'udp/tcp', source: 'ANY', destination: 'PHONES', ports: sip, action: 'deny', why: 'denySipIn' },
    { direction: 'in', protocol: 'tcp', source: 'ANY', destination: 'PHONES', ports: web, action: 'deny', why: 'denyWeb' },
    { direction: 'out', protocol: 'udp/tcp', source: 'PHONES', destination: 'ANY', ports: sip, action: 'deny', why: 'denySipOut' },
  ];
}

/** The same rules as iptables FORWARD lines (one per protocol), for copying into a Linux router. */
export function iptablesLines(rules: FirewallRule[], servers: string, phones: string): string[] {
  const addr = (a: FirewallRule['source']): string | null => (a === 'SERVERS' ? servers : a === 'PHONES' ? phones : null);
  const lines: string[] = [];
  for (const r of rules) {
    for (const proto of r.protocol === 'udp/tcp' ? ['udp', 'tcp'] : [r.protocol]) {
      const src = addr(r.source);
      const dst = addr(r.destination);
      const ports = r.ports.replace('-', ':');
      lines.push(['iptables -A FORWARD', `-p ${proto}`, src ? `-s ${src}` : '', dst ? `-d ${dst}` : '',
        `-m multiport --dports ${ports}`, `-j ${r.action === 'allow' ? 'ACCEPT' : 'DROP'}`].filter(Boolean).join(' '));
    }
  }
  return lines;
}
