// Snom web UI: no login by default; with the persona's `auth` (Basic, realm
// "snom") it wants the HTTP server user/password set in the phone (lab: the
// constants below). /settings.htm lists the settings as `name!: value` text.
// Backed by snom/snom-text.cfg.
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { checkHttpAuth, fixture, html, notFound, pathOf, send } from './fixture-pages.js';

/** The lab Snom's HTTP server login (Snom ships none: http_user/http_pass are empty). */
export const SNOM_LAB_LOGIN = { username: 'admin', password: 'lab-snom-http' };

export const snom: WebUiFactory = (opts) => {
  const { web } = opts;
  const front = genericLogin(opts); // `/`: the persona's login page (Server, title, auth challenge)
  const settings = fixture('snom/snom-text.cfg');
  return (req, res) => {
    res.setHeader('Server', web.server);
    if (req.method !== 'GET') return send(res, 405, 'text/html', html('405', 'Method Not Allowed'));
    const { path } = pathOf(req);
    if (path === '/' || path === '/index.htm') return front(req, res);
    if (web.auth && !checkHttpAuth(req, res, { ...web.auth, ...SNOM_LAB_LOGIN })) return;
    if (path === '/settings.htm') return send(res, 200, 'text/plain', settings);
    notFound(res);
  };
};
