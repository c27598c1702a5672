// Grandstream JSON web API: POST /cgi-bin/dologin (username/password, default
// admin/admin) gives a session id; /cgi-bin/api.values.get?request=P47:P35…&sid=
// answers the asked P-values from grandstream/cfg000b82aabbcc.xml.
import { randomBytes } from 'node:crypto';
import type { WebUiFactory } from './registry.js';
import { genericLogin } from './generic-login.js';
import { fixture, html, notFound, pathOf, readForm, send } from './fixture-pages.js';

export const grandstream: WebUiFactory = (opts) => {
  const { web } = opts;
  const front = genericLogin(opts); // `/`: the persona's login page (Server, title, auth challenge)
  const xml = fixture('grandstream/cfg000b82aabbcc.xml');
  const values = new Map([...xml.matchAll(/<(P\d+)>([^<]*)<\/\1>/g)].map((m) => [m[1]!, m[2]!] as const));
  const sessions = new Set<string>();
  const json = (res: Parameters<ReturnType<WebUiFactory>>[1], v: unknown) => send(res, 200, 'application/json', JSON.stringify(v));
  return (req, res) => {
    res.setHeader('Server', web.server);
    const { path, query } = pathOf(req);
    if (path === '/') return front(req, res);
    if (path === '/cgi-bin/login') return send(res, 200, 'text/html', html(web.title, '<b>Grandstream Device Configuration</b>'));
    if (path === '/cgi-bin/dologin' && req.method === 'POST') {
      void readForm(req).then((form) => {
        if (form.get('username') === 'admin' && form.get('password') === 'admin') {
          const sid = randomBytes(8).toString('hex');
          sessions.add(sid);
          json(res, { response: 'success', body: { sid, role: 'admin' } });
        } else json(res, { response: 'error', body: 'bad username or password' });
      });
      return;
    }
    if (path === '/cgi-bin/api.values.get' && req.method === 'GET') {
      if (!sessions.has(query.get('sid') ?? '')) return json(res, { response: 'error', body: 'session-expired' });
      const body: Record<string, string> = {};
      for (const p of (query.get('request') ?? '').split(':')) body[p] = values.get(p) ?? '';
      return json(res, { response: 'success', body });
    }
    notFound(res);
  };
};
