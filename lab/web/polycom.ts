// Polycom SoundPoint web UI: everything behind HTTP Basic with the factory login
// Polycom/456 (or the persona's scheme/realm); the configuration backup at
// /Utilities/configuration/phoneBackup. Backed by polycom/0004f2aabbcc.cfg.
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { checkHttpAuth, fixture, html, notFound, pathOf, send } from './fixture-pages.js';

export const polycom: WebUiFactory = (opts) => {
  const { web } = opts;
  const front = genericLogin(opts); // `/`: the persona's login page (Server, title, auth challenge)
  const backup = fixture('polycom/0004f2aabbcc.cfg');
  const auth = { scheme: web.auth?.scheme ?? ('Basic' as const), realm: web.auth?.realm ?? 'MPD', username: 'Polycom', password: '456' };
  return (req, res) => {
    res.setHeader('Server', web.server);
    if (req.method !== 'GET') return send(res, 405, 'text/html', html('405', 'Method Not Allowed'));
    const { path } = pathOf(req);
    if (path === '/' || path === '/index.htm') return front(req, res);
    if (!checkHttpAuth(req, res, auth)) return;
    if (path === '/Utilities/configuration/phoneBackup') return send(res, 200, 'application/xml', backup);
    notFound(res);
  };
};
