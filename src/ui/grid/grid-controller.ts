// A handle on the Postes grid for the rest of the screen (the Anomalies panel, the file exports). It outlives the
// grid: a jump asked while the grid is not mounted (another tab is shown) waits and runs when the grid is back.

/** What callers need: go to a position's row, on the cell of a breach field or column id if given. */
export interface PositionsGridHandle {
  jumpTo(positionId: string, field?: string): void;
  /** Ids of the positions the grid shows (search, filters and sort applied), in order; null without a grid. */
  displayedPositionIds?(): string[] | null;
}

export class PositionsGridController implements PositionsGridHandle {
  private target: PositionsGridHandle | null = null;
  private pending: { positionId: string; field: string | undefined } | null = null;

  /** Called by PositionsGrid when its grid is ready; returns the detach function for its unmount. */
  attach(target: PositionsGridHandle): () => void {
    this.target = target;
    const pending = this.pending;
    this.pending = null;
    if (pending) target.jumpTo(pending.positionId, pending.field);
    return () => {
      if (this.target === target) this.target = null;
    };
  }

  /**
   * Scrolls to the position's row, focuses the cell of the breached field (`stateAmount`, `coFundings`…, or a
   * column id; the Structure cell otherwise) and flashes it. Clears the quick search and column filters if they
   * hide the row; says so in the grid's live region when the row cannot be shown (region filter, deleted).
   */
  jumpTo(positionId: string, field?: string): void {
    if (this.target) this.target.jumpTo(positionId, field);
    else this.pending = { positionId, field };
  }

  /** What `Exporter la vue` writes: the positions shown, in the grid's order; null while no grid is attached. */
  displayedPositionIds(): string[] | null {
    return this.target?.displayedPositionIds?.() ?? null;
  }
}
