// The bar at the top of every screen: where you are, the way back up, the language and signing out.
import { h, clear } from '../judge/ui.js';
import { api, session, saveSession } from './api.js';
import { t, currentLang, setLang, pick } from './i18n.js';

const topbar = document.getElementById('topbar');
let rerender = () => {};

export const shell = {
  /** app.js hands over its router, so the bar can redraw the screen in the other language. */
  setRouter(route) {
    rerender = route;
  },
  title(text, back) {
    clear(topbar);
    const s = session();
    if (back && s) {
      topbar.append(h('a', { class: 'bar-btn', href: back.href, 'data-test': 'back' }, '‹ ' + back.label));
    }
    topbar.append(h('div', { class: 'brand' }, t('匠心 · 组委会控制台', 'Jiangxin · Organizer console'),
      text ? h('small', {}, text) : null));
    topbar.append(h('button', { type: 'button', class: 'bar-btn', 'data-test': 'lang', onclick: () => {
      setLang(currentLang() === 'en' ? 'zh' : 'en');
      rerender();
    } }, currentLang() === 'en' ? '中文' : 'English'));
    if (s) {
      topbar.append(h('span', { class: 'who', 'data-test': 'who' }, pick(s.account.displayName || '')),
        h('button', { type: 'button', class: 'bar-btn', 'data-test': 'sign-out', onclick: signOut }, t('退出', 'Sign out')));
    }
    document.title = (text ? text + ' · ' : '') + t('匠心组委会控制台', 'Jiangxin organizer console');
  },
};

async function signOut() {
  await api('DELETE', '/api/sessions/current').catch(() => null);
  saveSession(null);
  location.hash = '#/';
  rerender();
}
