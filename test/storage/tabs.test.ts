// Two tabs on one database: concurrent edits, and a newer schema opened in another tab.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cents } from '../../src/domain/money';
import { applyChange } from '../../src/storage/changes';
import { SCHEMA_VERSION, type PlannerDb } from '../../src/storage/db';
import { CLOSED_MESSAGE, NEWER_SCHEMA_MESSAGE } from '../../src/storage/errors';
import { SCHEMA_VERSIONS } from '../../src/storage/migrations';
import { createScenario, loadScenario } from '../../src/storage/scenarios';
import { recentChanges } from '../../src/storage/change-log';
import type { Op } from '../../src/domain/ops';
import { FAKE_IDB, openTestDb, position, sampleScenario, storedRecord, uniqueDbName } from './helpers';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function twoTabs(): Promise<[PlannerDb, PlannerDb]> {
  const name = uniqueDbName('tabs');
  const a = await openTestDb(name);
  opened.push(a);
  await createScenario(a, sampleScenario(), { who: 'Démo', source: 'demo', label: 'Démonstration' });
  const b = await openTestDb(name);
  opened.push(b);
  return [a, b];
}

/** A plain Dexie at the next schema version, as the next release of the app would open it. */
function nextRelease(name: string): Dexie {
  const db = new Dexie(name, FAKE_IDB);
  for (const v of SCHEMA_VERSIONS) db.version(v.version).stores(v.stores);
  db.version(SCHEMA_VERSION + 1).stores({ notes: '++id' });
  opened.push(db);
  return db;
}

const p1 = position({
  id: 'p1',
  stateAmount: 2_799_999 as Cents,
  conventionStart: null,
  conventionEnd: null,
});
const set = (before: typeof p1, changes: Partial<typeof p1>): Op => ({
  entity: 'position',
  id: 'p1',
  before,
  after: { ...before, ...changes },
});

describe('two tabs editing the same position', () => {
  it('keeps the last write of a field and logs both writes, the second with the first as old value', async () => {
    const [a, b] = await twoTabs();
    await applyChange(a, {
      scenarioId: 'sc',
      ops: [set(p1, { stateAmount: 2_000_000 as Cents })],
      who: 'Onglet A',
      source: 'grid',
      label: 'A',
    });
    // Tab B still shows the value it loaded before A's edit.
    await applyChange(b, {
      scenarioId: 'sc',
      ops: [set(p1, { stateAmount: 2_500_000 as Cents })],
      who: 'Onglet B',
      source: 'grid',
      label: 'B',
    });
    expect((await loadScenario(a, 'sc'))?.positions[2]?.stateAmount).toBe(2_500_000);
    const rows = await recentChanges(a, 'sc', 2);
    expect(rows.map((r) => [r.who, r.oldValue, r.newValue])).toEqual([
      ['Onglet B', 2_000_000, 2_500_000],
      ['Onglet A', 2_799_999, 2_000_000],
    ]);
  });

  it('keeps both edits when the tabs change different fields', async () => {
    const [a, b] = await twoTabs();
    await applyChange(a, {
      scenarioId: 'sc',
      ops: [set(p1, { stateAmount: 2_000_000 as Cents })],
      who: 'A',
      source: 'grid',
      label: 'A',
    });
    const result = await applyChange(b, {
      scenarioId: 'sc',
      ops: [set(p1, { notes: 'vu par B' })],
      who: 'B',
      source: 'grid',
      label: 'B',
    });
    const stored = (await loadScenario(b, 'sc'))?.positions[2];
    expect(stored).toEqual({ ...p1, stateAmount: 2_000_000, notes: 'vu par B' });
    expect(result.ops[0]?.after).toEqual(stored);
  });
});

describe('two tabs editing two positions stored in one bucket', () => {
  it('keeps both edits, even when the two writes run at the same time', async () => {
    const [a, b] = await twoTabs();
    // p-a and p-438 share bucket 5 (test/storage/buckets.test.ts): each write reads and rewrites that bucket.
    const pa = position({ id: 'p-a', notes: '' });
    const p438 = position({ id: 'p-438', notes: '' });
    const add = (p: typeof pa): Op => ({ entity: 'position', id: p.id, before: null, after: p });
    await applyChange(a, {
      scenarioId: 'sc',
      ops: [add(pa), add(p438)],
      who: 'A',
      source: 'grid',
      label: 'Ajout',
    });
    const edit = (p: typeof pa, notes: string): Op => ({
      entity: 'position',
      id: p.id,
      before: p,
      after: { ...p, notes },
    });
    await Promise.all([
      applyChange(a, { scenarioId: 'sc', ops: [edit(pa, 'Onglet A')], who: 'A', source: 'grid', label: 'A' }),
      applyChange(b, {
        scenarioId: 'sc',
        ops: [edit(p438, 'Onglet B')],
        who: 'B',
        source: 'grid',
        label: 'B',
      }),
    ]);
    const positions = (await loadScenario(b, 'sc'))?.positions ?? [];
    expect(positions.filter((p) => p.id.startsWith('p-')).map((p) => [p.id, p.notes])).toEqual([
      ['p-a', 'Onglet A'],
      ['p-438', 'Onglet B'],
    ]);
    expect(await storedRecord(a, 'positions', 'sc', 'p-a')).toMatchObject({ notes: 'Onglet A' });
  });
});

describe('a newer schema opened in another tab', () => {
  it('closes this connection, calls onVersionChange, and refuses later writes with a French error', async () => {
    const name = uniqueDbName('upgrade');
    const onVersionChange = vi.fn();
    const old = await openTestDb(name, { onVersionChange });
    opened.push(old);
    await createScenario(old, sampleScenario(), { who: 'Démo', source: 'demo', label: 'Démonstration' });
    const next = nextRelease(name);
    await next.open();
    expect(onVersionChange).toHaveBeenCalledWith({ newVersion: SCHEMA_VERSION + 1 });
    expect(old.isOpen()).toBe(false);
    const write = applyChange(old, {
      scenarioId: 'sc',
      ops: [set(p1, { notes: 'x' })],
      who: 'A',
      source: 'grid',
      label: 'x',
    });
    await expect(write).rejects.toMatchObject({ code: 'closed', message: CLOSED_MESSAGE });
    expect(await storedRecord(next, 'positions', 'sc', 'p1')).toMatchObject({ notes: '' });
  });

  it('refuses to open a database already upgraded by a newer release', async () => {
    const name = uniqueDbName('newer');
    await nextRelease(name).open();
    await expect(openTestDb(name)).rejects.toMatchObject({
      code: 'newerSchema',
      message: NEWER_SCHEMA_MESSAGE,
    });
  });

  it('calls onBlocked while an older tab keeps the database open during our upgrade', async () => {
    const name = uniqueDbName('blocked');
    const older = new Dexie(name, FAKE_IDB);
    older.version(0.5).stores({ meta: 'key' });
    older.on('versionchange', () => false); // a hung tab that does not close
    opened.push(older);
    await older.open();
    const onBlocked = vi.fn();
    const opening = openTestDb(name, { onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    older.close();
    const db = await opening;
    opened.push(db);
    expect(db.isOpen()).toBe(true);
  });
});
