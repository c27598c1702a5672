// Yealink servlet web UI: a login form (POST /servlet?p=login&q=login with
// username/pwd, 302 to the status page and a JSESSIONID cookie on success,
// default admin/admin); the cfg export needs the session. Backed by
// yealink/unsafe-common-y000000000044.cfg.
import { randomBytes } from 'node:crypto';
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { fixture, html, notFound, pathOf, readForm, send } from './fixture-pages.js';

export const yealink: WebUiFactory = (opts) => {
  const { web } = opts;
  const front = genericLogin(opts); // `/`: the persona's login page (Server, title, auth challenge)
  const cfg = fixture('yealink/unsafe-common-y000000000044.cfg');
  const sessions = new Set<string>();
  const loginForm = '/servlet?p=login&q=loginForm&jumpto=status';
  return (req, res) => {
    res.setHeader('Server', web.server);
    const { path, query } = pathOf(req);
    const p = query.get('p');
    const q = query.get('q');
    const sid = /JSESSIONID=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    const authed = !!sid && sessions.has(sid);
    if (path === '/') return front(req, res);
    if (path !== '/servlet') return notFound(res);
    if (req.method === 'POST' && p === 'login' && q === 'login') {
      void readForm(req).then((form) => {
        if (form.get('username') === 'admin' && form.get('pwd') === 'admin') {
          const id = randomBytes(16).toString('hex');
          sessions.add(id);
          send(res, 302, 'text/html', '', { Location: '/servlet?p=status&q=load', 'Set-Cookie': `JSESSIONID=${id}; Path=/; HttpOnly` });
        } else send(res, 200, 'text/html', html(web.title, '<form>login failed</form>'));
      });
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/html', html('405', 'Method Not Allowed'));
    if (p === 'login' && q === 'loginForm') return send(res, 200, 'text/html', html(web.title, '<form method="post" action="/servlet?p=login&q=login"><input name="username"><input type="password" name="pwd"></form>'));
    if (!authed) return send(res, 302, 'text/html', '', { Location: loginForm });
    if (p === 'status') return send(res, 200, 'text/html', html(web.title, 'Status'));
    if (p === 'settings-config' && q === 'localconfig' && query.get('type') === 'export') return send(res, 200, 'application/octet-stream', cfg, { 'Content-Disposition': 'attachment; filename="config.cfg"' });
    notFound(res);
  };
};
