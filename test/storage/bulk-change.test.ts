// A large batch (an import of more than 500 records) reads the scenario in one request: the result must be the
// same as record by record — updates keep their place, creations are appended, every field is logged once.
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/storage/changes';
import { recentChanges } from '../../src/storage/change-log';
import { createScenario, loadScenario } from '../../src/storage/scenarios';
import type { Op } from '../../src/domain/ops';
import type { Cents } from '../../src/domain/money';
import { openTestDb, position, sampleScenario, WHO } from './helpers';

describe('large batches', () => {
  it('updates 400 stored positions and creates 400 new ones in one change', async () => {
    const db = await openTestDb();
    const base = sampleScenario();
    const stored = Array.from({ length: 400 }, (_, i) => position({ id: `p${i}` }));
    await createScenario(db, { ...base, positions: stored }, { who: WHO, source: 'import', label: 'Base' });
    const ops: Op[] = [
      ...stored.map((p): Op => ({
        entity: 'position',
        id: p.id,
        before: p,
        after: { ...p, stateAmount: (p.stateAmount + 1) as Cents },
      })),
      ...Array.from({ length: 400 }, (_, i): Op => {
        const p = position({ id: `n${i}` });
        return { entity: 'position', id: p.id, before: null, after: p };
      }),
    ];
    const result = await applyChange(db, {
      scenarioId: base.id,
      ops,
      label: 'Import',
      who: WHO,
      source: 'import',
    });
    expect(result.ops).toHaveLength(800);
    const after = await loadScenario(db, base.id);
    expect(after!.positions.map((p) => p.id)).toEqual([
      ...stored.map((p) => p.id),
      ...ops.slice(400).map((o) => o.id),
    ]);
    expect(after!.positions[0]!.stateAmount).toBe(stored[0]!.stateAmount + 1);
    const log = await recentChanges(db, base.id, 2_000);
    expect(log.filter((c) => c.batchId === result.batchId)).toHaveLength(800);
    db.close();
  });
});
