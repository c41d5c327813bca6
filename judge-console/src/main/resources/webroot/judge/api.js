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

/** The session stored under this key as it was saved, expired or not; null when there is none or it is unreadable. */
export function storedSession(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch (e) {
    return null;
  }
}

/** Keeps the session under this key, or forgets it when there is none. */
export function storeSession(key, s) {
  if (s) {
    localStorage.setItem(key, JSON.stringify(s));
  } else {
    localStorage.removeItem(key);
  }
}

const hasExpired = s => !!(s && s.expiresAt && Date.parse(s.expiresAt) <= Date.now());

export function session() {
  const s = storedSession(SESSION_KEY);
  return hasExpired(s) ? null : s;
}

export function saveSession(s) {
  storeSession(SESSION_KEY, s);
}

/** The session even when it has expired, to tell the judge why they are signed out. */
export function expiredSession() {
  const s = storedSession(SESSION_KEY);
  return hasExpired(s) ? s : null;
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

/**
 * fetch without the HTTP cache and with a time limit; when the network fails or the time runs out it rejects with a
 * network ApiError.
 */
export async function fetchWithin(path, init, timeoutMs) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetch(path, { ...init, cache: 'no-store', signal: abort.signal });
  } catch (e) {
    throw new ApiError(0, null, null, true);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer's body as JSON; null when it is empty, unreadable or not JSON (a proxy's error page). */
export async function jsonOrNull(response) {
  const text = await response.text().catch(() => '');
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
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
  const response = await fetchWithin(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  }, TIMEOUT_MS);
  const json = await jsonOrNull(response);
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
