// Our grouping of the Postes grid (header rows, order by group keeping the user's sort) and the exact totals.
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/domain/demo';
import { eurosToCents, type Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { FUNDER_CATEGORIES } from '../../src/domain/types';
import type { GroupRow } from '../../src/ui/grid/grid-rows';
import { totalsSignature } from '../../src/ui/grid/grid-totals';
import { sumPositions } from './helpers';
import { groupKeyOf, groupRowsFor, interleaveGroups } from '../../src/ui/grid/grouping';
import { position, scenario, structure } from '../domain/helpers';

const structures = new Map(
  [structure({ id: 's1', name: 'Zèbre Insertion' }), structure({ id: 's2', name: 'ateliers du Sud' })].map(
    (s) => [s.id, s],
  ),
);
const positions = [
  position({ id: 'a', regionCode: '76', structureId: 's1' }),
  position({ id: 'b', regionCode: '84', structureId: 's2' }),
  position({ id: 'c', regionCode: '76', structureId: 's2' }),
  position({ id: 'd', regionCode: '01', structureId: 's1' }),
];

describe('group header rows', () => {
  it('makes one header per region, named after the region', () => {
    const rows = groupRowsFor(positions, 'region', structures);
    expect([...rows.values()].map((g) => [g.id, g.label])).toEqual([
      ['group:region:76', 'Occitanie'],
      ['group:region:84', 'Auvergne-Rhône-Alpes'],
      ['group:region:01', 'Guadeloupe'],
    ]);
  });

  it('reuses unchanged header objects so a new push updates nothing', () => {
    const first = groupRowsFor(positions, 'structure', structures);
    const again = groupRowsFor(positions, 'structure', structures, first);
    expect(again.get('s1')).toBe(first.get('s1'));
    const renamed = new Map(structures).set('s1', structure({ id: 's1', name: 'Zèbre 2' }));
    expect(groupRowsFor(positions, 'structure', renamed, first).get('s1')?.label).toBe('Zèbre 2');
  });
});

describe('interleaveGroups', () => {
  const order = (groupBy: 'region' | 'structure', sorted: typeof positions) => {
    const headers = groupRowsFor(sorted, groupBy, structures);
    const out = interleaveGroups<{ id: string } | GroupRow>(
      sorted,
      (x) => ('rowKind' in x ? null : groupKeyOf(x as (typeof positions)[number], groupBy)),
      headers,
      (h) => h,
    );
    return out.rows.map((x) => ('rowKind' in x ? `[${x.label}]` : x.id));
  };

  it('puts regions in the official order and keeps the sort inside each group', () => {
    expect(order('region', positions)).toEqual([
      '[Auvergne-Rhône-Alpes]',
      'b',
      '[Occitanie]',
      'a',
      'c',
      '[Guadeloupe]',
      'd',
    ]);
    const reversed = [...positions].reverse();
    expect(order('region', reversed)).toEqual([
      '[Auvergne-Rhône-Alpes]',
      'b',
      '[Occitanie]',
      'c',
      'a',
      '[Guadeloupe]',
      'd',
    ]);
  });

  it('puts structures in French alphabetical order, ignoring case and accents', () => {
    expect(order('structure', positions)).toEqual([
      '[ateliers du Sud]',
      'b',
      'c',
      '[Zèbre Insertion]',
      'a',
      'd',
    ]);
  });

  it('leaves out the headers of groups with no row shown', () => {
    expect(
      order(
        'region',
        positions.filter((p) => p.regionCode !== '84'),
      ),
    ).toEqual(['[Occitanie]', 'a', 'c', '[Guadeloupe]', 'd']);
  });
});

describe('totals', () => {
  it('adds the demo campaign to the cent and agrees with the domain national figures', () => {
    const demo = demoScenario('2026-11-22T00:00:00.000Z');
    const figures = recompute(demo);
    const t = sumPositions(demo.positions, figures);
    expect(t.positionCount).toBe(figures.national.positionCount);
    expect(t.stateAmount).toBe(figures.national.committed);
    expect(t.annualCost).toBe(figures.national.totalCost);
    expect(t.fte).toBe(figures.national.fteByRole.facilitateur + figures.national.fteByRole.coordinateur);
    for (const c of FUNDER_CATEGORIES) expect(t.coFunding[c]).toBe(figures.national.coFundingByCategory[c]);
    expect(t.breachCount).toBe(figures.breaches.length);
    expect(Number.isSafeInteger(t.remaining)).toBe(true);
  });

  it('sums amounts that floats would get wrong (0,10 € + 0,20 €)', () => {
    const ps = [
      position({ id: 'x', stateAmount: eurosToCents(0.1), annualCost: eurosToCents(0.1), coFundings: [] }),
      position({ id: 'y', stateAmount: eurosToCents(0.2), annualCost: eurosToCents(0.2), coFundings: [] }),
    ];
    const t = sumPositions(ps, recompute(scenario(ps)));
    expect(t.stateAmount).toBe(30 as Cents);
    expect(t.remaining).toBe(0);
  });

  it('changes its signature when any figure changes', () => {
    const figures = recompute(scenario(positions));
    const a = sumPositions(positions, figures);
    const b = sumPositions(positions.slice(1), figures);
    expect(totalsSignature(a)).not.toBe(totalsSignature(b));
    expect(totalsSignature(a)).toBe(totalsSignature(sumPositions(positions, figures)));
  });
});
