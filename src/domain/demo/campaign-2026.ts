// The 2026 campaign (AAP PNAD 2026): 4 700 000 €, rules at their 2026 values, conventions 01/11/2026–31/10/2027.
import { DEFAULT_RULES } from '../rules-defaults';
import { eurosToCents, type Cents } from '../money';
import type { Campaign, RegionBudget } from '../types';

export function campaign2026(): Campaign {
  return {
    id: 'aap-2026',
    year: 2026,
    label: 'AAP PNAD clauses sociales d’insertion 2026',
    nationalEnvelope: eurosToCents(4_700_000),
    rules: { ...DEFAULT_RULES },
    defaultConventionStart: '2026-11-01',
    defaultConventionEnd: '2027-10-31',
    defaultPaymentSchedule: 'atSignature',
  };
}

/** Example regional envelopes in euros (the `Enveloppes 2026` sheet of the fixtures), in DGEFP order. */
export const EXAMPLE_ENVELOPES_2026: ReadonlyArray<readonly [string, number]> = [
  ['84', 560_000],
  ['27', 190_000],
  ['53', 210_000],
  ['24', 160_000],
  ['94', 40_000],
  ['44', 330_000],
  ['32', 420_000],
  ['11', 780_000],
  ['28', 200_000],
  ['75', 360_000],
  ['76', 370_000],
  ['52', 240_000],
  ['93', 330_000],
  ['01', 40_000],
  ['02', 40_000],
  ['03', 30_000],
  ['04', 70_000],
  ['06', 20_000],
];

export function exampleRegionBudgets(): RegionBudget[] {
  return EXAMPLE_ENVELOPES_2026.map(([regionCode, euros]) => ({
    regionCode,
    envelope: eurosToCents(euros),
    fteTarget: null,
  }));
}

/** The 18 regions with a zero envelope, for an empty campaign. */
export function emptyRegionBudgets(): RegionBudget[] {
  return EXAMPLE_ENVELOPES_2026.map(([regionCode]) => ({
    regionCode,
    envelope: 0 as Cents,
    fteTarget: null,
  }));
}
