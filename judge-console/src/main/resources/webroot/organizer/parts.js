// The console's building blocks: sections that load on their own, labelled fields, error boxes that give the
// server's reason, and buttons that show what their action did.
import { h, fill } from '../judge/ui.js';
import { ApiError, reason } from './api.js';
import { t } from './i18n.js';

export { h, fill };

/** A red box with the server's reason and every field it names. */
export function errorBox(error, testId = 'error') {
  const { message, details } = reason(error);
  return h('div', { class: 'notice bad', role: 'alert', 'data-test': testId },
    h('strong', {}, t('出错：', 'Failed: ')), message,
    details.length ? h('ul', {}, details.map(d => h('li', {}, d))) : null);
}

/**
 * For publication, exports and certificates: every current server has them, but an older one answers 404 for a
 * known event, which is said plainly ("not offered by this server") instead of "no such resource".
 */
export function pendingBox(error, what) {
  if (error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND') {
    return h('div', { class: 'notice warn', 'data-test': 'not-available' },
      t('本服务器尚未提供{w}功能（404）。', 'This server does not offer {w} yet (404).', { w: what }));
  }
  return errorBox(error);
}

/** Tells the page that the server's state changed, so summaries elsewhere on it (readiness, progress) reload. */
export function announce(el) {
  el.dispatchEvent(new CustomEvent('changed', { bubbles: true }));
}

export function okBox(text, testId = 'ok') {
  return h('div', { class: 'notice ok', role: 'status', 'data-test': testId }, text);
}

/** A titled section whose body loads by itself: a failure there is shown there and leaves the rest working. */
export function section(title, testId, load) {
  const body = h('div', { class: 'section-body' }, h('p', { class: 'muted' }, t('加载中…', 'Loading…')));
  const el = h('section', { class: 'card', 'data-test': testId }, h('h2', {}, title), body);
  const reload = async () => {
    try {
      await load(body, reload);
    } catch (e) {
      fill(body, errorBox(e, 'load-error'));
    }
  };
  el.reload = reload;
  reload();
  return el;
}

/** A label over its input. */
export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', {}, label), input, hint ? h('small', { class: 'muted' }, hint) : null);
}

/**
 * Runs an action from a button: the button waits while it runs, and `out` shows what came back (the action's
 * own element or text) or the error with its reason. Resolves with the action's result, or null when it failed.
 */
export async function run(button, out, action) {
  button.disabled = true;
  fill(out, h('span', { class: 'muted' }, t('处理中…', 'Working…')));
  try {
    const result = await action();
    return result === undefined ? true : result;
  } catch (e) {
    fill(out, errorBox(e));
    return null;
  } finally {
    button.disabled = false;
  }
}

export function button(label, testId, onclick, cls = '') {
  return h('button', { type: 'button', class: 'btn ' + cls, 'data-test': testId, onclick }, label);
}

/** A plain table: headers, then rows {attrs, cells} whose cells are values or elements. */
export function table(headers, rows, testId) {
  return h('div', { class: 'table-wrap jx-table-wrap' }, h('table', { class: 'grid', 'data-test': testId },
    h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
    h('tbody', {}, rows.map(r => h('tr', r.attrs || {}, r.cells.map(c => h('td', {}, c)))))));
}
