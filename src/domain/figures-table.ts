// Per-position computed figures stored column-wise (typed arrays), materialised only for rows asked for:
// a recompute of 100 000 positions allocates no object per position.
import type { Cents } from './money';
import type { PositionFigures } from './position-figures';
import type { Position } from './types';

export class PositionFiguresTable {
  constructor(
    private readonly positions: readonly Position[],
    private readonly index: ReadonlyMap<string, number>,
    /** Σ co-fundings per position, in cents. */
    readonly coFundingTotal: Float64Array,
    /** "Other State credits" co-funding per position, in cents. */
    readonly stateOther: Float64Array,
    /** Maximum State amount per position, in cents. */
    readonly maxState: Float64Array,
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
    const p = this.positions[i] as Position;
    const co = this.coFundingTotal[i] ?? 0;
    const other = this.stateOther[i] ?? 0;
    const cost = p.annualCost;
    return {
      coFundingTotal: co as Cents,
      stateOtherCoFunding: other as Cents,
      allStateAmount: (p.stateAmount + other) as Cents,
      remaining: (cost - p.stateAmount - co) as Cents,
      maxStateAmount: (this.maxState[i] ?? 0) as Cents,
      stateRate: cost === 0 ? null : p.stateAmount / cost,
      coFundingRate: cost === 0 ? null : co / cost,
    };
  }
}

let lastIds: string[] = [];
let lastIndex = new Map<string, number>();

/**
 * id → index of a positions array. An edit gives a new array with the same ids in the same places, so the
 * previous index is reused after a pointer comparison of the ids (no rebuild of a 100 000-entry map).
 */
export function positionIndex(positions: readonly Position[]): ReadonlyMap<string, number> {
  let same = lastIds.length === positions.length;
  for (let i = 0; same && i < positions.length; i++) same = (positions[i] as Position).id === lastIds[i];
  if (same) return lastIndex;
  const ids = new Array<string>(positions.length);
  const index = new Map<string, number>();
  for (let i = 0; i < positions.length; i++) {
    const id = (positions[i] as Position).id;
    ids[i] = id;
    index.set(id, i);
  }
  lastIds = ids;
  lastIndex = index;
  return index;
}
