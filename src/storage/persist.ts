// Asks the browser to keep this origin's IndexedDB when disk space runs low (persistent storage), so the
// planner's data is not evicted silently. Without the API (old browsers, some private modes) we say so.

export type PersistenceResult = 'granted' | 'refused' | 'unavailable';

type PersistApi = Pick<StorageManager, 'persisted' | 'persist'>;

function browserStorage(): Partial<PersistApi> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * 'granted' when storage is (or becomes) persistent, 'refused' when the browser said no, 'unavailable' when
 * the API is missing or failed. `storage` is for tests; the browser's navigator.storage by default.
 */
export async function requestPersistence(
  storage: Partial<PersistApi> | undefined = browserStorage(),
): Promise<PersistenceResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'unavailable';
  }
}
