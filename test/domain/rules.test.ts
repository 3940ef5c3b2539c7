// One table of cases per AAP rule: the breach appears exactly when the rule is broken, with its figures.
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../src/domain/breach';
import { fte } from '../../src/domain/fte';
import { eurosToCents as e } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { LegalStatus, Position, RuleParams } from '../../src/domain/types';
import { plain, position, scenario, structure } from './helpers';

function breachesOf(positions: Position[], status: LegalStatus = 'association', rules?: Partial<RuleParams>) {
  const s = scenario(positions, [structure({ legalStatus: status })]);
  const sc = rules ? { ...s, campaign: { ...s.campaign, rules: { ...s.campaign.rules, ...rules } } } : s;
  return recompute(sc).breaches;
}

const co = (amount: number, category: Position['coFundings'][number]['category'] = 'localAuthority') => ({
  funder: 'x',
  category,
  amount: e(amount),
});

describe('rule 2: State share ≤ 70 % of cost', () => {
  const cases: Array<[string, number, number, RuleId[], string?]> = [
    ['exactly 70 %', 40_000, 28_000, []],
    [
      'one cent over',
      40_000,
      28_000.01,
      ['stateShare'],
      'Part État 70,00003 % > 70 % : dépassement de 0,01 €',
    ],
    ['one euro over', 25_000, 17_501, ['stateShare'], 'Part État 70,004 % > 70 % : dépassement de 1,00 €'],
    ['72 %', 48_000, 34_560, ['stateShare'], 'Part État 72,00 % > 70 % : dépassement de 960,00 €'],
    ['below', 40_000, 20_000, []],
  ];
  it.each(cases)('%s', (_name, cost, state, expected, message) => {
    const b = breachesOf([
      position({ annualCost: e(cost), stateAmount: e(state), coFundings: [co(cost - state)] }),
    ]);
    expect(b.map((x) => x.ruleId)).toEqual(expected);
    if (message) expect(plain(b[0]!.message)).toBe(message);
    if (expected.length) expect(b[0]!.figures.excess).toBe(e(state) - Math.floor(e(cost) * 0.7));
  });
});

describe('rule 2: optional State ceiling per ETP', () => {
  it('max State = min(70 % × cost, ceiling × ETP)', () => {
    const p = position({
      fte: fte(50),
      annualCost: e(60_000),
      stateAmount: e(20_000),
      coFundings: [co(40_000)],
    });
    expect(breachesOf([p], 'association', { stateCeilingPerFte: e(35_000) }).map((b) => b.ruleId)).toEqual([
      'stateCeilingPerFte',
    ]);
    const b = breachesOf([p], 'association', { stateCeilingPerFte: e(35_000) })[0]!;
    expect(b.figures.ceiling).toBe(e(17_500));
    expect(b.figures.excess).toBe(e(2_500));
    expect(plain(b.message)).toContain('dépassement de 2 500,00 €');
    expect(breachesOf([p], 'association', { stateCeilingPerFte: e(40_000) })).toEqual([]);
    expect(breachesOf([p])).toEqual([]);
  });
});

describe('rule 3: collectivités ≤ 80 % from all State sources', () => {
  const cases: Array<[LegalStatus, number, RuleId[]]> = [
    ['departement', 5_000, ['allStateShare']],
    ['commune', 5_000, ['allStateShare']],
    ['epci', 5_000, ['allStateShare']],
    ['collectiviteTerritoriale', 5_000, ['allStateShare']],
    ['departement', 4_600, []],
    ['association', 5_000, []],
    ['gip', 5_000, []],
  ];
  it.each(cases)('%s with %d € of other State credits', (status, stateOther, expected) => {
    const p = position({
      annualCost: e(46_000),
      stateAmount: e(32_200),
      coFundings: [co(stateOther, 'stateOther'), co(46_000 - 32_200 - stateOther)],
    });
    expect(breachesOf([p], status).map((b) => b.ruleId)).toEqual(expected);
  });
  it('the excess is all-State minus 80 % of the cost', () => {
    const p = position({
      annualCost: e(46_000),
      stateAmount: e(32_200),
      coFundings: [co(5_000, 'stateOther'), co(8_800)],
    });
    expect(breachesOf([p], 'departement')[0]!.figures.excess).toBe(e(400));
  });
});

describe('rule 6: reste à financer is a breach either sign', () => {
  const cases: Array<[number, RuleId[], RegExp?]> = [
    [12_000, []],
    [10_000, ['remaining'], /^Reste à financer 2 000,00 €/],
    [12_500, ['remaining'], /^Financement excédentaire de 500,00 €/],
  ];
  it.each(cases)('co-funding %d € on 40 000 € with 28 000 € State', (coFunding, expected, message) => {
    const b = breachesOf([position({ coFundings: [co(coFunding)] })]);
    expect(b.map((x) => x.ruleId)).toEqual(expected);
    if (message) expect(plain(b[0]!.message)).toMatch(message);
  });
});

describe('co-funding ≥ minimum rate (when the position balances)', () => {
  it('fires when the campaign asks more co-funding than the State cap leaves', () => {
    const p = position({ annualCost: e(40_000), stateAmount: e(26_000), coFundings: [co(14_000)] });
    expect(breachesOf([p], 'association', { minCoFundingRate: 4_000 }).map((b) => b.ruleId)).toEqual([
      'coFundingShare',
    ]);
    expect(breachesOf([p]).map((b) => b.ruleId)).toEqual([]);
  });
});

describe('rule 4: at least 0,5 ETP per structure and role', () => {
  const cases: Array<[string, number[], Position['role'][], number]> = [
    ['0,40 alone', [40], ['facilitateur'], 1],
    ['0,50 alone', [50], ['facilitateur'], 0],
    ['0,25 + 0,25 same role', [25, 25], ['facilitateur', 'facilitateur'], 0],
    ['0,25 + 0,25 different roles', [25, 25], ['facilitateur', 'coordinateur'], 2],
  ];
  it.each(cases)('%s', (_n, ftes, roles, count) => {
    const positions = ftes.map((h, i) =>
      position({
        id: `p${i}`,
        fte: fte(h),
        role: roles[i]!,
        cohort: 2024,
        annualCost: e(10_000),
        stateAmount: e(7_000),
        coFundings: [co(3_000)],
      }),
    );
    const b = breachesOf(positions).filter((x) => x.ruleId === 'minFte');
    expect(b).toHaveLength(count);
  });
});

describe('rule 5: a new coordinator only where the region has none', () => {
  const coord = (id: string, cohort: number, regionCode = '76') =>
    position({ id, role: 'coordinateur', cohort, regionCode, structureId: 's1' });
  const cases: Array<[string, Position[], string[]]> = [
    ['new where one exists', [coord('old', 2022), coord('new', 2026)], ['new']],
    ['new where none exists', [coord('new', 2026)], []],
    ['existing elsewhere only', [coord('old', 2022, '11'), coord('new', 2026)], []],
    ['renewal of the existing', [coord('old', 2022)], []],
  ];
  it.each(cases)('%s', (_n, positions, flagged) => {
    const b = breachesOf(positions).filter((x) => x.ruleId === 'newCoordinator');
    expect(b.map((x) => x.positionId)).toEqual(flagged);
  });
});

describe('rule 1: convention year ≤ 3', () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
  ])('year %d → %d breach', (year, count) => {
    const b = breachesOf([position({ conventionYear: year })]).filter((x) => x.ruleId === 'conventionYear');
    expect(b).toHaveLength(count);
  });
});
