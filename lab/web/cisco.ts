// Cisco SPA web UI as the real firmware behaves by default: the Info page and
// the full profile /admin/spacfg.xml answer without a password (no admin
// password is set out of the box). With the persona's `auth`, /admin/ needs the
// SPA112/122 default admin/admin. Backed by cisco/spa504g-unsafe.xml.
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { checkHttpAuth, fixture, html, notFound, pathOf, send } from './fixture-pages.js';

export const ciscoSpa: WebUiFactory = (opts) => {
  const { phone, web } = opts;
  const front = genericLogin(opts); // `/`: the persona's login page (Server, title, auth challenge)
  const profile = fixture('cisco/spa504g-unsafe.xml');
  return (req, res) => {
    res.setHeader('Server', web.server);
    const { path } = pathOf(req);
    if (req.method !== 'GET') return send(res, 405, 'text/html', html('405', 'Method Not Allowed'));
    if (path === '/') {
      if (web.auth) return front(req, res);
      return send(res, 200, 'text/html', html(web.title, `<table><tr><td>Product Name:</td><td>SPA504G</td></tr><tr><td>Software Version:</td><td>7.6.2</td></tr><tr><td>MAC Address:</td><td>${(phone.mac ?? '0004f2aabbcc').replace(/:/g, '')}</td></tr><tr><td>Serial Number:</td><td>CBT1234ABCD</td></tr></table>`));
    }
    if (path.startsWith('/admin/')) {
      if (web.auth && !checkHttpAuth(req, res, { ...web.auth, username: 'admin', password: 'admin' })) return;
      if (path === '/admin/spacfg.xml') return send(res, 200, 'text/xml', profile);
    }
    notFound(res);
  };
};
