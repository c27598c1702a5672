import type { Lang } from '../i18n.js';
import { uiT } from '../i18n.js';
import { errorText, type UiError } from '../model/errors.js';

/** An engine error, translated from its code (never the engine's English sentence unless no text exists). */
export function ErrorLine({ error, lang }: { error: UiError; lang: Lang }) {
  return <p className="error" role="alert" data-code={error.code}>{uiT(lang)('error')}: {errorText(error, lang)}</p>;
}
