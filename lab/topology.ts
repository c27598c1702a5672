// Small composable builders for the virtual office. Every link is created from
// inside a lab namespace (`ip -n NS link add ... peer ... netns OTHER`), so
// nothing ever appears in the root namespace. The LAN namespace holds a bridge:
// the office switch.
import { execIn, ipBatch, mustRun } from './netns.js';

export const BRIDGE = 'br0';

export async function addNamespaces(names: string[]): Promise<void> {
  await ipBatch(names.map((n) => `netns add ${n}`));
  // loopback up everywhere (one batch per namespace is still one process each)
  await Promise.all(names.map((n) => ipBatch(['link set lo up'], n)));
}

export async function addBridge(lanNs: string): Promise<void> {
  await ipBatch([
    `link add ${BRIDGE} type bridge mcast_snooping 0`,
    `link set ${BRIDGE} up`,
  ], lanNs);
}

export interface Attach {
  /** namespace to plug into the switch */
  ns: string;
  /** name of the switch port in the LAN namespace (<= 15 chars) */
  port: string;
  /** name of the interface inside `ns` */
  ifname: string;
  mac?: string;
}

/** Plug several namespaces into the LAN bridge with veth pairs, in one batch. */
export async function attachToLan(lanNs: string, links: Attach[]): Promise<void> {
  const lines: string[] = [];
  for (const l of links) {
    if (l.port.length > 15 || l.ifname.length > 15) throw new Error(`lab: interface name too long: ${l.port}/${l.ifname}`);
    lines.push(`link add ${l.port} type veth peer name ${l.ifname} netns ${l.ns}`);
    lines.push(`link set ${l.port} master ${BRIDGE}`, `link set ${l.port} up`);
  }
  await ipBatch(lines, lanNs);
  await Promise.all(links.map((l) => ipBatch([
    ...(l.mac ? [`link set ${l.ifname} address ${l.mac}`] : []),
    `link set ${l.ifname} up`,
  ], l.ns)));
}

/** Namespace sysctls, written through /proc/sys (no procps needed): /proc/sys/net follows the writer's netns. */
export async function sysctl(ns: string, settings: Record<string, string | number>): Promise<void> {
  const script = Object.entries(settings)
    .map(([k, v]) => `echo ${Number(v)} > /proc/sys/${k.replace(/\./g, '/')}`).join(' && ');
  await mustRun(['ip', 'netns', 'exec', ns, 'sh', '-c', script]);
}

/** Addresses on one interface (peers, silent phones, the scanner). */
export async function addAddresses(ns: string, ifname: string, cidrs: string[], routes: string[] = []): Promise<void> {
  await ipBatch([
    ...cidrs.map((c) => `addr add ${c} dev ${ifname}`),
    ...routes.map((r) => `route add ${r} dev ${ifname}`),
  ], ns);
}

/**
 * One macvlan per phone on `parent`, each with its own vendor MAC and address.
 * ARP sysctls make each address answer ARP only on its own interface, with its
 * own MAC; rp_filter off because replies leave through the first matching route.
 */
export async function addMacvlans(ns: string, parent: string, phones: { ifname: string; mac: string; cidr: string }[]): Promise<void> {
  await sysctl(ns, {
    'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.default.arp_ignore': 1,
    'net.ipv4.conf.all.arp_announce': 2, 'net.ipv4.conf.default.arp_announce': 2,
    'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.default.rp_filter': 0,
  });
  const lines: string[] = [];
  for (const p of phones) {
    lines.push(`link add ${p.ifname} link ${parent} address ${p.mac} type macvlan mode bridge`);
    lines.push(`addr add ${p.cidr} dev ${p.ifname}`, `link set ${p.ifname} up`);
  }
  await ipBatch(lines, ns);
}

/** Fallback when macvlan is unavailable: every address on one interface, one shared MAC. */
export async function addSharedAddresses(ns: string, ifname: string, cidrs: string[]): Promise<void> {
  await sysctl(ns, { 'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.default.rp_filter': 0 });
  await ipBatch(cidrs.map((c) => `addr add ${c} dev ${ifname}`), ns);
}

export async function linkMac(ns: string, ifname: string): Promise<string | null> {
  const r = await execIn(ns, ['cat', `/sys/class/net/${ifname}/address`]);
  return r.code === 0 ? r.stdout.trim() : null;
}
