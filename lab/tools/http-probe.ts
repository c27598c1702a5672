// GET / on each web target, from inside the scanner namespace (lab tests).
// Input (stdin): [{ ip, port, tls }]; output: [{ ip, port, tls, status, server, title, wwwAuthenticate, error }].
import http from 'node:http';
import https from 'node:https';

interface Target { ip: string; port: number; tls: boolean }

function get(t: Target): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const lib = t.tls ? https : http;
    const req = lib.get({ host: t.ip, port: t.port, path: '/', timeout: 3000, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { if (body.length < 65536) body += c; });
      res.on('end', () => resolve({ ...t, status: res.statusCode, server: res.headers.server ?? null,
        title: /<title>([^<]*)<\/title>/i.exec(body)?.[1] ?? null, wwwAuthenticate: res.headers['www-authenticate'] ?? null, error: null }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ...t, status: null, server: null, title: null, wwwAuthenticate: null, error: e.message }));
  });
}

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const targets = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Target[];
process.stdout.write(JSON.stringify(await Promise.all(targets.map(get))));
