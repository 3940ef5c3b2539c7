// Chart models of the regional and national figures: the domain's figures in, datasets and tables out, exact to
// the cent (stacked parts = total cost, doughnut parts = national envelope).
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/domain/demo';
import { formatFte } from '../../src/domain/format-fr';
import { fte, type Fte } from '../../src/domain/fte';
import { eurosToCents, type Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { NationalFigures } from '../../src/domain/totals';
import type { Position, Scenario } from '../../src/domain/types';
import { envelopeModel, financingModel, fteModel, purposeModel } from '../../src/ui/charts/chart-data';
import { sumOf, type ChartModel } from '../../src/ui/charts/chart-model';
import { plain, position, scenario } from '../domain/helpers';

const demo = demoScenario('2026-11-22T00:00:00.000Z');
const demoFigures = recompute(demo);

const series = (m: ChartModel, key: string) => m.series.find((s) => s.key === key)?.values ?? [];
const row = (m: ChartModel, key: string) => m.table.rows.find((r) => r.key === key)?.cells.map(plain);
const foot = (m: ChartModel, key: string) => m.table.foot.find((r) => r.key === key)?.cells.map(plain);
/** Σ over the series at category i. */
const stackAt = (m: ChartModel, i: number) => sumOf(m.series.map((s) => s.values[i] ?? 0));

/** A small scenario: Occitanie with a funding gap, Bretagne with a 2023 coordinator, one excess in Corse. */
function small(): Scenario {
  const ps: Position[] = [
    position({ id: 'a', regionCode: '76', cohort: 2022 }),
    position({
      id: 'b',
      regionCode: '76',
      fte: fte(50),
      annualCost: eurosToCents(20_000.01),
      stateAmount: eurosToCents(14_000),
      coFundings: [
        { funder: 'FSE+', category: 'esfPlus', amount: eurosToCents(3_000) },
        { funder: 'Ville', category: 'stateOther', amount: eurosToCents(1_000) },
      ],
      purpose: 'consolidation',
    }),
    position({
      id: 'c',
      regionCode: '53',
      role: 'coordinateur',
      cohort: 2023,
      fte: fte(75),
      coFundings: [
        { funder: 'Fondation', category: 'private', amount: eurosToCents(5_000) },
        { funder: 'Auto', category: 'ownFunds', amount: eurosToCents(4_000) },
        { funder: 'CAF', category: 'otherPublic', amount: eurosToCents(3_000) },
      ],
      purpose: 'largeProject',
    }),
    position({ id: 'd', regionCode: '94', stateAmount: eurosToCents(28_500), purpose: 'newCoordination' }),
  ];
  return scenario(ps);
}

describe('envelopeModel', () => {
  const m = envelopeModel(demoFigures);

  it('has one category per region, in scenario order, keyed by region code', () => {
    expect(m.keys).toEqual(demo.regions.map((r) => r.regionCode));
    expect(m.labels[m.keys.indexOf('76')]).toBe('Occitanie');
    expect(m.series.map((s) => s.label)).toEqual(['Enveloppe', 'Engagé', 'Disponible']);
  });

  it('takes envelope, committed and available from the domain, and totals them exactly', () => {
    const occ = demoFigures.regionByCode.get('76')!;
    const i = m.keys.indexOf('76');
    expect([series(m, 'envelope')[i], series(m, 'committed')[i], series(m, 'available')[i]]).toEqual([
      occ.envelope,
      occ.committed,
      occ.available,
    ]);
    expect(row(m, '76')).toEqual(['370 000,00 €', '222 426,00 €', '147 574,00 €']);
    expect(sumOf(series(m, 'committed'))).toBe(demoFigures.national.committed);
    expect(foot(m, 'total')?.[0]).toBe('4 390 000,00 €');
    expect(plain(m.summary)).toContain('3,2 M€ engagés sur 4,4 M€ répartis');
  });
});

describe('financingModel', () => {
  it.each([
    ['demo', demo],
    ['small', small()],
  ])('stacks up to each region’s total cost, to the cent (%s)', (_name, s) => {
    const figures = recompute(s);
    const m = financingModel(figures);
    figures.regions.forEach((r, i) => expect(stackAt(m, i)).toBe(r.totalCost));
    expect(sumOf(m.keys.map((_, i) => stackAt(m, i)))).toBe(figures.national.totalCost);
  });

  it('puts each funder category in its part and the gap in Reste à financer', () => {
    const figures = recompute(small());
    const m = financingModel(figures);
    const at = (code: string) => m.series.map((s) => s.values[m.keys.indexOf(code)]);
    // AAP, other State, FSE+, collectivités, others, remaining to fund.
    expect(at('76')).toEqual([4_200_000, 100_000, 300_000, 1_200_000, 0, 200_001]);
    expect(at('53')).toEqual([2_800_000, 0, 0, 0, 1_200_000, 0]);
    expect(at('94')).toEqual([2_850_000, 0, 0, 1_200_000, 0, -50_000]);
    expect(row(m, '76')).toEqual([
      '42 000,00 €',
      '1 000,00 €',
      '3 000,00 €',
      '12 000,00 €',
      '0,00 €',
      '2 000,01 €',
      '60 000,01 €',
    ]);
    expect(m.table.head.at(-1)).toBe('Coût total');
  });
});

describe('fteModel', () => {
  it.each(['role', 'cohort'] as const)('stacks ETP by %s up to the region’s ETP', (by) => {
    const m = fteModel(demoFigures, by);
    demoFigures.regions.forEach((r, i) =>
      expect(stackAt(m, i)).toBe(r.fteByRole.facilitateur + r.fteByRole.coordinateur),
    );
    const n = demoFigures.national.fteByRole;
    expect(foot(m, 'total')?.at(-1)).toBe(plain(formatFte((n.facilitateur + n.coordinateur) as Fte)));
  });

  it('has one series per cohort found, in order, with hundredths shown as decimals', () => {
    const m = fteModel(recompute(small()), 'cohort');
    expect(m.series.map((s) => s.label)).toEqual(['Cohorte 2022', 'Cohorte 2023', 'Cohorte 2024']);
    expect(row(m, '76')).toEqual(['1,00', '0,00', '0,50', '1,50']);
    expect(row(m, '53')).toEqual(['0,00', '0,75', '0,00', '0,75']);
  });

  it('splits facilitators and coordinators', () => {
    const m = fteModel(recompute(small()), 'role');
    expect(m.series.map((s) => s.label)).toEqual(['Facilitateurs', 'Coordinateurs']);
    expect(row(m, '53')).toEqual(['0,00', '0,75', '0,75']);
  });
});

function national(overrides: Partial<NationalFigures>): NationalFigures {
  return { ...demoFigures.national, ...overrides };
}

const c = (euros: number) => eurosToCents(euros);

describe('purposeModel', () => {
  it('splits the envelope into uses by purpose, regional remaining and reserve that add up to it', () => {
    const n = demoFigures.national;
    const m = purposeModel(n);
    const values = m.series[0]!.values;
    expect(sumOf(values)).toBe(n.envelope);
    expect(m.keys).toEqual([
      'ongoing',
      'consolidation',
      'largeProject',
      'newCoordination',
      'remainingRegions',
      'reserve',
    ]);
    expect(values.slice(0, 4)).toEqual([
      n.byPurpose.ongoing,
      n.byPurpose.consolidation,
      n.byPurpose.largeProject,
      n.byPurpose.newCoordination,
    ]);
    expect(values[4]! + values[5]!).toBe(n.remaining);
    expect(values[5]).toBe(n.reserve);
    expect(foot(m, 'total')).toEqual(['4 700 000,00 €', '100,0 %']);
    expect(row(m, 'reserve')).toEqual(['310 000,00 €', '6,6 %']);
  });

  // [case, envelope, allotted→reserve, committed by purpose, expected keys, expected notes]
  it.each([
    [
      'over-allotted: remaining drawn whole, negative reserve as a note',
      1_000,
      1_200,
      [300, 0, 0, 0],
      ['remaining'],
      ['reserve'],
    ],
    ['reserve above remaining', 1_000, 100, [800, 0, 0, 0], ['remaining'], ['reserve']],
    [
      'over-committed: no remaining part, overrun as a note',
      1_000,
      1_000,
      [700, 500, 0, 0],
      [],
      ['overrun', 'reserve'],
    ],
  ] as const)('%s', (_name, envelope, allotted, purposes, keys, notes) => {
    const committed = c(sumOf(purposes));
    const byPurpose = {
      ongoing: c(purposes[0]),
      consolidation: c(purposes[1]),
      largeProject: c(purposes[2]),
      newCoordination: c(purposes[3]),
    };
    const n = national({
      envelope: c(envelope),
      allotted: c(allotted),
      reserve: c(envelope - allotted),
      committed,
      remaining: (c(envelope) - committed) as Cents,
      byPurpose,
    });
    const m = purposeModel(n);
    expect(m.keys.slice(4)).toEqual(keys);
    expect(m.table.foot.map((r) => r.key)).toEqual(['total', ...notes]);
    const drawn = sumOf(m.series[0]!.values);
    expect(drawn).toBe(n.remaining >= 0 ? n.envelope : n.committed);
    if ((notes as readonly string[]).includes('overrun')) expect(foot(m, 'overrun')?.[0]).toBe('200,00 €');
  });

  it('shows State amounts of an unknown purpose as their own part', () => {
    const n = national({
      committed: (demoFigures.national.committed + 12_345) as Cents,
      remaining: (demoFigures.national.remaining - 12_345) as Cents,
    });
    const m = purposeModel(n);
    expect(m.keys).toContain('otherPurpose');
    expect(sumOf(m.series[0]!.values)).toBe(n.envelope);
  });
});
