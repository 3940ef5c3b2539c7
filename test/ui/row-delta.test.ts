// Rows to update after an edit, the totals of everything from the regional sums, and where a jump lands.
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/domain/demo';
import { recompute } from '../../src/domain/recompute';
import { totalsOfAll } from '../../src/ui/grid/grid-totals';
import { sumPositions } from './helpers';
import { jumpColumn } from '../../src/ui/grid/position-columns';
import { changedInPlace } from '../../src/ui/grid/row-delta';
import { position } from '../domain/helpers';

describe('changedInPlace', () => {
  const a = position({ id: 'a', regionCode: '76' });
  const b = position({ id: 'b', regionCode: '84' });
  const region = (p: { regionCode: string }) => p.regionCode;

  it('gives the positions replaced at the same place', () => {
    const b2 = { ...b, notes: 'x' };
    expect(changedInPlace([a, b], [a, b2])).toEqual([b2]);
    expect(changedInPlace([a, b], [a, b])).toEqual([]);
  });

  it('asks for the whole list when rows were added, removed or reordered', () => {
    expect(changedInPlace([a, b], [a])).toBeNull();
    expect(changedInPlace([a], [a, b])).toBeNull();
    expect(changedInPlace([a, b], [b, a])).toBeNull();
  });

  it('asks for the whole list when an edited row changes group', () => {
    expect(changedInPlace([a, b], [a, { ...b, regionCode: '76' }], region)).toBeNull();
    expect(changedInPlace([a, b], [a, { ...b, notes: 'y' }], region)).toHaveLength(1);
  });
});

describe('totalsOfAll', () => {
  it('equals the sum over every position, to the cent', () => {
    const demo = demoScenario('2026-11-22T00:00:00.000Z');
    const figures = recompute(demo);
    expect(totalsOfAll(figures)).toEqual(sumPositions(demo.positions, figures));
  });
});

describe('jumpColumn', () => {
  it.each([
    ['stateAmount', 'stateAmount'],
    ['coFundings', 'coFundingTotal'],
    ['role', 'role'],
    ['conventionYear', 'conventionYear'],
    ['notes', 'notes'],
    [undefined, 'structureName'],
    ['toString', 'structureName'],
    ['nope', 'structureName'],
  ])('%s → %s', (field, colId) => {
    expect(jumpColumn(field)).toBe(colId);
  });
});
