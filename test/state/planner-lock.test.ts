// Another version of the app on the same database: a planner that is running locks itself when another
// connection upgrades the schema, and never writes afterwards; a planner that finds a database written by a newer
// version refuses to start. Both say why in French.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_ID } from '../../src/domain/demo';
import { eurosToCents as e } from '../../src/domain/money';
import { Planner } from '../../src/state/planner.svelte';
import { NEWER_SCHEMA_MESSAGE } from '../../src/storage/errors';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/storage/migrations';
import type { ChangeRow } from '../../src/storage/rows';
import { storedRecord } from '../storage/helpers';

let counter = 0;
const dbName = (): string => `planner-lock-${++counter}`;

/** Every store of the current schema plus one: what a next version of the app could declare. */
function nextVersionStores(): Record<string, string | null> {
  const stores: Record<string, string | null> = {};
  for (const v of SCHEMA_VERSIONS) Object.assign(stores, v.stores);
  return { ...stores, attachments: 'id, scenarioId' };
}

/** A connection of a newer app: one schema version above ours. */
async function openNewerVersion(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  db.version(SCHEMA_VERSION + 1).stores(nextVersionStores());
  await db.open();
  return db;
}

/** A fresh connection at whatever version is installed (Dexie's dynamic mode), for reading what was stored. */
async function openAsInstalled(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

describe('Planner and a newer version of the app', () => {
  it('locks with a French message when another connection upgrades the schema, and writes nothing after', async () => {
    const name = dbName();
    const planner = new Planner();
    await planner.start(name);
    expect(planner.status).toBe('ready');
    const before = planner.scenario.positions.find((p) => p.id === 'occ-2');
    expect(before?.stateAmount).toBe(e(29_400));

    const newer = await openNewerVersion(name); // resolves once our connection has let the upgrade through
    expect(newer.verno).toBe(SCHEMA_VERSION + 1);
    expect(planner.status).toBe('locked');
    expect(planner.blockingMessage).toMatch(/version plus récente du planificateur.*Rechargez cette page/);

    const r = await planner.editPositionField('occ-2', 'stateAmount', '12 000');
    expect(r.ok).toBe(false);
    expect(planner.scenario.positions.find((p) => p.id === 'occ-2')?.stateAmount).toBe(e(29_400));
    newer.close();

    const fresh = await openAsInstalled(name);
    try {
      expect(fresh.verno).toBe(SCHEMA_VERSION + 1);
      const row = await storedRecord(fresh, 'positions', DEMO_SCENARIO_ID, 'occ-2');
      expect(row?.stateAmount).toBe(e(29_400));
      const changes = (await fresh.table('changes').toArray()) as ChangeRow[];
      expect(changes.filter((c) => c.source !== 'demo')).toEqual([]);
      expect(await fresh.table('history').count()).toBe(0);
    } finally {
      fresh.close();
    }
  });

  it('refuses a database written by a newer version: unavailable, with the French message, nothing written', async () => {
    const name = dbName();
    (await openNewerVersion(name)).close();

    const planner = new Planner();
    await planner.start(name);
    expect(planner.status).toBe('unavailable');
    expect(planner.blockingMessage).toBe(NEWER_SCHEMA_MESSAGE);
    expect(planner.blockingMessage).toMatch(/version plus récente de l'application/);
    expect((await planner.editPositionField('occ-2', 'stateAmount', '12 000')).ok).toBe(false);

    const fresh = await openAsInstalled(name);
    try {
      expect(fresh.verno).toBe(SCHEMA_VERSION + 1);
      expect(await fresh.table('scenarios').count()).toBe(0);
      expect(await fresh.table('positionBuckets').count()).toBe(0);
      expect(await fresh.table('meta').count()).toBe(0);
    } finally {
      fresh.close();
    }
  });
});
