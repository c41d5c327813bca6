// The shared components of the plain pages (see shared/ui.css and docs/screens.md): names that truncate with a
// tooltip, toasts, a confirmation dialog, and API refusals as sentences. Plain DOM, no framework.
import { el } from './page.js';

/** A name that fits its cell: one line, an ellipsis, the whole name in the tooltip. */
export function name(text, attrs) {
  const value = text == null ? '' : String(text);
  return el('span', Object.assign({ class: 'jx-name', title: value }, attrs || {}), value);
}

/** zh-CN sentence and English for each refusal code the API answers with (docs/api.md). */
const CODES = {
  BAD_REQUEST: ['请求内容有误', 'The request is not valid'],
  MALFORMED_JSON: ['请求内容不是有效的 JSON', 'The request is not valid JSON'],
  NOT_AN_OBJECT: ['请求内容格式有误', 'The request has the wrong shape'],
  EMPTY_BODY: ['请求内容为空', 'The request is empty'],
  BODY_TOO_LARGE: ['内容太大', 'The request is too large'],
  INVALID_QUERY: ['查询条件有误', 'The query is not valid'],
  INVALID_UNICODE: ['内容含有无效字符', 'The text has invalid characters'],
  NOT_FOUND: ['找不到该记录，可能已被删除', 'Not found; it may have been removed'],
  DUPLICATE_KEY: ['已有同样的记录', 'It already exists'],
  CONFLICT: ['与当前状态冲突，请刷新后再试', 'Conflicts with the current state; reload and try again'],
  SIGN_IN_REQUIRED: ['请先登录', 'Please sign in'],
  INVALID_TOKEN: ['登录已过期，请重新登录', 'Your session has expired; please sign in again'],
  BAD_CODE: ['登录码不正确', 'The sign-in code is not right'],
  TOO_MANY_ATTEMPTS: ['尝试次数过多，请稍后再试', 'Too many attempts; try again later'],
  ROLE_NOT_ALLOWED: ['该账号无权进行此操作', 'This account may not do that'],
  NOT_YOUR_PAGE: ['只能查看本人的档案', 'You may only see your own record'],
  PRIVATE_RESULTS: ['该成绩不公开', 'These results are private'],
  PRIVATE_BOARD: ['培训考核的排名不公开', 'A training assessment has no public board'],
  IDEMPOTENCY_KEY_REQUIRED: ['请求缺少防重复标识', 'The request needs an idempotency key'],
  BAD_IDEMPOTENCY_KEY: ['防重复标识无效', 'The idempotency key is not valid'],
  METHOD_NOT_ALLOWED: ['不支持该操作', 'That operation is not supported'],
  UNSUPPORTED_MEDIA_TYPE: ['不支持该文件类型', 'That file type is not supported'],
  SERVICE_UNAVAILABLE: ['服务器暂时不可用，请稍后再试', 'The server is briefly unavailable; try again soon'],
  TIMEOUT: ['服务器响应超时，请稍后再试', 'The server took too long; try again soon'],
  INTERNAL: ['服务器出错，请联系管理员', 'The server failed; tell the administrator'],
  BAD_CERTIFICATE_CODE: ['查验码格式不正确', 'The check code is not in the right form'],
  NETWORK: ['无法连接服务器，请检查网络', 'Cannot reach the server; check the network'],
};

const STATUS = { 400: 'BAD_REQUEST', 401: 'INVALID_TOKEN', 403: 'ROLE_NOT_ALLOWED', 404: 'NOT_FOUND', 409: 'CONFLICT',
  413: 'BODY_TOO_LARGE', 429: 'TOO_MANY_ATTEMPTS', 503: 'SERVICE_UNAVAILABLE', 504: 'TIMEOUT' };

/**
 * A refusal as the user reads it, { zh, en }: the server's own "中文 / English" message when it sent one, else the
 * sentence for its code (or for the HTTP status); a code is never shown alone.
 */
export function refusal(status, json) {
  const body = json || {};
  if (body.message && /[\u4e00-\u9fff]/.test(body.message)) {
    const at = body.message.indexOf(' / ');
    return at < 0 ? { zh: body.message, en: '' } : { zh: body.message.slice(0, at), en: body.message.slice(at + 3) };
  }
  const pair = CODES[body.error] || CODES[STATUS[status]] || (status >= 500 ? CODES.INTERNAL : CODES.BAD_REQUEST);
  return { zh: pair[0], en: pair[1] };
}

/** The refusal in one language, with the field reasons the server gave. */
export function refusalText(status, json, lang) {
  const r = refusal(status, json);
  const details = ((json && json.details) || []).map((d) => {
    const why = d.reason && typeof d.reason === 'object' ? (lang === 'en' ? d.reason.en : d.reason.zh) : d.reason;
    return why || '';
  }).filter(Boolean);
  const main = lang === 'en' ? (r.en || r.zh) : r.zh;
  return main + (details.length ? (lang === 'en' ? ' (' + details.join('; ') + ')' : '（' + details.join('；') + '）') : '');
}

function toasts() {
  let box = document.querySelector('.jx-toasts');
  if (!box) {
    box = el('div', { class: 'jx-toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(box);
  }
  return box;
}

/** A toast. Errors stay until closed (a refusal read too late is no refusal); others go after six seconds. */
export function toast(text, { bad = false, closeLabel = '关闭 Close' } = {}) {
  const close = el('button', { type: 'button' }, closeLabel);
  const node = el('div', { class: 'jx-toast' + (bad ? ' bad' : ''), 'data-test': bad ? 'toast-error' : 'toast' },
    el('span', {}, text), close);
  close.addEventListener('click', () => node.remove());
  toasts().append(node);
  if (!bad) { setTimeout(() => node.remove(), 6000); }
  return node;
}

/**
 * Asks before an irreversible step. Resolves true only on the confirming button.
 * texts: { title, body, confirm, cancel }.
 */
export function confirmDialog({ title, body, confirm, cancel }) {
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button', class: 'primary', 'data-test': 'confirm-yes' }, confirm);
    const no = el('button', { type: 'button', 'data-test': 'confirm-no' }, cancel);
    const dialog = el('dialog', { class: 'jx-dialog', 'data-test': 'confirm' },
      el('h2', {}, title), el('p', {}, body), el('div', { class: 'jx-actions' }, no, yes));
    const done = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
