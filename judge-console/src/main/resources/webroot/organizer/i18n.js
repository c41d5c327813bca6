// The organizer console's words: zh-CN first, English on the toggle. The language choice (jx.lang) and the reading
// of the server's bilingual "中文 / English" texts are the judge console's, so both consoles follow one setting.
import { currentLang, setLang, pick } from '../judge/i18n.js';

export { currentLang, setLang, pick };

/** The text for the current language; {name} placeholders are filled from params. */
export function t(zh, en, params = {}) {
  let text = currentLang() === 'en' ? en : zh;
  for (const [k, v] of Object.entries(params)) {
    text = text.split('{' + k + '}').join(String(v));
  }
  return text;
}

/** A timestamp as the organizer reads it, in Beijing time as the public pages and the files print it. */
export function when(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
