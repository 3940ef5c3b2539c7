// The change log of an opened scenario file lands in the new scenario: original dates, authors and origins
// kept, batch ids marked, a closing row naming the file; all or nothing; never into a missing scenario.
import { describe, expect, it } from 'vitest';
import { createScenario } from '../../src/storage/scenarios';
import { recentChanges } from '../../src/storage/change-log';
import { importChangeLog, type ImportedChange } from '../../src/storage/import-change-log';
import { StorageError } from '../../src/storage/errors';
import { openTestDb, sampleScenario } from './helpers';

const ROWS: ImportedChange[] = [
  {
    batchId: 'b-1',
    at: '2026-11-20T09:30:00.000Z',
    who: 'Anne',
    source: 'grid',
    entity: 'position',
    entityId: 'p1',
    field: 'stateAmount',
    oldValue: 100,
    newValue: 200,
    label: 'Modification d’une cellule',
  },
  {
    batchId: 'b-2',
    at: '2026-11-21T09:30:00.000Z',
    who: 'Paul',
    source: 'pirate' as never,
    entity: 'position',
    entityId: 'p2',
    field: 'notes',
    oldValue: '',
    newValue: 'x',
    label: 'Collage',
  },
  { ...({} as ImportedChange), entity: 'inconnue' as never, at: '2026-11-21T09:30:00.000Z' },
];

describe('importChangeLog', () => {
  it('ajoute les lignes du fichier puis une ligne de clôture, dans une transaction', async () => {
    const db = await openTestDb();
    await createScenario(db, sampleScenario('neuf'), { who: 'Moi', source: 'import', label: 'Ouverture' });
    const written = await importChangeLog(db, {
      scenarioId: 'neuf',
      fileName: 'a.xlsx',
      who: 'Moi',
      rows: ROWS,
    });
    expect(written).toBe(2);
    const log = await recentChanges(db, 'neuf', 10);
    expect(log.map((r) => [r.who, r.source, r.at, r.batchId.startsWith('fichier:neuf:')])).toEqual([
      ['Moi', 'restore', expect.any(String), false],
      ['Paul', 'restore', '2026-11-21T09:30:00.000Z', true],
      ['Anne', 'grid', '2026-11-20T09:30:00.000Z', true],
      ['Moi', 'import', expect.any(String), false],
    ]);
    expect(log[0]).toMatchObject({
      label: 'Journal repris du fichier « a.xlsx » (2 lignes)',
      field: 'journal',
    });
    expect(log[2]).toMatchObject({ entityId: 'p1', field: 'stateAmount', oldValue: 100, newValue: 200 });
    db.close();
  });

  it('refuse un scénario absent et n’écrit rien', async () => {
    const db = await openTestDb();
    await expect(
      importChangeLog(db, { scenarioId: 'absent', fileName: 'a.xlsx', who: 'Moi', rows: ROWS }),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await db.changes.count()).toBe(0);
    db.close();
  });
});
