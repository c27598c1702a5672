// The generic phone web UI: a login page with the vendor's Server header and
// <title>, optionally behind an HTTP auth challenge, as a phone whose SIP is
// locked to its server still shows on port 80/443.
import { randomBytes } from 'node:crypto';
import type { WebUiFactory } from './registry.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const genericLogin: WebUiFactory = ({ web }) => (req, res) => {
  res.setHeader('Server', web.server);
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/' && !/^\/(index|login)(\.html?)?$/.test(path ?? '')) {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>404 Not Found</title></head><body>Not Found</body></html>');
    return;
  }
  if (web.auth && !req.headers.authorization) {
    const challenge = web.auth.scheme === 'Digest'
      ? `Digest realm="${web.auth.realm}", qop="auth", nonce="${randomBytes(12).toString('hex')}", opaque="${randomBytes(8).toString('hex')}"`
      : `Basic realm="${web.auth.realm}"`;
    res.writeHead(401, { 'WWW-Authenticate': challenge, 'Content-Type': 'text/html' });
    res.end(`<html><head><title>${escapeHtml(web.title)}</title></head><body>401 Unauthorized</body></html>`);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(web.title)}</title></head>
<body><form method="post" action="/login"><h1>${escapeHtml(web.title)}</h1>
<label>Username <input name="username"></label><label>Password <input type="password" name="pwd"></label>
<button type="submit">Login</button></form></body></html>`);
};
