// Rule 7: AE in the signature year, CP by calendar year from the payment schedule; rule 10: ETP ending by year.
import { describe, expect, it } from 'vitest';
import { fte } from '../../src/domain/fte';
import { eurosToCents as e } from '../../src/domain/money';
import { conventionsEndingByMonth, fteEndingByYear, limitEndYear } from '../../src/domain/planning';
import { DEFAULT_RULES } from '../../src/domain/rules-defaults';
import { aeCpByYear, paymentsOf } from '../../src/domain/schedule';
import { position } from './helpers';

describe('AE and CP of a 01/11/2026–31/10/2027 convention', () => {
  it('100 % at signature: AE and CP all in 2026', () => {
    const p = position({ stateAmount: e(28_000), paymentSchedule: 'atSignature' });
    expect([...aeCpByYear([p], 2026)]).toEqual([[2026, { ae: e(28_000), cp: e(28_000) }]]);
  });
  it('50 % advance + 50 % balance: AE 2026, CP split 2026/2027', () => {
    const p = position({ stateAmount: e(28_000), paymentSchedule: 'advanceAndBalance' });
    expect([...aeCpByYear([p], 2026)]).toEqual([
      [2026, { ae: e(28_000), cp: e(14_000) }],
      [2027, { ae: e(0), cp: e(14_000) }],
    ]);
  });
  it('an odd cent goes to the balance, and CP always sum to the AE', () => {
    const p = position({ stateAmount: e(0.03), paymentSchedule: 'advanceAndBalance' });
    expect(paymentsOf(p, 2026).map((x) => x.amount)).toEqual([1, 2]);
  });
  it('an undated convention is signed in the campaign year', () => {
    const p = position({ conventionStart: null, conventionEnd: null, paymentSchedule: 'advanceAndBalance' });
    expect(paymentsOf(p, 2026).map((x) => x.year)).toEqual([2026, 2027]);
  });
});

describe('ETP planning', () => {
  it('splits ETP ending in a year between renewals and the 3-year limit', () => {
    const ps = [
      position({ id: 'a', fte: fte(100), conventionYear: 1 }),
      position({ id: 'b', fte: fte(56), conventionYear: 3 }),
      position({ id: 'c', fte: fte(50), conventionYear: 2, conventionEnd: '2028-10-31' }),
    ];
    expect(limitEndYear(ps[0]!, DEFAULT_RULES)).toBe(2029);
    expect(limitEndYear(ps[1]!, DEFAULT_RULES)).toBe(2027);
    expect([...fteEndingByYear(ps, DEFAULT_RULES)]).toEqual([
      [2027, { conventionEnds: 156, limitEnds: 56, toRenew: 100 }],
      [2028, { conventionEnds: 50, limitEnds: 0, toRenew: 50 }],
    ]);
  });
  it('counts conventions ending per month over a window', () => {
    const ps = [
      position({ id: 'a' }),
      position({ id: 'b' }),
      position({ id: 'c', conventionEnd: '2029-01-31' }),
    ];
    const months = conventionsEndingByMonth(ps, '2026-11-01', 24);
    expect(months.size).toBe(24);
    expect([...months.keys()][0]).toBe('2026-11');
    expect([...months.keys()][23]).toBe('2028-10');
    expect(months.get('2027-10')).toBe(2);
    expect([...months.values()].reduce((a, b) => a + b, 0)).toBe(2);
  });
});
