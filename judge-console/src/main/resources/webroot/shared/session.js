// One sign-in across the organizer console, the ladder page and the worker page. The session is the answer of
// POST /api/sessions ({token, expiresAt, account}) kept in localStorage until it expires, so it outlives the tab and
// a browser restart. An organizer's lives under the organizer console's own key (organizer/api.js SESSION_KEY),
// so signing in to any of the three signs in to all; a worker's (it may not open the organizer's apps) under its own.
// Signing out anywhere forgets both and ends the session on the server; other open tabs follow by the storage event.
import { callApi } from './page.js';

export const ORGANIZER_KEY = 'jx.organizer.session';
export const WORKER_KEY = 'jx.worker.session';

function read(key) {
  try {
    const s = JSON.parse(localStorage.getItem(key) || 'null');
    return s && s.token && (!s.expiresAt || Date.parse(s.expiresAt) > Date.now()) ? s : null;
  } catch (e) {
    return null;
  }
}

/** The live session: an organizer's first, else a worker's; null when signed out or expired. */
export function currentSession({ organizerOnly = false } = {}) {
  return read(ORGANIZER_KEY) || (organizerOnly ? null : read(WORKER_KEY));
}

export function token(options) {
  const s = currentSession(options);
  return s ? s.token : null;
}

/** Signs in with a code; resolves with the session, or rejects with {status, json} as the server refused. */
export async function signIn(code, device) {
  const { response, json } = await callApi('POST', '/sessions', { code, device });
  if (!response.ok) { throw { status: response.status, json }; }
  const key = json.account && json.account.kind === 'ORGANIZER' ? ORGANIZER_KEY : WORKER_KEY;
  localStorage.setItem(key, JSON.stringify(json));
  return json;
}

/** Forgets the stored sessions (after a 401, say) without asking the server. */
export function forget() {
  localStorage.removeItem(ORGANIZER_KEY);
  localStorage.removeItem(WORKER_KEY);
}

/** Ends the session on the server and forgets it here, in every app of this browser. */
export async function signOut() {
  const t = token();
  forget();
  if (t) { await callApi('DELETE', '/sessions/current', null, t).catch(() => null); }
}

/** Calls back when another tab signs in or out. */
export function onSessionChange(callback) {
  window.addEventListener('storage', (e) => {
    if (e.key === ORGANIZER_KEY || e.key === WORKER_KEY || e.key === null) { callback(currentSession()); }
  });
}
