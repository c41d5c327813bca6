// IndexedDB "jiangxin-judge" (version 1), the tablet's durable memory:
//   outbox    keyPath id (auto): one mark submission {key (Idempotency-Key), accountId, eventId, entryCode,
//             marks: [{aspectId, value}], createdAt, status PENDING | REJECTED | DISMISSED, attempts, nextAt,
//             lastFailure, error {status, code, message, details}}; index byAccount
//   drafts    keyPath id "account|event|entry": values typed but not yet submitted {values: {aspectId: text}}
//   responses keyPath id "account|path": the last good answer to a GET, for reading while offline

const NAME = 'jiangxin-judge';
let opening = null;

export function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = () => {
        const d = request.result;
        const outbox = d.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
        outbox.createIndex('byAccount', 'accountId');
        d.createObjectStore('drafts', { keyPath: 'id' });
        d.createObjectStore('responses', { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const d = request.result;
        d.onversionchange = () => d.close();
        resolve(d);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs fn(store) in one transaction and resolves once it has committed. */
export async function tx(storeName, mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const transaction = d.transaction(storeName, mode);
    let result;
    Promise.resolve(fn(transaction.objectStore(storeName))).then(r => { result = r; }, reject);
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error || new Error('transaction aborted'));
  });
}

export function get(storeName, key) {
  return tx(storeName, 'readonly', s => done(s.get(key)));
}

export function put(storeName, value) {
  return tx(storeName, 'readwrite', s => done(s.put(value)));
}

export function del(storeName, key) {
  return tx(storeName, 'readwrite', s => done(s.delete(key)));
}

export function all(storeName) {
  return tx(storeName, 'readonly', s => done(s.getAll()));
}

export function clear(storeName) {
  return tx(storeName, 'readwrite', s => done(s.clear()));
}

/** Ask the browser not to evict our storage under pressure (marks must never be lost). */
export function persist() {
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().catch(() => {});
  }
}
