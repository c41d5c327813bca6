// The server's REST API, with the session's bearer token, a device id, time limits and uniform errors.
import { get as idbGet, put as idbPut } from './store.js';

const SESSION_KEY = 'jx.session';
const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(status, body, retryAfter, network) {
    super(body && body.message ? body.message : (network ? 'network' : 'HTTP ' + status));
    this.status = status;
    this.code = body && body.error ? body.error : (network ? 'NETWORK' : 'HTTP_' + status);
    this.body = body || null;
    this.retryAfter = retryAfter;
    this.network = !!network;
  }

  /** Worth trying again later: the network, timeouts, rate limits and a server that is briefly unavailable. */
  get transient() {
    return this.network || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export function session() {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
    if (s && s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) {
      return null;
    }
    return s;
  } catch (e) {
    return null;
  }
}

export function saveSession(s) {
  if (s) {
    localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  } else {
    localStorage.removeItem(SESSION_KEY);
  }
}

/** The session even when it has expired, to tell the judge why they are signed out. */
export function expiredSession() {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
    return s && s.expiresAt && Date.parse(s.expiresAt) <= Date.now() ? s : null;
  } catch (e) {
    return null;
  }
}

export function randomId() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function deviceId() {
  let id = localStorage.getItem('jx.device');
  if (!id) {
    id = 'tablet-' + randomId().slice(0, 8);
    localStorage.setItem('jx.device', id);
  }
  return id;
}

/** One request; resolves with the parsed body, rejects with an ApiError. */
export async function request(method, path, { body, key, token } = {}) {
  const headers = { 'X-Device-Id': deviceId() };
  const bearer = token !== undefined ? token : (session() || {}).token;
  if (bearer) {
    headers.Authorization = 'Bearer ' + bearer;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (key) {
    headers['Idempotency-Key'] = key;
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', signal: abort.signal,
    });
  } catch (e) {
    throw new ApiError(0, null, null, true);
  } finally {
    clearTimeout(timer);
  }
  let json = null;
  const text = await response.text().catch(() => '');
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After'));
    throw new ApiError(response.status, json, Number.isFinite(retry) && retry > 0 ? retry : null, false);
  }
  return json;
}

/**
 * A GET whose last good answer is kept per account in IndexedDB: when the network or the server is down, the
 * kept answer is returned with stale = the time it was saved.
 */
export async function cachedGet(path) {
  const s = session();
  const id = (s && s.account ? s.account.id : 'anon') + '|' + path;
  try {
    const data = await request('GET', path);
    idbPut('responses', { id, data, at: Date.now() }).catch(() => {});
    return { data, stale: null };
  } catch (e) {
    if (e instanceof ApiError && e.transient) {
      const kept = await idbGet('responses', id).catch(() => null);
      if (kept) {
        return { data: kept.data, stale: kept.at, error: e };
      }
    }
    throw e;
  }
}
