// Per-position computed figures, materialised only for the rows asked for: a recompute of 100 000 positions
// allocates no object and no column per position. A row's figures come from the position itself and the
// campaign's rules (positionFigures), so an edit gives a new table in O(1).
import { positionFigures } from './position-figures';
import type { Position, PositionFigures, RuleParams } from './types';

interface Columns {
  coFundingTotal: Float64Array;
  stateOther: Float64Array;
  maxState: Float64Array;
}

export class PositionFiguresTable {
  private columns: Columns | null = null;

  constructor(
    private readonly positions: readonly Position[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly rules: RuleParams,
  ) {}

  get size(): number {
    return this.positions.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  get(id: string): PositionFigures | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  at(i: number): PositionFigures {
    return positionFigures(this.positions[i] as Position, this.rules);
  }

  /** Σ co-fundings per position, in cents (a column built on first read). */
  get coFundingTotal(): Float64Array {
    return this.materialise().coFundingTotal;
  }

  /** "Other State credits" co-funding per position, in cents (built on first read). */
  get stateOther(): Float64Array {
    return this.materialise().stateOther;
  }

  /** Maximum State amount per position, in cents (built on first read). */
  get maxState(): Float64Array {
    return this.materialise().maxState;
  }

  private materialise(): Columns {
    if (this.columns) return this.columns;
    const n = this.positions.length;
    const columns = {
      coFundingTotal: new Float64Array(n),
      stateOther: new Float64Array(n),
      maxState: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const f = this.at(i);
      columns.coFundingTotal[i] = f.coFundingTotal;
      columns.stateOther[i] = f.stateOtherCoFunding;
      columns.maxState[i] = f.maxStateAmount;
    }
    return (this.columns = columns);
  }
}
