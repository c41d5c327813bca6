// The REST API as the organizer uses it: JSON calls, file uploads, file downloads, all with the organizer's token.
// The organizer's session is kept apart from a judge's (jx.session) so one laptop can open both consoles.
import { ApiError, fetchWithin, jsonOrNull, randomId, storedSession, storeSession } from '../judge/api.js';
import { t, pick, currentLang } from './i18n.js';
import { refusalText } from '../shared/ui.js';

export { ApiError };

const SESSION_KEY = 'jx.organizer.session';
const DEVICE = 'organizer-console';
const TIMEOUT_MS = 60000;

export function session() {
  const s = storedSession(SESSION_KEY);
  return s && s.expiresAt && Date.parse(s.expiresAt) > Date.now() ? s : null;
}

export function saveSession(s) {
  storeSession(SESSION_KEY, s);
}

/** A fresh Idempotency-Key: one per intended write, so a retried click is recorded once. */
export function newKey() {
  return 'organizer-' + randomId();
}

async function send(method, path, { json, raw, type, key } = {}) {
  const headers = { 'X-Device-Id': DEVICE };
  const s = session();
  if (s) {
    headers.Authorization = 'Bearer ' + s.token;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (raw !== undefined) {
    headers['Content-Type'] = type;
    body = raw;
  }
  if (key) {
    headers['Idempotency-Key'] = key;
  }
  const response = await fetchWithin(path, { method, headers, body }, TIMEOUT_MS);
  if (!response.ok) {
    const problem = await jsonOrNull(response);
    if (response.status === 401 && s) {
      window.dispatchEvent(new CustomEvent('organizer-signed-out'));
    }
    throw new ApiError(response.status, problem, null, false);
  }
  return response;
}

async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** One JSON call; resolves with the answer's body, rejects with an ApiError carrying the server's problem. */
export async function api(method, path, body, key) {
  return json(await send(method, path, { json: body, key }));
}

/** Sends a file as the request body, with its media type (the registration import reads the bytes as they are). */
export async function upload(path, file, type) {
  return json(await send('POST', path, { raw: file, type }));
}

/** Fetches a file with the token and hands it to the browser as a download; resolves with its name and size. */
export async function download(path, fallbackName) {
  const response = await send('GET', path);
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return { name, size: blob.size, type: blob.type };
}

function fileName(disposition) {
  if (!disposition) {
    return null;
  }
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch (e) {
      return null;
    }
  }
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : null;
}

/** The server's reason in the current language, with each named field: what every error box shows. */
export function reason(error) {
  if (!(error instanceof ApiError)) {
    return { message: String(error && error.message ? error.message : error), details: [] };
  }
  if (error.network) {
    return { message: t('无法连接服务器，请检查网络后重试', 'cannot reach the server; check the network and retry'), details: [] };
  }
  const body = error.body || {};
  // The server's own sentence, else the one table's sentence for its code (shared/ui.js); never a bare code.
  const message = body.message && /[\u4e00-\u9fff]/.test(body.message) ? pick(body.message)
    : refusalText(error.status, { error: body.error }, currentLang());
  const details = Array.isArray(body.details)
    ? body.details.map(d => (d && d.field ? d.field + '：' : '') + pick(d && d.reason ? d.reason : JSON.stringify(d)))
    : [];
  return { message, details };
}
