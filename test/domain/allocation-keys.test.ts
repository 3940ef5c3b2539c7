// Allocation keys: the weight of each region from current ETP, ETP to renew next year, or equal shares.
import { describe, expect, it } from 'vitest';
import { currentFteWeights, equalWeights, fteToRenewWeights } from '../../src/domain/allocation-keys';
import { DEFAULT_RULES } from '../../src/domain/rules-defaults';
import { fte } from '../../src/domain/fte';
import { recompute } from '../../src/domain/recompute';
import { position, scenario } from './helpers';

const CODES = ['76', '11', '06'];

describe('currentFteWeights', () => {
  const cases = [
    { name: 'no position: 0 everywhere', positions: [], expected: [0, 0, 0] },
    {
      name: 'facilitateurs and coordinateurs add up, per region',
      positions: [
        position({ id: 'a', regionCode: '76', fte: fte(100) }),
        position({ id: 'b', regionCode: '76', role: 'coordinateur', fte: fte(50) }),
        position({ id: 'c', regionCode: '06', fte: fte(56) }),
      ],
      expected: [150, 0, 56],
    },
  ];
  it.each(cases)('$name', ({ positions, expected }) => {
    const figures = recompute(scenario(positions));
    expect(currentFteWeights(CODES, figures.regionByCode)).toEqual(expected);
  });

  it('gives 0 to a region the figures do not know', () => {
    expect(currentFteWeights(['zz'], new Map())).toEqual([0]);
  });
});

describe('fteToRenewWeights (conventions ending in the given year)', () => {
  const cases = [
    {
      name: 'a year-1 convention ending in 2027 is renewable by amendment',
      positions: [
        position({ regionCode: '76', fte: fte(100), conventionEnd: '2027-10-31', conventionYear: 1 }),
      ],
      year: 2027,
      expected: [100, 0, 0],
    },
    {
      name: 'a convention at the end of its 3 years counts too (to consolidate)',
      positions: [
        position({ regionCode: '11', fte: fte(80), conventionEnd: '2027-10-31', conventionYear: 3 }),
      ],
      year: 2027,
      expected: [0, 80, 0],
    },
    {
      name: 'renewals and limit ends add up in a region',
      positions: [
        position({ id: 'a', regionCode: '06', fte: fte(50), conventionYear: 1 }),
        position({ id: 'b', regionCode: '06', fte: fte(30), conventionYear: 3 }),
      ],
      year: 2027,
      expected: [0, 0, 80],
    },
    {
      name: 'another year, an undated convention and an unknown region count for nothing',
      positions: [
        position({ id: 'a', regionCode: '76', conventionEnd: '2028-10-31' }),
        position({ id: 'b', regionCode: '76', conventionEnd: null }),
        position({ id: 'c', regionCode: '99', conventionEnd: '2027-10-31' }),
      ],
      year: 2027,
      expected: [0, 0, 0],
    },
  ];
  it.each(cases)('$name', ({ positions, year, expected }) => {
    expect(fteToRenewWeights(CODES, positions, DEFAULT_RULES, year)).toEqual(expected);
  });
});

describe('equalWeights', () => {
  it.each([
    { codes: [], expected: [] },
    { codes: CODES, expected: [1, 1, 1] },
  ])('$codes.length regions', ({ codes, expected }) => {
    expect(equalWeights(codes)).toEqual(expected);
  });
});
