// A schema upgrade that fails leaves the previous version's data intact, and the raw dump still reads it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { rawDump } from '../../src/storage/raw-dump';
import { SCHEMA_VERSIONS } from '../../src/storage/migrations';

describe('failed upgrade', () => {
  it('keeps version 1 data and lets it be exported raw', async () => {
    const name = 'failed-upgrade';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores as Record<string, string>);
    await v1.open();
    await v1
      .table('scenarios')
      .put({ id: 's1', name: 'Campagne', campaign: {}, regions: [], createdAt: '', updatedAt: '' });
    await v1.table('positions').put({ scenarioId: 's1', id: 'p1', order: 0, stateAmount: 2_940_000 });
    v1.close();

    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_VERSIONS[0]!.stores as Record<string, string>);
    v2.version(2)
      .stores({ positions: '[scenarioId+id], scenarioId, [scenarioId+order], purpose' })
      .upgrade(async (tx) => {
        await tx
          .table('positions')
          .toCollection()
          .modify((p: Record<string, unknown>) => {
            p.stateAmount = 0;
          });
        throw new Error('upgrade bug');
      });
    await expect(v2.open()).rejects.toThrow();
    v2.close();

    const dump = await rawDump(name);
    expect(dump.version).toBe(1);
    expect(dump.tables.positions).toEqual([{ scenarioId: 's1', id: 'p1', order: 0, stateAmount: 2_940_000 }]);
    expect((dump.tables.scenarios as Array<{ name: string }>)[0]!.name).toBe('Campagne');
  });
});
