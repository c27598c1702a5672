// Fanvil (older, Atcom-derived firmware) web UI: GET /key==nonce gives a nonce;
// POST / with encoded=user:md5(user:pass:nonce), nonce, goto=Logon and the
// cookie auth=<nonce> logs in (default admin/admin); /config.txt is the full
// configuration in the text format. Backed by fanvil/config-text.cfg.
import { createHash, randomBytes } from 'node:crypto';
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { fixture, html, notFound, pathOf, readForm, send } from './fixture-pages.js';

export const fanvil: WebUiFactory = (opts) => {
  const { web } = opts;
  const front = genericLogin(opts);
  const config = fixture('fanvil/config-text.cfg');
  const issued = new Set<string>();
  const authed = new Set<string>();
  return (req, res) => {
    res.setHeader('Server', web.server);
    const { path, raw } = pathOf(req);
    const cookieNonce = /(?:^|;\s*)auth=(\w+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    if (raw === '/key==nonce' && req.method === 'GET') {
      const nonce = randomBytes(8).toString('hex');
      issued.add(nonce);
      return send(res, 200, 'text/plain', nonce);
    }
    if (path === '/' && req.method === 'POST') {
      void readForm(req).then((form) => {
        const nonce = form.get('nonce') ?? '';
        const want = `admin:${createHash('md5').update(`admin:admin:${nonce}`).digest('hex')}`;
        if (issued.has(nonce) && nonce === cookieNonce && form.get('encoded') === want) authed.add(nonce);
        send(res, 200, 'text/html', html(web.title, authed.has(nonce) ? 'Welcome' : 'Login failed'));
      });
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/html', html('405', 'Method Not Allowed'));
    if (path === '/') return front(req, res);
    if (path === '/config.txt') {
      if (!authed.has(cookieNonce)) return send(res, 200, 'text/html', html(web.title, '<form><input type="hidden" name="nonce" value=""></form>'));
      return send(res, 200, 'text/plain', config);
    }
    notFound(res);
  };
};
