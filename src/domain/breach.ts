// Rule breaches as typed values: which rule, which position, the figures, and a French message with the amounts.

export type RuleId =
  | 'stateShare'
  | 'stateCeilingPerFte'
  | 'allStateShare'
  | 'coFundingShare'
  | 'remaining'
  | 'minFte'
  | 'newCoordinator'
  | 'conventionYear';

/** The input field a breach points at, so the grid can mark the right cell. */
export type BreachField = 'stateAmount' | 'coFundings' | 'annualCost' | 'fte' | 'role' | 'conventionYear';

export interface Breach {
  ruleId: RuleId;
  positionId: string;
  /** Region of the position, for counts per region. */
  regionCode: string;
  /** Other positions involved (same structure and role, or the region's existing coordinator). */
  relatedPositionIds: readonly string[];
  field: BreachField;
  /** Figures behind the message (cents, hundredths of ETP, ratios), for panels and exports. */
  figures: Readonly<Record<string, number>>;
  /** French, with the amounts: `Part État 72,00 % > 70 % : dépassement de 960,00 €`. */
  message: string;
}
