// What the service platform's pages share: the sign-in with a code (kept for the tab), /api calls with the token,
// labels in zh-CN with English beside them, and server messages "中文 / English" shown whole.
import { el, callApi } from '../shared/page.js';

export { el };
export const $ = (id) => document.getElementById(id);
const KEY = 'jiangxin.service.token';

export class Refused extends Error {
  constructor(status, message, details) { super(message); this.status = status; this.details = details; }
}

export async function api(method, path, body) {
  const { response, json } = await callApi(method, path, body, sessionStorage.getItem(KEY));
  if (!response.ok) {
    if (response.status === 401) { sessionStorage.removeItem(KEY); }
    const details = (json.details || []).map((d) => d.field + '：' + d.reason).join('；');
    throw new Refused(response.status, (json.message || String(response.status)) + (details ? '（' + details + '）' : ''));
  }
  return json;
}

/** Shows the sign-in panel until a code of one of the kinds opens a session; then calls start(account). */
export async function signedIn(kinds, start) {
  const panel = $('sign-in');
  const go = async () => {
    try {
      const account = await api('GET', '/sessions/current');
      if (!kinds.includes(account.kind)) {
        throw new Refused(403, '此页面不适用于当前账号 / this page is not for this account');
      }
      panel.hidden = true;
      $('main').hidden = false;
      $('who').textContent = account.displayName;
      await start(account);
    } catch (e) {
      panel.hidden = false;
      $('main').hidden = true;
      if (sessionStorage.getItem(KEY)) { $('sign-in-error').textContent = e.message; }
    }
  };
  $('sign-in-button').addEventListener('click', async () => {
    const { response, json } = await callApi('POST', '/sessions', { code: $('code').value.trim() });
    if (!response.ok) { $('sign-in-error').textContent = json.message || '登录失败 / sign-in failed'; return; }
    sessionStorage.setItem(KEY, json.token);
    $('sign-in-error').textContent = '';
    go();
  });
  if (sessionStorage.getItem(KEY)) { await go(); } else { panel.hidden = false; }
}

export const state = (s) => el('span', { class: 'state ' + s.code }, s.label);

/** Runs an action, showing its refusal in the given node instead of losing it. */
export async function attempt(node, action) {
  node.textContent = '';
  node.className = 'error';
  try {
    await action();
  } catch (e) {
    node.textContent = e.message;
  }
}

export function field(label, input) {
  return [el('label', {}, label), input];
}
