// A database as an earlier release of the app left it, written in the real browser: IndexedDB version
// `version × 10` with the stores, key paths and index names Dexie created for that schema version, and rows as
// that version stored them. Used by the upgrade browser test and the storage bench.
import type { Page } from 'playwright-core';
import { SCHEMA_VERSIONS } from '../../src/storage/migrations';

/** The planner's IndexedDB database (src/storage/db.ts, DEFAULT_DB_NAME). */
export const DB_NAME = 'etp-planner';

/**
 * Creates the database at schema `version` from a same-origin page where the app does not run (its favicon),
 * then writes `rows` (store → rows) in transactions of at most `chunk` rows (putRows).
 */
export async function writeOlderVersion(
  page: Page,
  baseUrl: string,
  version: number,
  rows: Record<string, readonly object[]>,
  chunk = 5_000,
): Promise<void> {
  const stores: Record<string, string> = {};
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) Object.assign(stores, v.stores);
  await page.goto(new URL('favicon.svg', baseUrl).href);
  await page.evaluate(
    async ({ name, stores, idbVersion }) => {
      // Dexie's syntax: the first entry is the key ('++' auto-increment, '[a+b]' compound), then the indexes.
      const keyPath = (spec: string): string | string[] =>
        spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec.replace(/^\+\+/, '');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, idbVersion);
        request.onupgradeneeded = () => {
          for (const [store, schema] of Object.entries(stores)) {
            const [key, ...indexes] = schema.split(',').map((s) => s.trim());
            const created = request.result.createObjectStore(store, {
              keyPath: keyPath(key!),
              autoIncrement: key!.startsWith('++'),
            });
            for (const index of indexes) created.createIndex(index, keyPath(index));
          }
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error ?? new Error('open'));
      });
    },
    { name: DB_NAME, stores, idbVersion: version * 10 },
  );
  for (const [store, list] of Object.entries(rows)) {
    for (let from = 0; from < list.length; from += chunk) {
      await putRows(page, { [store]: list.slice(from, from + chunk) });
    }
  }
}

/** Puts `rows` (store → rows) into the database as it is, in one transaction, from a page of the app's origin. */
export async function putRows(page: Page, rows: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(
    async ({ name, json }) => {
      const byStore = JSON.parse(json) as Record<string, unknown[]>;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open'));
      });
      try {
        const tx = db.transaction(Object.keys(byStore), 'readwrite');
        for (const [store, list] of Object.entries(byStore)) {
          for (const row of list) tx.objectStore(store).put(row);
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('transaction annulée'));
        });
      } finally {
        db.close();
      }
    },
    // One JSON string: far cheaper through the DevTools protocol than objects.
    { name: DB_NAME, json: JSON.stringify(rows) },
  );
}

/** The version and the stores the database has now. */
export async function installedDatabase(page: Page): Promise<{ version: number; stores: string[] }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open'));
    });
    const result = { version: db.version, stores: [...db.objectStoreNames].sort() };
    db.close();
    return result;
  }, DB_NAME);
}
