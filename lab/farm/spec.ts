// What one farm process serves: written as JSON by the lab, read by
// lab/farm/main.ts inside its namespace. Plain data, no functions.

export interface FarmPhoneSpec {
  ip: string;
  mac: string | null;
  persona: string;
  /** rendered User-Agent (null: SIP answered without a User-Agent header) */
  userAgent: string | null;
  server: string | null;
  allow: string;
  supported: string;
  udp: number[];
  tcp: number[];
  tls: number[];
  web: { port: number; tls: boolean; ui: string; server: string; title: string;
    auth?: { scheme: 'Digest' | 'Basic'; realm: string } }[];
  /** mDNS services to publish for this phone (needs a namespace of its own: one responder per ns) */
  mdns: { name: string; host: string; type: string; protocol: 'udp' | 'tcp'; port: number; txt?: Record<string, string> }[];
  /** a hostile device (lab/farm/hostile-devices.ts id): it opens its own sockets, the fields above are its truth */
  hostile?: string;
}

export interface FarmSpec {
  phones: FarmPhoneSpec[];
  /** PEM files for TLS (SIP-TLS and HTTPS) */
  certFile: string;
  keyFile: string;
}

/** First line the farm prints on stdout once every socket is bound. */
export interface FarmReady {
  ready: true;
  sockets: number;
  failures: string[];
}
