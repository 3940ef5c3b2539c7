// A schema upgrade in the real browser loses nothing: a database as the previous release (schema version 2, one
// row per position) stored it is opened by this build, which packs the records in buckets (version 3). The
// scenario, its figures, the undo stack and the settings are there, and the first edit after the upgrade is stored
// and survives a restart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../src/storage/migrations';
import { V2_ROWS } from '../storage/fixtures/v2-rows';
import { openApp } from './browser';
import { cellText, summaryCents, typeInCell, waitUntilSaved } from './grid';

const DB_NAME = 'etp-planner';
const view = { width: 1900, height: 1000 };

/**
 * Creates the database exactly as Dexie created version 2 (IndexedDB version 20, the same stores, key paths and
 * index names) and writes the frozen version-2 rows, from a same-origin page where the app does not run.
 */
async function writeVersion2(page: Page, baseUrl: string): Promise<void> {
  const stores: Record<string, string> = {};
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) Object.assign(stores, v.stores);
  await page.goto(new URL('favicon.svg', baseUrl).href);
  await page.evaluate(
    async ({ name, stores, rows }) => {
      // Dexie's syntax: the first entry is the key ('++' auto-increment, '[a+b]' compound), then the indexes.
      const keyPath = (spec: string): string | string[] =>
        spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec.replace(/^\+\+/, '');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 20);
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
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open'));
      });
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(rows))
        for (const row of list) tx.objectStore(store).add(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('abort'));
      });
      db.close();
    },
    { name: DB_NAME, stores, rows: V2_ROWS as Record<string, object[]> },
  );
}

/** The stores and the version the app left the database in. */
async function installed(page: Page): Promise<{ version: number; stores: string[] }> {
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

describe('mise à jour du schéma', () => {
  it('ouvre les données de la version précédente sans rien perdre, et la suite est enregistrée', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'upgrade-e2e-'));
    const first = await openApp({ userDataDir: profile, viewport: view, navigate: false });
    try {
      await writeVersion2(first.page, first.baseUrl);
      await first.page.goto(first.baseUrl);
      const postes = first.page.getByRole('grid', { name: 'Postes', exact: true });
      await postes.getByRole('row').filter({ hasText: 'Avenant n° 2' }).first().waitFor();
      expect(await postes.getByRole('row').filter({ hasText: 'PLIE DU GARD' }).count()).toBe(2);
      expect(await cellText(first.page, 'Postes', 'Avenant n° 2', 'Part État')).toBe('36 641,96 €');
      expect(await summaryCents(first.page, 'Engagée')).toBe(2_800_000 + 3_664_196);
      expect(await first.page.getByRole('button', { name: 'Annuler', exact: true }).isEnabled()).toBe(true);
      expect(await installed(first.page)).toEqual({
        version: 30,
        stores: ['changes', 'history', 'meta', 'positionBuckets', 'scenarios', 'structureBuckets'],
      });

      await typeInCell(first.page, 'Postes', 'Avenant n° 2', 'Part État', '36 000');
      await expect
        .poll(() => cellText(first.page, 'Postes', 'Avenant n° 2', 'Part État'))
        .toBe('36 000,00 €');
      await waitUntilSaved(first.page);
      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await openApp({ userDataDir: profile, viewport: view });
    try {
      const postes = second.page.getByRole('grid', { name: 'Postes', exact: true });
      await postes.getByRole('row').filter({ hasText: 'Avenant n° 2' }).first().waitFor();
      expect(await cellText(second.page, 'Postes', 'Avenant n° 2', 'Part État')).toBe('36 000,00 €');
      expect(await summaryCents(second.page, 'Engagée')).toBe(2_800_000 + 3_600_000);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
