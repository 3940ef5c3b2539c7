// Sums shown by the totals row and the group headers of the Postes grid: integer cents and hundredths of ETP,
// added from the positions and the domain's figures (never from displayed text, never through floats).
import type { Cents } from '../../domain/money';
import type { ScenarioFigures } from '../../domain/recompute';
import { FUNDER_CATEGORIES, type FunderCategory, type Position } from '../../domain/types';

export interface Totals {
  positionCount: number;
  /** ETP in hundredths. */
  fte: number;
  annualCost: Cents;
  stateAmount: Cents;
  coFunding: Record<FunderCategory, Cents>;
  coFundingTotal: Cents;
  remaining: Cents;
  breachCount: number;
}

export function emptyTotals(): Totals {
  const coFunding = {} as Record<FunderCategory, Cents>;
  for (const c of FUNDER_CATEGORIES) coFunding[c] = 0 as Cents;
  return {
    positionCount: 0,
    fte: 0,
    annualCost: 0 as Cents,
    stateAmount: 0 as Cents,
    coFunding,
    coFundingTotal: 0 as Cents,
    remaining: 0 as Cents,
    breachCount: 0,
  };
}

/** Adds one position to `t` (mutates it, so a sum over 100 000 rows allocates nothing per row). */
export function addPosition(t: Totals, p: Position, figures: ScenarioFigures): void {
  t.positionCount += 1;
  t.fte += p.fte;
  t.annualCost = (t.annualCost + p.annualCost) as Cents;
  t.stateAmount = (t.stateAmount + p.stateAmount) as Cents;
  for (const c of p.coFundings) t.coFunding[c.category] = (t.coFunding[c.category] + c.amount) as Cents;
  const f = figures.positions.get(p.id);
  if (f) {
    t.coFundingTotal = (t.coFundingTotal + f.coFundingTotal) as Cents;
    t.remaining = (t.remaining + f.remaining) as Cents;
  }
  t.breachCount += figures.breachesByPosition.get(p.id)?.length ?? 0;
}

/** The totals of every position, from the domain's regional sums (no walk over the rows). */
export function totalsOfAll(figures: ScenarioFigures): Totals {
  const t = emptyTotals();
  for (const r of figures.regions) {
    t.positionCount += r.positionCount;
    t.fte += r.fteByRole.facilitateur + r.fteByRole.coordinateur;
    t.annualCost = (t.annualCost + r.totalCost) as Cents;
    t.stateAmount = (t.stateAmount + r.committed) as Cents;
    for (const c of FUNDER_CATEGORIES) t.coFunding[c] = (t.coFunding[c] + r.coFundingByCategory[c]) as Cents;
    t.coFundingTotal = (t.coFundingTotal + r.coFundingTotal) as Cents;
    t.remaining = (t.remaining + r.remaining) as Cents;
    t.breachCount += r.breachCount;
  }
  return t;
}

/** A stable text of the figures, to tell whether a rendered group header must be redrawn. */
export function totalsSignature(t: Totals): string {
  return [
    t.positionCount,
    t.fte,
    t.annualCost,
    t.stateAmount,
    t.coFundingTotal,
    t.remaining,
    t.breachCount,
    ...FUNDER_CATEGORIES.map((c) => t.coFunding[c]),
  ].join('|');
}
