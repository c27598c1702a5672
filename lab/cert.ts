// Self-signed certificate for the farm's SIP-TLS and HTTPS, made with the
// openssl CLI at lab start (P-256: fast to generate, accepted by every client).
import { join } from 'node:path';
import { mustRun } from './netns.js';

export async function makeCert(dir: string, cn = 'ghostcall-lab'): Promise<{ certFile: string; keyFile: string }> {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await mustRun(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '7', '-subj', `/CN=${cn}`, '-keyout', keyFile, '-out', certFile]);
  return { certFile, keyFile };
}
