// The SIP discovery sweep (zmap/nmap ideas): UDP over ONE socket in send rounds with
// doubling waits (RFC 3261 Timer A, T1 from measured RTT as nmap does), stateless
// keyed-tag matching, a global token-bucket rate; TCP/TLS on hosts as they turn out
// alive, under a concurrency cap. Cancelling stops sending at once and returns what
// was found (cancelled: true): the CLI shows partial results on Ctrl-C.
import { setMaxListeners } from 'node:events';
import type { SipEvidence, Transport } from '../api/result.js';
import { EngineError } from '../api/errors.js';
import { TokenBucket, sleep } from './rate.js';
import { RttEstimator } from './rtt.js';
import { LocalIpResolver } from './local-ip.js';
import { ProbeTagger } from './probes/tag.js';
import { UdpProbe } from './probes/udp.js';
import { TcpProbe } from './probes/tcp.js';
import { TlsProbe } from './probes/tls.js';
import type { ProbeReply, StreamProbe } from './probes/types.js';
import { toEvidence } from './sip/parse.js';
import { HostState, SweepState } from './sweep-state.js';
import type { AliveBy } from './sweep-state.js';
import { StreamSweep } from './stream-sweep.js';
import { ArpHint } from './arp-hint.js';

export interface SweepParams {
  ips: readonly string[];
  ports: readonly number[];
  transports: readonly Transport[];
  rate: number;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  interface?: string;
  userAgent?: string;
  /** Names the target in an E_NETWORK error. */
  targetLabel?: string;
}

export interface SweepProgress { done: number; total: number; found: number; elapsedMs: number }

export interface SweepHooks {
  signal: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
  /** The neighbour table (ip → MAC, complete entries only): liveness of on-link hosts. */
  neighbours?: () => Promise<Map<string, string>>;
  /** Targets whose absence from the table means "dead" (default: on-link through an ARP interface). */
  neighbourScope?: (ip: string) => boolean;
  /** Each read of the neighbour table, as the sweep reads it. */
  onNeighbours?: (table: Map<string, string>) => void;
  /** A host turned out alive (SIP answer, TCP connect/refusal, neighbour entry): once per host. */
  onAlive?: (ip: string, why: AliveBy) => void;
}

export interface SweepResult {
  evidence: Map<string, SipEvidence[]>;
  /** Hosts known alive: SIP answer, TCP connect or refusal, or a complete neighbour entry. */
  alive: Set<string>;
  probesSent: number;
  responses: number;
  durationMs: number;
  cancelled: boolean;
  warnings: string[];
}

/** Floor of the adaptive T1: phone SIP stacks answer in milliseconds, but not in microseconds. */
const MIN_T1_MS = 20;
const INITIAL_T1_MS = 100;
/** A pair on a host that answered SIP elsewhere gets fewer sends: the host is not lost if it stays silent. */
const ALIVE_HOST_ATTEMPTS = 3;
const PROGRESS_EVERY_MS = 100;
const NET_UNREACH = new Set(['ENETUNREACH', 'ENETDOWN']);

export async function sweep(p: SweepParams, hooks: SweepHooks): Promise<SweepResult> {
  const t0 = performance.now();
  // Our own signal, tied to the caller's: every pending connection listens to it.
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const onOuterAbort = (): void => inner.abort();
  if (hooks.signal.aborted) inner.abort();
  else hooks.signal.addEventListener('abort', onOuterAbort, { once: true });
  const signal = inner.signal;
  const st = new SweepState(p.ips, p.ports);
  st.onAlive = hooks.onAlive ?? null;
  const warnings: string[] = [];
  const resolver = new LocalIpResolver(p.interface);
  const bindAddress = resolver.interfaceAddress() ?? undefined;
  const tagger = new ProbeTagger();
  const bucket = new TokenBucket(p.rate);
  const rtt = new RttEstimator({ initialMs: INITIAL_T1_MS, minMs: Math.min(MIN_T1_MS, p.timeoutMs), maxMs: p.timeoutMs });
  const useUdp = p.transports.includes('udp');
  const streamProbes: StreamProbe[] = [];
  if (p.transports.includes('tcp')) streamProbes.push(new TcpProbe(tagger, bindAddress));
  if (p.transports.includes('tls')) streamProbes.push(new TlsProbe(tagger, bindAddress));
  const maxAttempts = 1 + p.retries;
  const total = p.ips.length * p.ports.length * (Number(useUdp) + streamProbes.length);
  let done = 0;
  let sendOk = 0;
  let netUnreach = 0;
  let lastProgress = 0;

  const progress = (force = false): void => {
    const now = performance.now();
    if (!hooks.onProgress || (!force && now - lastProgress < PROGRESS_EVERY_MS)) return;
    lastProgress = now;
    hooks.onProgress({ done: Math.min(done, total), total, found: st.found, elapsedMs: now - t0 });
  };

  // ---- TCP/TLS: fed with hosts as they turn out alive ----
  const streamQueued = new Uint8Array(p.ips.length);
  const streams = new StreamSweep({
    probes: streamProbes,
    concurrency: p.concurrency,
    connectTimeoutMs: (known) => (known ? p.timeoutMs : Math.min(p.timeoutMs, Math.max(250, 8 * rtt.timeoutMs()))),
    responseTimeoutMs: p.timeoutMs,
    signal,
    userAgent: p.userAgent,
    pace: () => bucket.take(signal).catch(() => {}),
    isAlive: (h) => st.host[h] === HostState.Alive,
    onSlotDone: (n) => { done += n; progress(); },
    onOutcome: (task, transport, out) => {
      if (out.kind === 'unreachable' && NET_UNREACH.has(out.code)) netUnreach++;
      else if (out.kind !== 'cancelled' && out.kind !== 'error') sendOk++;
      if (out.kind === 'refused' || out.kind === 'no-answer') st.markAlive(task.host, 'tcp');
      if (out.kind !== 'answer') return;
      st.responses++;
      if (out.reply.msg.status !== null) st.addEvidence(task.host, toEvidence(out.reply.msg, transport, task.port, round1(out.rttMs)));
      progress();
    },
  });
  const queueStreams = (h: number, known: boolean): void => {
    if (streamProbes.length === 0 || streamQueued[h]) return;
    streamQueued[h] = 1;
    for (const port of p.ports) streams.push({ host: h, ip: p.ips[h] as string, port, known });
  };
  const streamSkipped = new Uint8Array(p.ips.length);
  const skipStreams = (h: number): void => {
    if (streamProbes.length === 0 || streamQueued[h]) return;
    streamQueued[h] = 1;
    streamSkipped[h] = 1;
    done += p.ports.length * streamProbes.length;
  };
  /** A host given up for dead answered after all: its TCP/TLS probes are due again. */
  const unskipStreams = (h: number): void => {
    if (!streamSkipped[h]) return;
    streamSkipped[h] = 0;
    streamQueued[h] = 0;
    done -= p.ports.length * streamProbes.length;
  };

  // ---- UDP: replies matched by tag, RTT sampled per Karn's rule (only the latest attempt) ----
  let unresolved = useUdp ? p.ips.length * p.ports.length : 0;
  let wake: (() => void) | null = null;
  const onReply = (r: ProbeReply): void => {
    const h = st.hostIndex(r.ip);
    const pi = st.portIndex(r.port);
    if (h === undefined || pi < 0 || r.msg.status === null) return;
    const k = h * st.nPorts + pi;
    const final = r.msg.status >= 200 ? 2 : 1;
    if ((st.answered[k] as number) >= final) return; // duplicate (answer to a retransmission)
    let rttMs: number | null = null;
    if (r.cseq !== null && r.cseq === st.attempts[k]) {
      rttMs = r.receivedAt - (st.lastSent[k] as number);
      rtt.sample(rttMs);
    }
    if (st.host[h] === HostState.Dead) {
      // A late answer from a host the neighbour table had given up on: it lives after all.
      st.host[h] = HostState.Unknown;
      st.markAlive(h, 'sip');
      unresolved += st.unansweredPairs(h);
      unskipStreams(h);
    }
    if (st.answered[k] === 0) unresolved--;
    st.answered[k] = final;
    st.responses++;
    st.addEvidence(h, toEvidence(r.msg, 'udp', r.port, rttMs === null ? null : round1(rttMs)));
    queueStreams(h, true);
    progress();
    if (unresolved <= 0 && wake) wake();
  };
  const udp = useUdp ? new UdpProbe({ tagger, bindAddress, userAgent: p.userAgent, onReply, localIpFor: (ip) => resolver.cached(ip) }) : null;
  const arp = new ArpHint(hooks.neighbours, resolver, p.ips, hooks.onNeighbours, hooks.neighbourScope);
  let cancelled = false;

  try {
    if (udp) {
      await udp.open();
      const sendPair = async (k: number): Promise<Promise<void> | null> => {
        const h = Math.floor(k / st.nPorts);
        const ip = p.ips[h] as string;
        if (resolver.cached(ip) === null) await resolver.resolve(ip);
        await bucket.take(signal);
        if (signal.aborted) return null;
        if (st.attempts[k] === 0) done++;
        if (st.firstSent[h] === 0) st.firstSent[h] = performance.now();
        st.attempts[k] = (st.attempts[k] as number) + 1;
        st.lastSent[k] = performance.now();
        progress();
        return udp.send({ ip, port: p.ports[k % st.nPorts] as number }, (st.attempts[k] as number) - 1).then((res) => {
          if (res.ok) sendOk++;
          else if (NET_UNREACH.has(res.code)) netUnreach++;
        });
      };
      // Round 0 port-major: each host's ports are spread over the round, and every host gets its ARP early.
      const round0: number[] = [];
      for (let pi = 0; pi < st.nPorts; pi++) for (let h = 0; h < p.ips.length; h++) round0.push(h * st.nPorts + pi);
      let round = 0;
      let batch = round0;
      for (;;) {
        await sendBatch(batch, sendPair, signal);
        if (signal.aborted) break;
        if (round === 0 && sendOk === 0 && netUnreach > 0) throw new EngineError('E_NETWORK', 'network unreachable', { target: p.targetLabel ?? p.ips[0] ?? '' });
        // Wait T1·2^round (bounded by timeoutMs), cut short once every pair is settled.
        const waitMs = Math.min(p.timeoutMs, rtt.timeoutMs() * 2 ** round);
        if (unresolved > 0) {
          const woken = new AbortController();
          wake = () => woken.abort();
          await sleep(waitMs, AbortSignal.any([signal, woken.signal])); // no timer left behind once woken
          wake = null;
        }
        if (signal.aborted) break;
        // The neighbour table now knows which on-link hosts exist: prune the dead, start TCP/TLS on the living.
        unresolved -= await arp.update(st, (h) => queueStreams(h, true), skipStreams);
        round++;
        batch = [];
        for (let k = 0; k < st.attempts.length; k++) {
          if (st.answered[k] || st.host[Math.floor(k / st.nPorts)] === HostState.Dead) continue;
          const limit = st.sipHost[Math.floor(k / st.nPorts)] ? Math.min(maxAttempts, ALIVE_HOST_ATTEMPTS) : maxAttempts;
          if ((st.attempts[k] as number) < limit) batch.push(k);
        }
        if (batch.length === 0 || unresolved <= 0) break;
      }
    }
    // Hosts still unknown after the UDP rounds (off-link, or no neighbour table) get TCP/TLS with a short connect timeout.
    if (!signal.aborted) {
      for (let h = 0; h < p.ips.length; h++) {
        if (st.host[h] === HostState.Dead) skipStreams(h);
        else queueStreams(h, st.host[h] === HostState.Alive);
      }
      await streams.idle();
    }
    if (!signal.aborted && sendOk === 0 && netUnreach > 0) throw new EngineError('E_NETWORK', 'network unreachable', { target: p.targetLabel ?? p.ips[0] ?? '' });
  } finally {
    hooks.signal.removeEventListener('abort', onOuterAbort);
    cancelled = signal.aborted;
    udp?.close();
    inner.abort(); // ends any connection still pending (after a cancel or an error)
    await streams.idle();
  }
  if (udp && udp.ignored > 0) warnings.push(`ignored ${udp.ignored} datagram(s) that were not answers to our probes`);
  progress(true);
  return {
    evidence: st.evidenceByIp(),
    alive: st.aliveIps(),
    probesSent: (udp?.sent ?? 0) + streams.connections,
    responses: st.responses,
    durationMs: performance.now() - t0,
    cancelled,
    warnings,
  };
}

function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Send a batch in order, paced by the bucket; completions are collected, not awaited one by one. */
async function sendBatch(batch: number[], send: (k: number) => Promise<Promise<void> | null>, signal: AbortSignal): Promise<void> {
  const inflight: Promise<void>[] = [];
  for (const k of batch) {
    if (signal.aborted) break;
    const sent = await send(k).catch(() => null);
    if (sent) inflight.push(sent);
  }
  await Promise.all(inflight);
}
