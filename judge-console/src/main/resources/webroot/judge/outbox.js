// The outbox: every mark submission is written to IndexedDB first, then sent. Each item keeps the
// Idempotency-Key it was created with, so a retry after a lost answer is recorded once by the server.
// Items are sent one at a time in the order they were made (a correction never overtakes the mark it corrects).
// Transient failures (network, timeout, 429, 5xx/503) are retried with exponential back-off capped at 30 s,
// or after Retry-After; an `online` event, waking the tablet or "send now" retries at once. A refusal (400, 403,
// 404, 409, 422) marks the item REJECTED with the server's reason; it stays on screen until the judge dismisses it.
import { ApiError, request, randomId, session } from './api.js';
import { tx, all, put, get } from './store.js';

export const BACKOFF_START_MS = 1000;
export const BACKOFF_CAP_MS = 30000;

const listeners = new Set();
let timer = null;
let flushing = null;
let authPaused = false;

export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function changed(detail = {}) {
  for (const fn of listeners) {
    try {
      fn(detail);
    } catch (e) {
      console.error(e);
    }
  }
}

function accountId() {
  const s = session();
  return s && s.account ? s.account.id : null;
}

export function isAuthPaused() {
  return authPaused;
}

export function resumeAuth() {
  authPaused = false;
}

/** Every item of the signed-in account, oldest first. */
export async function items() {
  const me = accountId();
  const list = await all('outbox');
  return list.filter(i => i.accountId === me).sort((a, b) => a.id - b.id);
}

export async function counts() {
  const me = accountId();
  const list = await all('outbox');
  let pending = 0;
  let rejected = 0;
  let pendingMarks = 0;
  let otherAccounts = 0;
  for (const i of list) {
    if (i.accountId !== me) {
      if (i.status === 'PENDING') {
        otherAccounts += i.marks.length;
      }
    } else if (i.status === 'PENDING') {
      pending++;
      pendingMarks += i.marks.length;
    } else if (i.status === 'REJECTED') {
      rejected += i.marks.length;
    }
  }
  return { pending, pendingMarks, rejected, otherAccounts };
}

/** Keeps a submission durably, then starts sending it. Resolves with the stored item. */
export async function enqueue(eventId, entryCode, marks) {
  const item = {
    key: randomId(), accountId: accountId(), eventId, entryCode, marks, createdAt: Date.now(),
    status: 'PENDING', attempts: 0, nextAt: 0, lastFailure: null, error: null,
  };
  item.id = await put('outbox', item);
  changed({ type: 'queued', item });
  flush();
  return item;
}

export async function dismiss(id) {
  const item = await get('outbox', id);
  if (item && item.status === 'REJECTED') {
    item.status = 'DISMISSED';
    item.dismissedAt = Date.now();
    await put('outbox', item);
    changed({ type: 'dismissed', item });
  }
}

/** Retry everything now: on `online`, on waking up, or when the judge asks. */
export function retryNow() {
  authPaused = false;
  return tx('outbox', 'readwrite', store => new Promise((resolve, reject) => {
    const cursor = store.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) {
        resolve();
        return;
      }
      if (c.value.status === 'PENDING' && c.value.nextAt > Date.now()) {
        c.update({ ...c.value, nextAt: 0 });
      }
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  })).then(() => flush());
}

export function delayFor(attempts, retryAfterSeconds) {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(base * (0.8 + Math.random() * 0.4));
  const wait = Math.min(BACKOFF_CAP_MS, jittered);
  return retryAfterSeconds ? Math.max(wait, Math.min(60000, retryAfterSeconds * 1000)) : wait;
}

function schedule(at) {
  clearTimeout(timer);
  timer = setTimeout(() => flush(), Math.max(0, at - Date.now()));
}

/** Sends what is due, one item at a time. Safe to call often; one flush runs at a time per tab. */
export function flush() {
  if (flushing) {
    flushing.again = true;
    return flushing.promise;
  }
  const run = { again: false };
  run.promise = (async () => {
    try {
      do {
        run.again = false;
        const locks = navigator.locks;
        if (locks && locks.request) {
          await locks.request('jiangxin-outbox', () => sendDue());
        } else {
          await sendDue();
        }
      } while (run.again);
    } finally {
      flushing = null;
    }
  })();
  flushing = run;
  return run.promise;
}

async function sendDue() {
  if (!accountId() || authPaused) {
    return;
  }
  for (;;) {
    const pending = (await items()).filter(i => i.status === 'PENDING');
    if (pending.length === 0) {
      clearTimeout(timer);
      return;
    }
    const head = pending[0];
    if (head.nextAt > Date.now()) {
      schedule(head.nextAt);
      return;
    }
    changed({ type: 'sending', item: head });
    let outcome;
    try {
      const body = await request('POST', `/api/events/${head.eventId}/sheets/${encodeURIComponent(head.entryCode)}/marks`,
        { body: { marks: head.marks }, key: head.key });
      outcome = { ok: true, body };
    } catch (e) {
      outcome = { ok: false, error: e instanceof ApiError ? e : new ApiError(0, null, null, true) };
    }
    const fresh = await get('outbox', head.id);
    if (!fresh || fresh.status !== 'PENDING') {
      continue;
    }
    if (outcome.ok) {
      await tx('outbox', 'readwrite', s => s.delete(head.id));
      changed({ type: 'sent', item: head, result: outcome.body });
      continue;
    }
    const e = outcome.error;
    if (e.status === 401) {
      authPaused = true;
      fresh.lastFailure = e.body ? e.body.message : 'HTTP 401';
      await put('outbox', fresh);
      changed({ type: 'auth', item: fresh });
      return;
    }
    if (e.transient) {
      fresh.attempts += 1;
      fresh.nextAt = Date.now() + delayFor(fresh.attempts, e.retryAfter);
      fresh.lastFailure = e.network ? null : (e.body && e.body.message) || 'HTTP ' + e.status;
      fresh.lastStatus = e.status;
      await put('outbox', fresh);
      changed({ type: 'retry', item: fresh });
      schedule(fresh.nextAt);
      return;
    }
    fresh.status = 'REJECTED';
    fresh.attempts += 1;
    fresh.rejectedAt = Date.now();
    fresh.error = { status: e.status, code: e.code, message: e.body ? e.body.message : e.message,
      details: e.body && e.body.details ? e.body.details : [] };
    await put('outbox', fresh);
    changed({ type: 'rejected', item: fresh });
  }
}

/** The reason a rejected item gives for one of its aspects: the field's own reason when named, else the message. */
export function reasonFor(item, aspectId) {
  if (!item.error) {
    return '';
  }
  const index = item.marks.findIndex(m => m.aspectId === aspectId);
  const own = (item.error.details || []).find(d => d.field && d.field.startsWith(`marks[${index}]`));
  return own ? own.reason : item.error.message;
}

export function start() {
  window.addEventListener('online', () => retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      retryNow();
    }
  });
  window.addEventListener('pageshow', () => flush());
  setInterval(() => flush(), 15000);
  flush();
}
