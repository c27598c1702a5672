// The hostile devices of the 'hostile' layout, as data: what each one does on the
// wire (lab/farm/hostile.ts plays it) and what a correct scanner reports about it.
// One device per address, so a failure names its culprit. The strings here are the
// attack payloads: ANSI/OSC escapes, bidi overrides, C1 controls, markup, NUL.

export type HostileId =
  // SIP over UDP (port 5060)
  | 'sip-ua-60k' | 'sip-garbage' | 'sip-bad-length' | 'sip-flood' | 'sip-ansi' | 'sip-nul'
  | 'sip-spoofed-callid' | 'sip-other-port'
  // SIP over TCP (port 5060; the same device answers UDP 5060 normally)
  | 'tcp-silent' | 'tcp-drip' | 'tcp-endless-header' | 'tcp-50mb' | 'tcp-reset'
  // web UI (no SIP at all; a phone-vendor MAC, so a scanner lists it as a silent phone)
  | 'http-huge' | 'http-drip' | 'http-redirect-loop' | 'http-title-markup' | 'http-wrong-type' | 'https-plain' | 'http-soft-404';

export interface HostileDevice {
  id: HostileId;
  /** host offset in the layout */
  offset: number;
  /** persona whose vendor OUI the device's MAC carries (lab/personas.ts) */
  macOf: string;
  what: string;
  /** sockets it opens (SIP ports are also what a correct scanner must NOT report, unless in `expect`) */
  listens: { udp: number[]; tcp: number[]; web: { port: number; tls: boolean }[] };
  /** what a correct scanner reports as SIP evidence for this address */
  expect: { udp: number[]; tcp: number[]; userAgent: string | null; server: string | null };
  /** sip-spoofed-callid: offset of the normal phone whose address it forges as source */
  spoofOffset?: number;
}

const ESC = '\x1b';
const BEL = '\x07';

/** Every trick a terminal falls for, in one User-Agent (no NUL: see NUL_UA). */
export const ANSI_UA = `${ESC}[2J${ESC}[31mYealink SIP-T46S 66.86.0.15 ${ESC}]8;;https://evil.example/${BEL}click me${ESC}]8;;${BEL} `
  + `\u202Eexe.gnp\u202C <script>alert(1)</script> \u009b31m${ESC}[0m${ESC}]0;pwned${BEL}`;
export const ANSI_SERVER = `<img src=x onerror=alert(1)>${ESC}[5m\u202Eblink \u2066iso\u2069${BEL}`;
/** The reason phrase may not carry C0 (the start line must be clean), but bidi and markup it may. */
export const ANSI_REASON = 'OK <b>\u202Edeen</b>';
export const NUL_UA = 'Yealink SIP-T46S\x00<script>alert(1)</script>';

/** 60 kB of User-Agent, not one repeated character (so a cap can be told from a cut elsewhere). */
export const UA_60K = `Hostile-60k/1.0 ${Array.from({ length: 3072 }, (_, i) => `${String(i).padStart(5, '0')}-abcdefghijklmn`).join('')}`.slice(0, 60 * 1024);

export const HOSTILE_TITLE = `Yealink ${ESC}[2J${ESC}]0;owned${BEL}<b>T46S</b> \u202Egnp.exe\u202C \u009b31m`;
export const HOSTILE_WEB_SERVER = '<script>alert(1)</script> yealink embed httpd';

export const uaOf = (id: HostileId): string => `Hostile ${id}/1.0`;

const udpOnly = { udp: [5060], tcp: [], web: [] };
const tcpToo = (extra: number[] = []): HostileDevice['listens'] => ({ udp: [5060], tcp: [5060, ...extra], web: [] });
const web = (port: number, tls = false): HostileDevice['listens'] => ({ udp: [], tcp: [], web: [{ port, tls }] });
const none = { udp: [], tcp: [], userAgent: null, server: null };
const udpAnswer = (userAgent: string, server: string | null = null): HostileDevice['expect'] => ({ udp: [5060], tcp: [], userAgent, server });

export const HOSTILE_DEVICES: readonly HostileDevice[] = [
  { id: 'sip-ua-60k', offset: 20, macOf: 'yealink-t46s', what: 'answers OPTIONS with a 60 kB User-Agent', listens: udpOnly, expect: udpAnswer(UA_60K) },
  { id: 'sip-garbage', offset: 21, macOf: 'workstation', what: 'answers every datagram with binary garbage', listens: udpOnly, expect: none },
  {
    id: 'sip-bad-length', offset: 22, macOf: 'grandstream-gxp2170',
    what: 'answers with huge, negative and too-large Content-Length first (RFC 3261 18.3: discard), then one good reply',
    listens: udpOnly, expect: udpAnswer(uaOf('sip-bad-length')),
  },
  { id: 'sip-flood', offset: 23, macOf: 'snom-d715', what: 'answers each OPTIONS with 200 copies of its 200 OK', listens: udpOnly, expect: udpAnswer(uaOf('sip-flood')) },
  {
    id: 'sip-ansi', offset: 24, macOf: 'yealink-t46s', what: 'ANSI/OSC 8/bidi/C1/markup in User-Agent, Server and reason phrase',
    listens: udpOnly, expect: udpAnswer(ANSI_UA, ANSI_SERVER),
  },
  { id: 'sip-nul', offset: 25, macOf: 'fanvil-x303', what: 'a NUL byte in its User-Agent', listens: udpOnly, expect: udpAnswer(NUL_UA.replace('\x00', '\uFFFD')) }, // the parser neutralises NUL to U+FFFD and keeps the answer
  {
    id: 'sip-spoofed-callid', offset: 26, macOf: 'cisco-spa303', spoofOffset: 10,
    what: 'answers with a random Call-ID, a forged ghostcall-looking Call-ID, and its own Call-ID from a neighbour\'s address',
    listens: udpOnly, expect: none,
  },
  {
    id: 'sip-other-port', offset: 27, macOf: 'gigaset-n510', what: 'answers OPTIONS to 5060 from source port 5070',
    listens: { udp: [5060, 5070], tcp: [], web: [] }, expect: udpAnswer(uaOf('sip-other-port')),
  },
  { id: 'tcp-silent', offset: 30, macOf: 'yealink-t46s', what: 'TCP 5060 and 5061: accepts, never sends, never closes', listens: tcpToo([5061]), expect: udpAnswer(uaOf('tcp-silent')) },
  { id: 'tcp-drip', offset: 31, macOf: 'snom-d785', what: 'TCP 5060: drips a SIP response one byte per second, forever', listens: tcpToo(), expect: udpAnswer(uaOf('tcp-drip')) },
  { id: 'tcp-endless-header', offset: 32, macOf: 'poly-vvx450', what: 'TCP 5060: a header section without end (no CRLFCRLF), as fast as it goes', listens: tcpToo(), expect: udpAnswer(uaOf('tcp-endless-header')) },
  { id: 'tcp-50mb', offset: 33, macOf: 'grandstream-grp2612w', what: 'TCP 5060: a 200 OK with Content-Length 50 MB and the 50 MB', listens: tcpToo(), expect: udpAnswer(uaOf('tcp-50mb')) },
  { id: 'tcp-reset', offset: 34, macOf: 'fanvil-x303', what: 'TCP 5060: half a response, then RST', listens: tcpToo(), expect: udpAnswer(uaOf('tcp-reset')) },
  { id: 'http-huge', offset: 40, macOf: 'yealink-t54w', what: 'GET / → 100 MB of chunked HTML', listens: web(80), expect: none },
  { id: 'http-drip', offset: 41, macOf: 'yealink-t54w', what: 'GET / → a response dripped one byte per second, forever', listens: web(80), expect: none },
  { id: 'http-redirect-loop', offset: 42, macOf: 'yealink-t54w', what: 'every path redirects: / → /a → / …', listens: web(80), expect: none },
  { id: 'http-title-markup', offset: 43, macOf: 'yealink-t54w', what: '<title> with ANSI, OSC, bidi, C1 and tags; markup in Server', listens: web(80), expect: none },
  { id: 'http-wrong-type', offset: 44, macOf: 'yealink-t54w', what: 'Content-Type image/png over HTML, then binary with NULs', listens: web(80), expect: none },
  {
    id: 'http-soft-404', offset: 46, macOf: 'yealink-t54w',
    what: 'answers every path with 200 and its login page (inline CSS/JS lines such as "#login {" and "x=1"), as many embedded httpds do',
    listens: web(80), expect: none,
  },
  { id: 'https-plain', offset: 45, macOf: 'yealink-t54w', what: 'port 443 answers a TLS ClientHello with plain HTTP and stays open', listens: web(443, true), expect: none },
];

export function hostileDevice(id: string): HostileDevice {
  const d = HOSTILE_DEVICES.find((x) => x.id === id);
  if (!d) throw new Error(`lab: unknown hostile device ${id}`);
  return d;
}
