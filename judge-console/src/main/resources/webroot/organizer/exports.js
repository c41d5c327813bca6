// Download buttons for the organizer's files (results, marks, audit, certificates): fetched with the token and
// saved through a Blob, since a plain link cannot carry the bearer token.
import { download } from './api.js';
import { t } from './i18n.js';
import { h, fill, okBox, pendingBox } from './parts.js';

export function downloadButton(label, path, fallbackName, testId) {
  const out = h('span', { class: 'inline-out' });
  const go = h('button', { type: 'button', class: 'btn', 'data-test': testId, onclick: async () => {
    go.disabled = true;
    try {
      const file = await download(path, fallbackName);
      fill(out, okBox(t('已下载 {n}（{k} KB）', 'Downloaded {n} ({k} KB)', { n: file.name, k: Math.max(1, Math.round(file.size / 1024)) }), testId + '-done'));
    } catch (e) {
      fill(out, pendingBox(e, t('该导出', 'this export')));
    } finally {
      go.disabled = false;
    }
  } }, '⤓ ' + label);
  return h('span', { class: 'download' }, go, out);
}
