// The judge console: start-up, session, routing and the bar at the top of every screen.
import { t, setLang, currentLang, pick, clock } from './i18n.js';
import { ApiError, request, session, saveSession, expiredSession, deviceId } from './api.js';
import * as outbox from './outbox.js';
import { h, clear, fill, confirmDialog, closeModal } from './ui.js';
import { persist, clear as clearStore } from './store.js';
import { renderEvents, renderEvent } from './entries.js';
import { renderSheet } from './sheet.js';
import { renderHeadSheet } from './head.js';

const view = document.getElementById('view');
const topbar = document.getElementById('topbar');
let cleanup = null;
let chrome = { title: '', subtitle: '', back: null };
let notice = null;

/** What every screen gets: a way to set the bar's title and back link, and to report an expired session. */
export const shell = {
  setTitle(title, subtitle, back) {
    chrome = { title, subtitle: subtitle || '', back: back || null };
    renderTopbar();
  },
  sessionExpired() {
    const s = session();
    if (s) {
      localStorage.setItem('jx.expiredAccount', JSON.stringify(s.account || null));
    }
    saveSession(null);
    notice = t('sessionExpired');
    route();
  },
  /** Handles an error a screen could not: 401 signs out, anything else is shown in place. */
  failed(error, where) {
    if (error instanceof ApiError && error.status === 401) {
      shell.sessionExpired();
      return;
    }
    const message = error instanceof ApiError ? (error.network ? t('networkError') : pick(error.message)) : String(error);
    fill(where || view, h('div', { class: 'notice bad', 'data-test': 'load-error' }, t('loadFailed', { m: message })),
      h('button', { class: 'btn', type: 'button', onclick: () => route() }, t('retry')));
  },
  refreshTopbar() {
    renderTopbar();
  },
};

async function renderTopbar() {
  const s = session();
  const c = s ? await outbox.counts().catch(() => ({ pending: 0, pendingMarks: 0, rejected: 0 })) : null;
  clear(topbar);
  if (chrome.back && s) {
    topbar.append(h('button', { type: 'button', 'data-test': 'back', onclick: () => { location.hash = chrome.back; } }, '‹ ' + t('back')));
  }
  topbar.append(h('div', { class: 'brand' }, chrome.title || t('appName'), chrome.subtitle ? h('small', {}, chrome.subtitle) : null));
  const onlineNow = navigator.onLine;
  topbar.append(h('span', { class: 'chip net' + (onlineNow ? '' : ' off'), 'data-test': 'net', role: 'status' },
    onlineNow ? t('online') : t('offline')));
  if (s && c) {
    const label = c.rejected > 0 && c.pendingMarks === 0 ? t('rejectedCount', { n: c.rejected })
      : c.pendingMarks > 0 ? t('waiting', { n: c.pendingMarks }) : t('allSent');
    topbar.append(h('button', {
      type: 'button', class: 'outbox-btn' + (c.pendingMarks > 0 ? ' has-pending' : '') + (c.rejected > 0 ? ' has-rejected' : ''),
      'data-test': 'outbox-count', 'data-pending': String(c.pendingMarks), 'data-rejected': String(c.rejected),
      'aria-live': 'polite', onclick: () => { location.hash = '#/outbox'; },
    }, label));
  }
  topbar.append(h('button', { type: 'button', 'data-test': 'lang', lang: currentLang() === 'en' ? 'zh-CN' : 'en',
    onclick: () => { setLang(currentLang() === 'en' ? 'zh' : 'en'); route(); } }, t('lang')));
  if (s) {
    topbar.append(h('button', { type: 'button', 'data-test': 'sign-out', onclick: signOut }, t('signOut')));
  }
}

async function signOut() {
  const c = await outbox.counts();
  if (c.pendingMarks > 0 && !(await confirmDialog(t('signOut'), t('signOutPending', { n: c.pendingMarks }), t('signOutConfirm'), { danger: true }))) {
    return;
  }
  request('DELETE', '/api/sessions/current').catch(() => {});
  saveSession(null);
  await clearStore('responses').catch(() => {});
  location.hash = '#/';
  route();
}

function renderSignIn() {
  shell.setTitle(t('appName'));
  const expired = notice;
  notice = null;
  const input = h('input', { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    enterkeyhint: 'go', 'data-test': 'code', 'aria-describedby': 'signin-hint' });
  const message = h('div', { 'aria-live': 'assertive' });
  const button = h('button', { class: 'btn primary', type: 'submit', 'data-test': 'sign-in' }, t('signIn'));
  const form = h('form', { class: 'signin', 'data-test': 'signin-form', onsubmit: async e => {
    e.preventDefault();
    const code = input.value.trim();
    clear(message);
    if (!code) {
      message.append(h('div', { class: 'notice bad' }, t('needCode')));
      return;
    }
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      const opened = await request('POST', '/api/sessions', { body: { code, device: deviceId() }, token: null });
      saveSession({ token: opened.token, expiresAt: opened.expiresAt, account: opened.account });
      localStorage.removeItem('jx.expiredAccount');
      outbox.resumeAuth();
      outbox.flush();
      location.hash = '#/';
      route();
    } catch (err) {
      const text = err instanceof ApiError && err.network ? t('offlineSignIn') : pick(err.message);
      message.append(h('div', { class: 'notice bad', 'data-test': 'signin-error' }, text));
      button.disabled = false;
      button.textContent = t('signIn');
    }
  } },
  h('h1', {}, t('signInTitle')),
  expired ? h('div', { class: 'notice warn', 'data-test': 'expired' }, expired) : null,
  h('label', { for: 'code' }, t('signInCode')), input,
  h('p', { id: 'signin-hint' }, t('signInHint')), message, button);
  fill(view, form);
  outbox.counts().then(c => {
    if (c.otherAccounts > 0) {
      form.append(h('div', { class: 'notice warn' }, t('otherAccountPending', { n: c.otherAccounts })));
    }
  });
  input.focus();
}

/** The QR path: /judge/index.html#token=… or ?token=… opens a session without typing a code. */
async function takeTokenFromUrl() {
  const fromHash = /^#token=([^&]+)/.exec(location.hash);
  const fromQuery = new URLSearchParams(location.search).get('token');
  const token = fromHash ? decodeURIComponent(fromHash[1]) : fromQuery;
  if (!token) {
    return;
  }
  history.replaceState(null, '', location.pathname + (fromHash || !location.hash ? '#/' : location.hash));
  try {
    const account = await request('GET', '/api/sessions/current', { token });
    saveSession({ token, expiresAt: null, account });
  } catch (e) {
    notice = e instanceof ApiError && e.network ? t('offlineSignIn') : pick(e.message);
  }
}

function route() {
  closeModal();
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      console.error(e);
    }
    cleanup = null;
  }
  view.scrollTop = 0;
  window.scrollTo(0, 0);
  const s = session();
  if (!s) {
    if (!notice && expiredSession()) {
      notice = t('sessionExpired');
    }
    renderSignIn();
    return;
  }
  const hash = location.hash || '#/';
  let m;
  let result;
  if ((m = /^#\/e\/(\d+)\/s\/([^/]+)$/.exec(hash))) {
    result = renderSheet(view, shell, Number(m[1]), decodeURIComponent(m[2]));
  } else if ((m = /^#\/e\/(\d+)\/m\/([^/]+)$/.exec(hash))) {
    result = renderHeadSheet(view, shell, Number(m[1]), decodeURIComponent(m[2]));
  } else if ((m = /^#\/e\/(\d+)$/.exec(hash))) {
    result = renderEvent(view, shell, Number(m[1]));
  } else if (hash === '#/outbox') {
    result = renderOutbox();
  } else {
    result = renderEvents(view, shell);
  }
  Promise.resolve(result).then(fn => {
    if (typeof fn === 'function') {
      cleanup = fn;
    }
  }, e => shell.failed(e));
  renderTopbar();
}

function renderOutbox() {
  shell.setTitle(t('outboxTitle'), '', '#/');
  const list = h('div', { 'data-test': 'outbox-list' });
  fill(view, h('h1', {}, t('outboxTitle')), list);
  let tick = null;
  const draw = async () => {
    const items = (await outbox.items()).filter(i => i.status !== 'DISMISSED');
    clear(list);
    if (outbox.isAuthPaused()) {
      list.append(h('div', { class: 'notice bad' }, t('authPaused')));
    }
    if (items.length === 0) {
      list.append(h('p', { class: 'empty' }, t('outboxEmpty')));
      return;
    }
    if (items.some(i => i.status === 'PENDING')) {
      list.append(h('div', { class: 'row' }, h('button', { class: 'btn primary', type: 'button', 'data-test': 'send-now',
        onclick: () => outbox.retryNow() }, t('sendNow')), h('span', {}, t('queuedNote'))));
    }
    for (const item of items) {
      const wait = Math.max(0, Math.ceil((item.nextAt - Date.now()) / 1000));
      list.append(h('div', { class: 'outbox-item ' + item.status, 'data-test': 'outbox-item', 'data-status': item.status },
        h('div', { class: 'row' },
          h('strong', {}, t('entry') + ' ' + item.entryCode),
          h('span', { class: 'badge ' + (item.status === 'REJECTED' ? 'bad' : 'wait') }, item.status === 'REJECTED' ? t('statusRejected') : t('statusPending')),
          h('span', {}, t('queuedAt', { t: clock(item.createdAt) }))),
        h('div', { class: 'marks' }, item.marks.map(mk => `${mk.aspectId} = ${mk.value}`).join(' · ')),
        item.status === 'PENDING' ? h('div', {}, t('attempts', { n: item.attempts }),
          item.attempts > 0 ? ' · ' + (wait > 0 ? t('nextTry', { s: wait }) : t('sendingNow')) : '',
          item.attempts > 0 ? ' · ' + t('lastError', { m: item.lastFailure ? pick(item.lastFailure) : t('networkError') }) : '') : null,
        item.status === 'REJECTED' ? h('div', { class: 'notice bad', 'data-test': 'rejection-reason' }, pick(item.error.message),
          (item.error.details || []).map(d => h('div', {}, `${d.field}: ${pick(d.reason)}`))) : null,
        h('div', { class: 'row' },
          h('a', { class: 'btn quiet', href: `#/e/${item.eventId}/s/${encodeURIComponent(item.entryCode)}` }, t('openSheet')),
          item.status === 'REJECTED' ? h('button', { class: 'btn', type: 'button', 'data-test': 'dismiss',
            onclick: () => outbox.dismiss(item.id) }, t('dismiss')) : null)));
    }
  };
  draw();
  const off = outbox.onChange(draw);
  tick = setInterval(draw, 1000);
  return () => {
    off();
    clearInterval(tick);
  };
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) {
    document.documentElement.dataset.sw = 'unsupported';
    return;
  }
  navigator.serviceWorker.register('sw.js', { scope: './' }).then(() => navigator.serviceWorker.ready).then(() => {
    const mark = () => {
      document.documentElement.dataset.sw = navigator.serviceWorker.controller ? 'controlling' : 'ready';
    };
    mark();
    navigator.serviceWorker.addEventListener('controllerchange', mark);
  }).catch(() => {
    document.documentElement.dataset.sw = 'failed';
  });
}

async function boot() {
  registerServiceWorker();
  persist();
  await takeTokenFromUrl();
  outbox.onChange(event => {
    renderTopbar();
    if (event.type === 'auth') {
      shell.sessionExpired();
    }
  });
  window.addEventListener('online', renderTopbar);
  window.addEventListener('offline', renderTopbar);
  window.addEventListener('hashchange', route);
  outbox.start();
  route();
  document.documentElement.dataset.ready = 'true';
}

boot();
