// Comparing two scenarios: regional deltas and position changes field by field.
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/domain/scenario-diff';
import { recompute } from '../../src/domain/recompute';
import { eurosToCents as e } from '../../src/domain/money';
import { fte } from '../../src/domain/fte';
import { position, scenario, structure } from './helpers';

describe('compareScenarios', () => {
  const a = scenario([
    position({ id: 'p1' }),
    position({ id: 'p2', regionCode: '53', departmentCode: '35' }),
  ]);
  const b = {
    ...scenario(
      [
        position({
          id: 'p1',
          stateAmount: e(27_000),
          coFundings: [{ funder: 'x', category: 'localAuthority', amount: e(13_000) }],
        }),
        position({ id: 'p3', regionCode: '11', departmentCode: '75', fte: fte(50) }),
      ],
      [structure({ name: 'PLIE RENOMMÉ' })],
    ),
    regions: a.regions.map((r) => (r.regionCode === '76' ? { ...r, envelope: e(400_000) } : r)),
  };
  const c = compareScenarios(a, b, recompute(a), recompute(b));

  it('gives per-region figures with deltas b − a', () => {
    const occ = c.regions.find((r) => r.regionCode === '76')!;
    expect(occ.delta).toEqual({ envelope: e(30_000), committed: e(-1_000), available: e(31_000), fte: 0 });
    const bzh = c.regions.find((r) => r.regionCode === '53')!;
    expect(bzh.delta.committed).toBe(-e(28_000));
    expect(bzh.delta.fte).toBe(-100);
    expect(c.totals.delta.committed).toBe(e(27_000 + 28_000) - e(28_000 + 28_000));
    expect(c.regions.reduce((s, r) => s + r.delta.envelope, 0)).toBe(c.totals.delta.envelope);
  });

  it('lists positions added, removed, and changed field by field', () => {
    expect(c.added.map((p) => p.id)).toEqual(['p3']);
    expect(c.removed.map((p) => p.id)).toEqual(['p2']);
    expect(c.changed).toHaveLength(1);
    const fields = Object.fromEntries(c.changed[0]!.fields.map((f) => [f.field, [f.before, f.after]]));
    expect(fields.stateAmount).toEqual([e(28_000), e(27_000)]);
    expect(fields.structureName).toEqual(['PLIE TEST', 'PLIE RENOMMÉ']);
    expect(Object.keys(fields).sort()).toEqual(['coFundings', 'stateAmount', 'structureName']);
  });

  it('finds nothing between a scenario and itself', () => {
    const same = compareScenarios(a, a, recompute(a), recompute(a));
    expect([same.added, same.removed, same.changed]).toEqual([[], [], []]);
    for (const r of same.regions)
      expect(r.delta).toEqual({ envelope: 0, committed: 0, available: 0, fte: 0 });
  });
});
