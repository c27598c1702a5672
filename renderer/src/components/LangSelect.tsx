import type { Lang } from '../i18n.js';

/** The nl/en choice, used for the UI language and the report language. */
export function LangSelect({ name, value, onChange }: { name: string; value: Lang; onChange: (l: Lang) => void }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value as Lang)}>
      <option value="en">English</option>
      <option value="nl">Nederlands</option>
    </select>
  );
}
