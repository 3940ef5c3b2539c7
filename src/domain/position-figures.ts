// Computed figures of one position (never stored): co-funding totals, rates, State ceilings, reste à financer.
import type { Cents } from './money';
import { maxStateAmount } from './rules';
import type { FunderCategory, Position, RuleParams } from './types';

export interface PositionFigures {
  coFundingTotal: Cents;
  /** Co-funding whose funder category is "other State credits" (counts with the AAP for the 80 % rule). */
  stateOtherCoFunding: Cents;
  /** AAP + other State co-funding. */
  allStateAmount: Cents;
  /** cost − State − co-fundings: positive is a gap, negative an excess of funding. */
  remaining: Cents;
  /** min(max rate × cost, ceiling per ETP × ETP), in cents. */
  maxStateAmount: Cents;
  /** State amount ÷ cost (0.72 for 72 %), null when the cost is zero. */
  stateRate: number | null;
  coFundingRate: number | null;
}

export function positionFigures(position: Position, rules: RuleParams): PositionFigures {
  let coFundingTotal = 0;
  let stateOther = 0;
  for (const c of position.coFundings) {
    coFundingTotal += c.amount;
    if (c.category === 'stateOther') stateOther += c.amount;
  }
  const cost = position.annualCost;
  return {
    coFundingTotal: coFundingTotal as Cents,
    stateOtherCoFunding: stateOther as Cents,
    allStateAmount: (position.stateAmount + stateOther) as Cents,
    remaining: (cost - position.stateAmount - coFundingTotal) as Cents,
    maxStateAmount: maxStateAmount(position, rules),
    stateRate: cost === 0 ? null : position.stateAmount / cost,
    coFundingRate: cost === 0 ? null : coFundingTotal / cost,
  };
}

/** Co-funding of one category for a position (sum when several funders share a category). */
export function coFundingOf(position: Position, category: FunderCategory): Cents {
  let total = 0;
  for (const c of position.coFundings) if (c.category === category) total += c.amount;
  return total as Cents;
}
