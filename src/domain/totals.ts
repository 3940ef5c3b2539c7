// Regional and national figures (PRODUCT.md rules 8 and 9): envelopes, committed, available, reserve, remaining.
import type { Cents } from './money';
import type { FunderCategory, Purpose, Role } from './types';
import { FUNDER_CATEGORIES, PURPOSES } from './types';

export interface RegionFigures {
  regionCode: string;
  envelope: Cents;
  /** Σ State amounts of the region's positions. */
  committed: Cents;
  /** envelope − committed (negative when over-committed). */
  available: Cents;
  totalCost: Cents;
  coFundingTotal: Cents;
  coFundingByCategory: Record<FunderCategory, Cents>;
  /** Σ reste à financer (gaps minus excesses). */
  remaining: Cents;
  /** ETP in hundredths. */
  fteByRole: Record<Role, number>;
  fteByCohort: Map<number, number>;
  fteTarget: number | null;
  structureCount: number;
  positionCount: number;
  /** Total cost ÷ State amount (effet levier), null without State amount. */
  leverage: number | null;
  breachCount: number;
}

export interface NationalFigures {
  envelope: Cents;
  /** Σ regional envelopes (répartie). */
  allotted: Cents;
  /** envelope − allotted (réserve non répartie). */
  reserve: Cents;
  /** Σ State amounts (engagée). */
  committed: Cents;
  /** envelope − committed (reste à allouer). */
  remaining: Cents;
  /** Σ State amounts by purpose (use of the envelope). */
  byPurpose: Record<Purpose, Cents>;
  totalCost: Cents;
  coFundingByCategory: Record<FunderCategory, Cents>;
  fteByRole: Record<Role, number>;
  positionCount: number;
  breachCount: number;
}

export function zeroByCategory(): Record<FunderCategory, Cents> {
  const r = {} as Record<FunderCategory, Cents>;
  for (const c of FUNDER_CATEGORIES) r[c] = 0 as Cents;
  return r;
}

/** National figures from the regions' sums and the State amounts by purpose (in PURPOSES order). */
export function nationalFigures(
  envelope: Cents,
  regions: readonly RegionFigures[],
  stateByPurpose: ArrayLike<number>,
): NationalFigures {
  let allotted = 0;
  let committed = 0;
  let totalCost = 0;
  let positionCount = 0;
  let breachCount = 0;
  const coFundingByCategory = zeroByCategory();
  const fteByRole = { facilitateur: 0, coordinateur: 0 };
  for (const r of regions) {
    allotted += r.envelope;
    committed += r.committed;
    totalCost += r.totalCost;
    positionCount += r.positionCount;
    breachCount += r.breachCount;
    fteByRole.facilitateur += r.fteByRole.facilitateur;
    fteByRole.coordinateur += r.fteByRole.coordinateur;
    for (const c of FUNDER_CATEGORIES)
      coFundingByCategory[c] = (coFundingByCategory[c] + r.coFundingByCategory[c]) as Cents;
  }
  const byPurpose = {} as Record<Purpose, Cents>;
  PURPOSES.forEach((purpose, k) => (byPurpose[purpose] = (stateByPurpose[k] ?? 0) as Cents));
  return {
    envelope,
    allotted: allotted as Cents,
    reserve: (envelope - allotted) as Cents,
    committed: committed as Cents,
    remaining: (envelope - committed) as Cents,
    byPurpose,
    totalCost: totalCost as Cents,
    coFundingByCategory,
    fteByRole,
    positionCount,
    breachCount,
  };
}
