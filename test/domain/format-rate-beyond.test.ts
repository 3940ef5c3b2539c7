// A rate shown next to the limit it breaks never reads as the limit itself (« Part État 70,00 % > 70 % »).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPercent, formatRateBeyond } from '../../src/domain/format-fr';
import { MAX_ABS_CENTS } from '../../src/domain/money';
import type { Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { position, scenario, structure } from './helpers';

function breachesOf(cost: number, state: number) {
  const coFundings = [{ funder: 'x', category: 'localAuthority' as const, amount: (cost - state) as Cents }];
  const p = position({ annualCost: cost as Cents, stateAmount: state as Cents, coFundings });
  return recompute(scenario([p], [structure()])).breaches;
}

/** `70,00003 %` → [7000003n, 5]: the shown digits as an integer and how many decimals they have. */
function shownDigits(text: string): [bigint, number] {
  const match = /^(-?)([\d\u202f]+),(\d+)\u00a0%$/.exec(text);
  if (!match) throw new Error(`not a rate: ${text}`);
  const value = BigInt(match[2]!.replace(/\u202f/g, '') + match[3]!);
  return [match[1] ? -value : value, match[3]!.length];
}

describe('formatRateBeyond', () => {
  it.each<[number, number, number, string]>([
    [2_800_001, 4_000_000, 7000, '70,00003 %'],
    [1_750_100, 2_500_000, 7000, '70,004 %'],
    [2_800_000, 4_000_000, 7000, '70,00 %'],
    [3_456_000, 4_800_000, 7000, '72,00 %'],
    [2_857_143, 4_000_000, 7000, '71,43 %'],
    [1_199_999, 4_000_000, 3000, '29,99998 %'],
    [1_199_900, 4_000_000, 3000, '29,998 %'],
    [1, 1_000_000_000_000, 0, '0,0000000001 %'],
    [700_000_000_001, 1_000_000_000_000, 7000, '70,0000000001 %'],
    [-5, 10, 7000, '-50,00 %'],
    [5, 0, 7000, '—'],
  ])('%i / %i against %i bp → %s', (part, whole, limit, expected) => {
    expect(formatRateBeyond(part, whole, limit).replace(/[\u202f\u00a0]/g, ' ')).toBe(
      expected.replace(/[\u202f\u00a0]/g, ' '),
    );
  });

  it('is formatPercent with two decimals whenever two decimals already differ from the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (part, whole) => {
          const two = formatPercent(part / whole);
          if (two !== formatPercent(0.7)) expect(formatRateBeyond(part, whole, 7000)).toBe(two);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('over the limit shows more than it, under shows less, always within half a last digit of the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ABS_CENTS }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (whole, limit, offset) => {
          // Parts near the limit × cost: the hard cases, a few cents either side.
          const part = Math.max(0, Math.floor((whole * limit) / 10_000) + offset);
          const [shown, digits] = shownDigits(formatRateBeyond(part, whole, limit));
          const scale = 10n ** BigInt(digits);
          const limitShown = BigInt(limit) * 10n ** BigInt(digits - 2);
          const exact = BigInt(part) * 10_000n - BigInt(limit) * BigInt(whole); // sign of rate − limit
          if (exact > 0n) expect(shown > limitShown).toBe(true);
          if (exact < 0n) expect(shown < limitShown).toBe(true);
          if (exact === 0n) expect([shown, digits]).toEqual([limitShown, 2]);
          // |shown − 100·part/whole| ≤ ½ unit of the last digit.
          const error = shown * BigInt(whole) - BigInt(part) * 100n * scale;
          expect(2n * (error < 0n ? -error : error) <= BigInt(whole)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('breach messages show the excess in the rate', () => {
  it('a State share one cent over 70 % of any cost never reads « 70 % > 70 % »', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (cost) => {
        const state = Math.floor((cost * 7000) / 10_000) + 1;
        const b = breachesOf(cost, state).find((x) => x.ruleId === 'stateShare');
        const shown = /^Part État (.*) > 70\u00a0% : dépassement de 0,01\u00a0€$/.exec(b!.message)?.[1];
        expect(shown).toBeDefined();
        expect(shown).not.toMatch(/^70,0*\u00a0%$/);
      }),
      { numRuns: 500 },
    );
  });
});
