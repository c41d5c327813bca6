// The organizer console: sign-in, the bar at the top, and the routes #/ (contests), #/contests/ID, #/events/ID.
import { h, fill, closeModal } from '../judge/ui.js';
import { api, session, saveSession } from './api.js';
import { t } from './i18n.js';
import { errorBox } from './parts.js';
import { shell } from './shell.js';
import { renderContests } from './contests.js';
import { renderContest } from './contest.js';
import { renderEvent } from './event.js';
import { renderInnovation, linkInnovation } from './innovation.js';

const view = document.getElementById('view');
let notice = null;

function renderSignIn() {
  shell.title(t('登录', 'Sign in'));
  const code = h('input', { type: 'password', autocomplete: 'off', 'data-test': 'code', id: 'code' });
  const out = h('div', {});
  const submit = async e => {
    e.preventDefault();
    const value = code.value.trim();
    if (!value) {
      fill(out, h('div', { class: 'notice bad', 'data-test': 'signin-error' }, t('请输入登录码', 'Enter your sign-in code')));
      return;
    }
    try {
      const opened = await api('POST', '/api/sessions', { code: value, device: 'organizer-console' });
      if (opened.account.kind !== 'ORGANIZER') {
        await fetch('/api/sessions/current', { method: 'DELETE', headers: { Authorization: 'Bearer ' + opened.token } }).catch(() => null);
        fill(out, h('div', { class: 'notice bad', 'data-test': 'signin-error' },
          t('这不是组委会的登录码。裁判请使用裁判控制台。', 'This is not an organizer code. Judges use the judge console.')));
        return;
      }
      saveSession(opened);
      notice = null;
      route();
    } catch (err) {
      fill(out, errorBox(err, 'signin-error'));
    }
  };
  fill(view, h('form', { class: 'signin card', onsubmit: submit },
    h('h1', {}, t('组委会登录', 'Organizer sign-in')),
    notice ? h('div', { class: 'notice warn', 'data-test': 'notice' }, notice) : null,
    h('label', { for: 'code' }, t('组委会登录码', 'Organizer sign-in code')), code,
    h('p', { class: 'muted' }, t('服务器首次启动时在日志中给出组委会登录码，也可用 --organizer-code 设置。',
      'The server logs the organizer code at its first start, or sets it with --organizer-code.')),
    h('button', { type: 'submit', class: 'btn primary', 'data-test': 'sign-in' }, t('登录', 'Sign in')), out));
  code.focus();
}

function route() {
  closeModal();
  const s = session();
  if (!s) {
    renderSignIn();
  } else {
    const path = (location.hash || '#/').slice(1);
    const contest = path.match(/^\/contests\/(\d+)$/);
    const event = path.match(/^\/events\/(\d+)$/);
    const innovation = path.match(/^\/events\/(\d+)\/innovation$/);
    if (contest) {
      renderContest(view, Number(contest[1]));
    } else if (innovation) {
      renderInnovation(view, Number(innovation[1]));
    } else if (event) {
      renderEvent(view, Number(event[1])).then(() => linkInnovation(view, Number(event[1])));
    } else {
      renderContests(view);
    }
  }
  view.scrollTop = 0;
  window.scrollTo(0, 0);
  document.documentElement.dataset.ready = 'true';
}

shell.setRouter(route);
window.addEventListener('hashchange', route);
// One sign-in (shared/session.js): a sign-in or sign-out on the ladder or worker page takes effect here at once.
window.addEventListener('storage', e => { if (e.key === 'jx.organizer.session' || e.key === null) route(); });
window.addEventListener('organizer-signed-out', () => {
  saveSession(null);
  notice = t('登录已过期或被撤销，请重新登录。', 'Your session expired or was revoked; sign in again.');
  route();
});
route();
