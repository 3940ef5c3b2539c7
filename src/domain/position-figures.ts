// Computed figures of one position (never stored): co-funding totals, rates, State ceilings, reste à financer.
import type { Cents } from './money';
import { maxStateAmount } from './rules';
import type { FunderCategory, Position, PositionFigures, RuleParams } from './types';

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
