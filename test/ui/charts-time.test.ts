// Chart models over time: conventions ending per month, ETP to renew per year, AE/CP per year (national or one
// region), and the shared pieces of a chart model (values drawn, ticks, tooltips, tables).
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../../src/domain/demo';
import { fte } from '../../src/domain/fte';
import { eurosToCents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { aeCpModel, endingsModel, ENDING_MONTHS, renewalsModel } from '../../src/ui/charts/chart-data-time';
import { envelopeModel } from '../../src/ui/charts/chart-data';
import {
  formatTick,
  formatValue,
  sumOf,
  toChartJsData,
  tooltipLine,
  type ChartModel,
} from '../../src/ui/charts/chart-model';
import { plain, position, scenario } from '../domain/helpers';

const row = (m: ChartModel, key: string) => m.table.rows.find((r) => r.key === key)?.cells.map(plain);
const foot = (m: ChartModel) => m.table.foot[0]?.cells.map(plain);

const positions = [
  position({ id: 'a', conventionEnd: '2027-10-31', conventionYear: 1 }),
  position({ id: 'b', conventionEnd: '2027-10-31', conventionYear: 3, fte: fte(50) }),
  position({ id: 'c', regionCode: '53', conventionEnd: '2028-06-30', conventionYear: 2, fte: fte(80) }),
  // Outside the 24 months (Nov. 2026 – Oct. 2028) and undated: counted nowhere in the months.
  position({ id: 'd', conventionStart: '2028-11-01', conventionEnd: '2029-10-31' }),
  position({ id: 'e', conventionStart: null, conventionEnd: null }),
  position({
    id: 'f',
    regionCode: '53',
    conventionStart: '2025-11-01',
    conventionEnd: '2026-10-31',
    paymentSchedule: 'advanceAndBalance',
    stateAmount: eurosToCents(28_000.01),
    coFundings: [{ funder: 'Département', category: 'localAuthority', amount: eurosToCents(11_999.99) }],
  }),
];
const s = scenario(positions);

describe('endingsModel', () => {
  const m = endingsModel(s.positions, s.campaign);

  it('covers 24 months from the campaign’s default convention start, in French', () => {
    expect(m.keys).toHaveLength(ENDING_MONTHS);
    expect(m.labels[0]).toBe('nov. 2026');
    expect(m.labels.at(-1)).toBe('oct. 2028');
  });

  it('counts the conventions ending in each month', () => {
    expect(row(m, '2027-10')).toEqual(['2']);
    expect(row(m, '2028-06')).toEqual(['1']);
    expect(row(m, '2027-01')).toEqual(['0']);
    expect(foot(m)).toEqual(['3']);
    expect(m.unit).toBe('count');
  });
});

describe('renewalsModel', () => {
  it('splits the ETP whose convention ends into renewable and at the 3-year limit, per year', () => {
    const m = renewalsModel(s.positions, s.campaign);
    expect(m.keys).toEqual(['2026', '2027', '2028', '2029']);
    // [renewable, limit, convention ends]
    expect(row(m, '2027')).toEqual(['1,00', '0,50', '1,50']);
    expect(row(m, '2028')).toEqual(['0,80', '0,00', '0,80']);
    expect(foot(m)).toEqual(['3,80', '0,50', '4,30']);
  });
});

describe('aeCpModel', () => {
  it('gives AE in the signature year and CP as paid, nationally', () => {
    const m = aeCpModel(s.positions, s.campaign, null, 'Toutes les régions');
    expect(m.keys).toEqual(['2025', '2026', '2028']);
    // f: 28 000,01 € signed 2025, 50 % advance (rounded down) in 2025, balance in 2026.
    expect(row(m, '2025')).toEqual(['28 000,01 €', '14 000,00 €']);
    expect(row(m, '2026')).toEqual(['112 000,00 €', '126 000,01 €']);
    const [ae, cp] = m.series.map((x) => sumOf(x.values));
    expect(ae).toBe(cp);
    expect(ae).toBe(sumOf(s.positions.map((p) => p.stateAmount)));
  });

  it('keeps only the positions of the chosen region', () => {
    const m = aeCpModel(s.positions, s.campaign, '53', 'Bretagne');
    expect(foot(m)).toEqual(['56 000,01 €', '56 000,01 €']);
    expect(plain(m.summary)).toContain('(Bretagne)');
  });

  it('totals the demo’s AE to the national committed amount', () => {
    const demo = demoScenario('2026-11-22T00:00:00.000Z');
    const m = aeCpModel(demo.positions, demo.campaign, null, 'Toutes les régions');
    expect(sumOf(m.series[0]!.values)).toBe(recompute(demo).national.committed);
  });
});

describe('chart model pieces', () => {
  const m = envelopeModel(recompute(s));

  it.each([
    ['cents', 3_150_000, '31 500,00 €'],
    ['cents', -123_050, '-1 230,50 €'],
    ['fte', 125, '1,25'],
    ['count', 1234, '1 234'],
  ] as const)('formats %s %d as %s', (unit, value, text) => {
    expect(plain(formatValue(unit, value))).toBe(text);
  });

  it.each([
    ['cents', 1_200_000, '1,2 M€'],
    ['cents', 31_500, '31 500 €'],
    ['cents', 0, '0 €'],
    ['fte', 1.5, '1,5'],
    ['count', 12, '12'],
  ] as const)('ticks %s %d as %s', (unit, drawn, text) => {
    expect(plain(formatTick(unit, drawn))).toBe(text);
  });

  it('draws euros and ETP, not cents and hundredths', () => {
    const data = toChartJsData(m);
    const i = m.keys.indexOf('76');
    expect(data.labels[i]).toBe('Occitanie');
    expect(data.datasets.map((d) => d.data[i])).toEqual([370_000, 112_000, 258_000]);
  });

  it('writes tooltips from the exact cents', () => {
    const i = m.keys.indexOf('76');
    expect(plain(tooltipLine(m, 1, i))).toBe('Engagé : 112 000,00 €');
    expect(tooltipLine(m, 9, i)).toBe('');
  });
});
