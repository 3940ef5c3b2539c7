// Each kind of write still commits when another transaction is open at the same time. The planner starts its
// writes from a queue (a promise callback) while views read (change log, scenario list, history labels): inside
// a Dexie transaction, an `await` that resumes without an IndexedDB request (an async helper with nothing to
// do) can run on in the other transaction's zone, and the write then fails with "Transaction committed too
// early". Every write here is started in a microtask right after a read transaction began.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import type { Scenario } from '../../src/domain/types';
import { restoreEverything, readEverything } from '../../src/storage/backup';
import { applyChange, redo, undo } from '../../src/storage/changes';
import type { PlannerDb } from '../../src/storage/db';
import { importChangeLog } from '../../src/storage/import-change-log';
import { setMeta } from '../../src/storage/meta';
import type { Op } from '../../src/domain/ops';
import {
  createScenario,
  deleteScenario,
  loadStoredScenario,
  loadScenario,
  replaceScenario,
} from '../../src/storage/scenarios';
import { openTestDb, position, sampleScenario, structure, WHO } from './helpers';

let db: PlannerDb;
afterEach(() => db?.close());

const info = { who: WHO, source: 'grid', label: 'Essai' } as const;

async function seeded(): Promise<Scenario> {
  db = await openTestDb();
  const s = sampleScenario();
  await createScenario(db, s, { who: 'Démo', source: 'demo', label: 'Démonstration' });
  return s;
}

function change(ops: Op[]) {
  return () => applyChange(db, { scenarioId: 'sc', ops, ...info });
}

/** Starts `write` in a promise callback while a read transaction (loading the scenario) is open. */
async function writeDuringRead<T>(write: () => Promise<T>): Promise<T> {
  const pending = Promise.resolve().then(write);
  const reading = loadScenario(db, 'sc');
  const [result] = await Promise.all([pending, reading]);
  return result;
}

describe('writes started while another transaction is open', () => {
  const cases: [string, (s: Scenario) => () => Promise<unknown>][] = [
    [
      'a position edit',
      (s) =>
        change([
          {
            entity: 'position',
            id: 'p1',
            before: s.positions[2]!,
            after: { ...s.positions[2]!, notes: 'x' },
          },
        ]),
    ],
    [
      'a region envelope only (no position written)',
      (s) =>
        change([
          {
            entity: 'region',
            id: s.regions[0]!.regionCode,
            before: s.regions[0]!,
            after: { ...s.regions[0]!, envelope: 123 as Cents },
          },
        ]),
    ],
    [
      'the campaign only',
      (s) =>
        change([
          {
            entity: 'campaign',
            id: s.campaign.id,
            before: s.campaign,
            after: { ...s.campaign, label: 'Campagne bis' },
          },
        ]),
    ],
    [
      'the scenario name only',
      (s) => change([{ entity: 'scenarioName', id: 'sc', before: s.name, after: 'Autre nom' }]),
    ],
    [
      'a new structure and position',
      () =>
        change([
          { entity: 'structure', id: 's77', before: null, after: structure({ id: 's77' }) },
          { entity: 'position', id: 'p77', before: null, after: position({ id: 'p77', structureId: 's77' }) },
        ]),
    ],
    [
      'a change that changes nothing',
      (s) => change([{ entity: 'position', id: 'p1', before: s.positions[2]!, after: s.positions[2]! }]),
    ],
    ['a deletion', (s) => change([{ entity: 'position', id: 'p2', before: s.positions[1]!, after: null }])],
    ['a new scenario', () => () => createScenario(db, sampleScenario('sc2'), info)],
    ['a scenario replaced by itself (nothing to write)', (s) => () => replaceScenario(db, s, info)],
    ['a scenario replaced by another', (s) => () => replaceScenario(db, { ...s, name: 'Remplacé' }, info)],
    ['a scenario deleted', () => () => deleteScenario(db, 'sc', info)],
    [
      'a change log taken from a file',
      () => () => importChangeLog(db, { scenarioId: 'sc', rows: [], who: WHO, fileName: 'f.xlsx' }),
    ],
    ['a setting', () => () => setMeta(db, 'userName', 'Camille')],
  ];

  it.each(cases)('%s commits', async (_name, build) => {
    const s = await seeded();
    await expect(writeDuringRead(build(s))).resolves.not.toBeInstanceOf(Error);
  });

  it('undo and redo commit, also when the undone change only touched a region', async () => {
    const s = await seeded();
    const region = s.regions[0]!;
    await change([
      { entity: 'region', id: region.regionCode, before: region, after: { ...region, envelope: 5 as Cents } },
    ])();
    await change([
      { entity: 'position', id: 'p1', before: s.positions[2]!, after: { ...s.positions[2]!, notes: 'y' } },
    ])();
    for (const move of [undo, undo, redo, redo]) {
      await expect(writeDuringRead(() => move(db, 'sc', WHO))).resolves.not.toBeNull();
    }
    const after = await loadScenario(db, 'sc');
    expect(after?.regions[0]?.envelope).toBe(5);
    expect(after?.positions.find((p) => p.id === 'p1')?.notes).toBe('y');
  });

  it('a full restore commits', async () => {
    await seeded();
    const content = await readEverything(db);
    await expect(writeDuringRead(() => restoreEverything(db, content, WHO))).resolves.toBeUndefined();
    expect((await loadScenario(db, 'sc'))?.positions).toHaveLength(3);
  });
});

describe('reads started while another transaction is open', () => {
  it('loadStoredScenario (what a tab reads to catch up) reads its records while the scenario loads', async () => {
    await seeded();
    const read = Promise.resolve().then(() => loadStoredScenario(db, 'sc'));
    const [stored] = await Promise.all([read, loadScenario(db, 'sc')]);
    expect(stored?.scenario.positions.map((p) => p.id)).toEqual(expect.arrayContaining(['p1', 'p10']));
    expect(stored?.scenario.structures.map((s) => s.id)).toContain('s1');
  });
});
