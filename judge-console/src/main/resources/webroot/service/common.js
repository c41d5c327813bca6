// What the service platform's pages share: the sign-in with a code (kept for the tab), /api calls with the token,
// labels in zh-CN with English beside them, and server messages "中文 / English" shown whole.
import { el, callApi } from '../shared/page.js';

export { el };
export const $ = (id) => document.getElementById(id);
const KEY = 'jiangxin.service.token';

export class Refused extends Error {
  constructor(status, message, details) { super(message); this.status = status; this.details = details; }
}

export async function api(method, path, body, headers) {
  const { response, json } = await callApi(method, path, body, sessionStorage.getItem(KEY), headers);
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

// ---------------------------------------------------------------- uploads (photos, drawings)

const TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };
export const MAX_BYTES = 10 * 1024 * 1024;

/** A key for one write a phone may retry: the same key until the write is answered. */
export function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2));
}

/** Refuses here what the server would refuse anyway, so a phone does not send 10 MB for nothing. */
export function fileRefusal(file) {
  if (!TYPES[file.type]) {
    return '只接受 JPEG、PNG 照片或 PDF 图纸 / only JPEG or PNG photos and PDF drawings（' + (file.type || '未知类型 unknown type') + '）';
  }
  if (file.size > MAX_BYTES) { return '文件超过 10 MB / the file is larger than 10 MB'; }
  if (file.size === 0) { return '文件为空 / the file is empty'; }
  return null;
}

export const size = (bytes) => (bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + ' MB'
  : Math.max(1, Math.round(bytes / 1024)) + ' KB');

/**
 * Sends one file as the raw body (XMLHttpRequest, since fetch reports no upload progress), calling
 * progress(0..1); resolves with the stored file or rejects with the server's "中文 / English" reason.
 */
export function upload(path, file, progress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api' + path + '?fileName=' + encodeURIComponent(file.name || 'photo.jpg'));
    const token = sessionStorage.getItem(KEY);
    if (token) { xhr.setRequestHeader('Authorization', 'Bearer ' + token); }
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) { progress(e.loaded / e.total); } };
    xhr.onload = () => {
      let json = {};
      try { json = JSON.parse(xhr.responseText); } catch (e) { /* answered below */ }
      if (xhr.status === 201) { progress(1); resolve(json); return; }
      reject(new Refused(xhr.status, json.message || '上传失败 / upload failed (' + xhr.status + ')'));
    };
    xhr.onerror = () => reject(new Refused(0, '网络中断，请重试 / the network failed; try again'));
    xhr.send(file);
  });
}

/** One file's line: its name and size, a progress bar, then ✓ or the reason it was refused. */
export function fileLine(file) {
  const bar = el('progress', { max: '1', value: '0' });
  const status = el('span', { class: 'muted' }, '等待上传 waiting');
  const line = el('li', { class: 'file' }, el('span', { class: 'name' }, file.name || 'photo.jpg'), ' ',
    el('span', { class: 'muted' }, size(file.size)), bar, status);
  return {
    line,
    progress: (p) => { bar.value = p; status.className = 'muted'; status.textContent = Math.round(p * 100) + '%'; },
    done: () => { bar.value = 1; status.className = 'ok'; status.textContent = '✓ 已上传 uploaded'; },
    failed: (message) => { status.className = 'error'; status.textContent = message; line.classList.add('refused'); },
  };
}
