// What the analyst adds survives reloads: a minimal promise wrapper over IndexedDB (imported documents:
// rows of a few hundred KB each, too big for localStorage) and localStorage (labels: small, read at once).
// Both fail soft: a browser that refuses storage (private mode, quota) still works for the session.

const DB_NAME = 'yingshang-compare';
const DB_VERSION = 1;
export const IMPORTS_STORE = 'imports';
/** The analyst's labels in localStorage (labels.ts). */
export const LABELS_KEY = 'yingshang-compare.labels.v1';

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(IMPORTS_STORE)) db.createObjectStore(IMPORTS_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
  });
  return dbPromise;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  const db = await openDb();
  return db.transaction(name, mode).objectStore(name);
}

export async function idbGetAll<T>(name: string): Promise<T[]> {
  return done((await store(name, 'readonly')).getAll() as IDBRequest<T[]>);
}

export async function idbCount(name: string): Promise<number> {
  return done((await store(name, 'readonly')).count());
}

export async function idbPut(name: string, key: string, value: unknown): Promise<void> {
  await done((await store(name, 'readwrite')).put(value, key));
}

export async function idbDelete(name: string, key: string): Promise<void> {
  await done((await store(name, 'readwrite')).delete(key));
}

export function localGet<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function localSet(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (error) {
    console.warn(`cannot save ${key} in this browser:`, error);
  }
}
