// Browse mDNS from inside the scanner namespace (lab tests): prints the
// services seen within `ms` as JSON. Usage: mdns-browse.ts [ms] [type/proto ...]
import { Bonjour } from 'bonjour-service';

const ms = Number(process.argv[2] ?? 3000);
const kinds = (process.argv.length > 3 ? process.argv.slice(3) : ['sip/udp', 'http/tcp']).map((k) => k.split('/'));
const bonjour = new Bonjour();
const seen: Record<string, unknown>[] = [];
for (const [type, protocol] of kinds) {
  bonjour.find({ type: type!, protocol: protocol as 'udp' | 'tcp' }, (s) => {
    seen.push({ name: s.name, type: s.type, protocol: s.protocol, port: s.port, host: s.host, addresses: s.addresses ?? [], txt: s.txt ?? {} });
  });
}
setTimeout(() => {
  process.stdout.write(JSON.stringify(seen));
  bonjour.destroy();
  process.exit(0);
}, ms);
