// Layouts are data: which hosts sit on the virtual LAN, with which persona and
// ports. The lab turns a plan into namespaces and processes (lab/index.ts).
import { persona, personas } from './personas.js';
import type { Persona, PersonaWeb } from './personas.js';
import { HOSTILE_DEVICES } from './farm/hostile-devices.js';
import type { HostileDevice } from './farm/hostile-devices.js';

export type LayoutName = 'small' | 'bench24' | 'mixed23' | 'hostile';

export interface PlannedHost {
  /** host offset inside the subnet (ip = network + offset) */
  offset: number;
  persona: Persona;
  kind: 'farm' | 'silent-vendor';
  udp: number[];
  tcp: number[];
  tls: number[];
  web: PersonaWeb[];
  mdns: boolean;
  /** a hostile device (kind 'farm', its own farm process): udp/tcp/tls = what a correct scanner reports */
  hostile?: HostileDevice;
}

export interface LayoutPlan {
  prefix: 24 | 23;
  scannerOffset: number;
  hosts: PlannedHost[];
  /** offsets of the sipp and kamailio peers (when peers are on) */
  peers: { sipp: number; kamailio: number };
  dead: number[];
  defaults: { mdns: boolean; peers: boolean };
}

function host(offset: number, id: string, over: Partial<Omit<PlannedHost, 'offset' | 'persona'>> = {}): PlannedHost {
  const p = persona(id);
  return { offset, persona: p, kind: 'farm', udp: p.udp, tcp: p.tcp, tls: p.tls, web: [], mdns: false, ...over };
}

const sipPersonas = (): Persona[] => personas.filter((p) => p.userAgent !== null);
const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

/** ~30 hosts: every persona once with its defaults, variants on odd ports/transports, silent hosts. */
function small(): LayoutPlan {
  const hosts: PlannedHost[] = [];
  let off = 10;
  for (const [i, p] of sipPersonas().entries()) {
    // every third phone also shows its web UI, as most phones do
    hosts.push(host(off++, p.id, { web: i % 3 === 0 && p.web ? [p.web] : [] }));
  }
  hosts.push(
    host(off++, 'yealink-t46s', { udp: [5060, 5062], tcp: [] }),
    host(off++, 'grandstream-gxp2170', { udp: [5080] }),
    host(off++, 'snom-d715', { udp: [], tcp: [5060] }), // TCP-only
    host(off++, 'cisco-spa303', { udp: [5160] }),
    host(off++, 'poly-vvx450', { udp: [], tcp: [], tls: [5061] }), // TLS-only
    host(off++, 'fanvil-x303', { udp: [5060], tcp: [5062] }),
    host(off++, 'gigaset-n510', {}),
    // silent addresses: host up, no SIP
    host(off++, 'workstation'), host(off++, 'printer'), host(off++, 'workstation'),
  );
  // phones locked to their server: no SIP at all, own namespace and vendor MAC, web UI, some on mDNS
  const silent: [string, PersonaWeb[], boolean][] = [
    ['yealink-t54w', [{ ...persona('yealink-t54w').web!, port: 80, tls: false }, persona('yealink-t54w').web!], true],
    ['grandstream-grp2612w', [persona('grandstream-grp2612w').web!], true],
    ['snom-d785', [persona('snom-d785').web!], true],
    ['poly-vvx450', [persona('poly-vvx450').web!, { ...persona('poly-vvx450').web!, port: 443, tls: true }], false],
    ['cisco-spa525g', [persona('cisco-spa525g').web!], false],
  ];
  silent.forEach(([id, web, mdns], i) => hosts.push(host(50 + i, id, { kind: 'silent-vendor', udp: [], tcp: [], tls: [], web, mdns })));
  return {
    prefix: 24, scannerOffset: 2, hosts, peers: { sipp: 60, kamailio: 61 }, dead: range(100, 10),
    defaults: { mdns: true, peers: true },
  };
}

/** 200 UDP phones on one /24, each answering on 5060, 5062 and 5080. */
function bench24(): LayoutPlan {
  const ps = sipPersonas();
  const hosts = range(10, 200).map((off, i) => host(off, ps[i % ps.length]!.id, { udp: [5060, 5062, 5080], tcp: [], tls: [] }));
  return { prefix: 24, scannerOffset: 2, hosts, peers: { sipp: 240, kamailio: 241 }, dead: range(220, 10), defaults: { mdns: false, peers: false } };
}

/**
 * A /23: 220 UDP phones, each on ONE of 5060/5062/5080 (so only a 3-port sweep
 * is complete), plus 30 TCP-only phones on 5060. 250 in all, spread over both halves.
 */
function mixed23(): LayoutPlan {
  const ps = sipPersonas();
  const ports = [5060, 5062, 5080];
  const hosts: PlannedHost[] = [];
  let udpN = 0;
  let tcpN = 0;
  for (let off = 10; hosts.length < 250; off += 2) {
    if (off === 255 || off === 256) continue;
    const p = ps[hosts.length % ps.length]!;
    if ((hosts.length % 8 === 3 && tcpN < 30) || udpN >= 220) {
      hosts.push(host(off, p.id, { udp: [], tcp: [5060], tls: [] }));
      tcpN++;
    } else {
      hosts.push(host(off, p.id, { udp: [ports[udpN % 3]!], tcp: [], tls: [] }));
      udpN++;
    }
  }
  return { prefix: 23, scannerOffset: 2, hosts, peers: { sipp: 505, kamailio: 507 }, dead: [11, 13, 101, 203, 301, 303, 401, 403, 499, 501],
    defaults: { mdns: false, peers: false } };
}

/**
 * A small office where some devices misbehave (lab/farm/hostile-devices.ts): a few
 * normal phones (UDP, TCP-only, TLS-only, one silent vendor phone) between SIP and
 * web devices that send garbage, floods, forged Call-IDs, endless streams and markup.
 */
function hostile(): LayoutPlan {
  const hosts: PlannedHost[] = [
    host(10, 'yealink-t46s', { web: [persona('yealink-t46s').web!] }),
    host(11, 'grandstream-gxp2170'),
    host(12, 'snom-d715', { udp: [], tcp: [5060] }), // TCP-only
    host(13, 'poly-vvx250'), // TLS-only
    host(14, 'fanvil-x303', { udp: [5060], tcp: [5062] }),
    host(15, 'freepbx-16'),
    ...HOSTILE_DEVICES.map((d) => host(d.offset, d.macOf, { udp: d.expect.udp, tcp: d.expect.tcp, tls: [], hostile: d })),
    host(50, 'snom-d785', { kind: 'silent-vendor', udp: [], tcp: [], tls: [], web: [persona('snom-d785').web!] }),
  ];
  return { prefix: 24, scannerOffset: 2, hosts, peers: { sipp: 60, kamailio: 61 }, dead: range(100, 5), defaults: { mdns: false, peers: false } };
}

export const layouts: Record<LayoutName, () => LayoutPlan> = { small, bench24, mixed23, hostile };
