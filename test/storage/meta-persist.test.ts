// Settings rows and the persistent-storage request.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannerDb } from '../../src/storage/db';
import { getMeta, setMeta } from '../../src/storage/meta';
import { requestPersistence } from '../../src/storage/persist';
import { openTestDb, uniqueDbName } from './helpers';

let db: PlannerDb;
afterEach(() => db?.close());

describe('meta', () => {
  it('stores, reads back after reopening, and removes settings', async () => {
    const name = uniqueDbName('meta');
    db = await openTestDb(name);
    expect(await getMeta<string>(db, 'userName')).toBeUndefined();
    await setMeta(db, 'userName', 'Camille Martin');
    await setMeta(db, 'demoScenarioId', 'demo-2026');
    db.close();
    db = await openTestDb(name);
    expect(await getMeta<string>(db, 'userName')).toBe('Camille Martin');
    await setMeta(db, 'demoScenarioId', undefined);
    expect(await getMeta<string>(db, 'demoScenarioId')).toBeUndefined();
  });
});

describe('requestPersistence', () => {
  const yes = async (): Promise<boolean> => true;
  const no = async (): Promise<boolean> => false;
  const cases: Array<[string, Parameters<typeof requestPersistence>[0], string]> = [
    ['already persistent', { persisted: yes, persist: no }, 'granted'],
    ['granted on request', { persisted: no, persist: yes }, 'granted'],
    ['refused', { persisted: no, persist: no }, 'refused'],
    ['API missing', {}, 'unavailable'],
    ['API failing', { persist: async (): Promise<boolean> => Promise.reject(new Error('x')) }, 'unavailable'],
  ];
  it.each(cases)('%s → %s', async (_name, storage, expected) => {
    expect(await requestPersistence(storage)).toBe(expected);
  });

  it('says unavailable without navigator.storage (Node)', async () => {
    expect(await requestPersistence(undefined)).toBe('unavailable');
  });
});
