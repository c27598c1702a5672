// Hostile web UIs for the readers' robustness tests: every path answers
// huge, slowly, with a redirect loop, or with the wrong content.
import type { WebUiFactory } from './registry.js';
import { html, send } from './fixture-pages.js';

/** 64 MB of `A`, streamed. */
export const hostileHuge: WebUiFactory = ({ web }) => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/xml', Server: web.server });
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let left = 1024;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      left--;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
};

/** One byte a second, forever (until the client goes). */
export const hostileSlow: WebUiFactory = ({ web }) => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/xml', Server: web.server });
  const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('<')), 1000);
  res.on('close', () => clearInterval(t));
};

/** Every path redirects to the next one, round and round. */
export const hostileRedirectLoop: WebUiFactory = ({ web }) => (req, res) => {
  const n = Number(/[?&]n=(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
  send(res, 302, 'text/html', '', { Location: `/admin/spacfg.xml?n=${(n + 1) % 3}`, Server: web.server });
};

/** 200 OK everywhere, but an HTML page (or a JPEG header) instead of a config. */
export const hostileWrongType: WebUiFactory = ({ web }) => (req, res) => {
  if ((req.url ?? '').includes('.xml')) return send(res, 200, 'image/jpeg', '\u00ff\u00d8\u00ff\u00e0 JFIF not a profile');
  send(res, 200, 'text/html', html(web.title, '<h1>Welcome</h1>'), { Server: web.server });
};
