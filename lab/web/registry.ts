// Web UIs served by farm phones, pluggable per persona.
//
// Interface for whoever adds a vendor web UI (e.g. backed by config fixtures):
//   1. write a factory `(opts: WebUiOptions) => (req, res) => void` in its own
//      file under lab/web/ (one vendor per file);
//   2. add it to `webUis` under an id;
//   3. point a persona's `web.ui` (lab/personas.ts) at that id.
// The factory runs once per phone and web port inside the farm process (its
// own namespace, Node only, no lab imports that spawn processes). The handler
// must never throw; it answers every request itself. `opts.phone` is the
// phone's spec (ip, mac, persona, userAgent) for pages that show it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FarmPhoneSpec } from '../farm/spec.js';
import { genericLogin } from './generic-login.js';
import { ciscoSpa } from './cisco.js';
import { snom } from './snom.js';
import { polycom } from './polycom.js';
import { yealink } from './yealink.js';
import { grandstream } from './grandstream.js';
import { fanvil } from './fanvil.js';
import { hostileHuge, hostileSlow, hostileRedirectLoop, hostileWrongType } from './hostile.js';

export interface WebUiOptions {
  phone: FarmPhoneSpec;
  web: FarmPhoneSpec['web'][number];
}

export type WebHandler = (req: IncomingMessage, res: ServerResponse) => void;
export type WebUiFactory = (opts: WebUiOptions) => WebHandler;

export const webUis: Record<string, WebUiFactory> = {
  'generic-login': genericLogin,
  'cisco-spa': ciscoSpa,
  'snom': snom,
  'polycom': polycom,
  'yealink': yealink,
  'grandstream': grandstream,
  'fanvil': fanvil,
  'hostile-huge': hostileHuge, 'hostile-slow': hostileSlow, 'hostile-redirect-loop': hostileRedirectLoop, 'hostile-wrong-type': hostileWrongType,
};

export function webUi(id: string): WebUiFactory {
  return webUis[id] ?? genericLogin;
}
