// The id → index maps a recompute needs, kept by whoever recomputes (the incremental recomputer) so that an edit,
// which keeps the ids in their places and the structures array, rebuilds no map of 100 000 entries. The domain
// keeps no state of its own between calls: a recompute without a cache builds what it needs.
import type { Position, Structure } from './types';

export class IndexCache {
  private ids: readonly string[] = [];
  private index: ReadonlyMap<string, number> = new Map();
  private readonly structures = new WeakMap<readonly Structure[], Map<string, number>>();

  /** Ids of the last position index built, for callers that compare them while they read the positions anyway. */
  get lastIds(): readonly string[] {
    return this.ids;
  }

  /** The last position index built: valid for a positions array whose ids are exactly lastIds. */
  get lastIndex(): ReadonlyMap<string, number> {
    return this.index;
  }

  /**
   * id → index of a positions array. An edit gives a new array with the same ids in the same places, so the
   * previous index is reused after a pointer comparison of the ids.
   */
  positionIndex(positions: readonly Position[]): ReadonlyMap<string, number> {
    const last = this.ids;
    let same = last.length === positions.length;
    for (let i = 0; same && i < positions.length; i++) same = (positions[i] as Position).id === last[i];
    if (same) return this.index;
    const ids = new Array<string>(positions.length);
    const index = new Map<string, number>();
    for (let i = 0; i < positions.length; i++) {
      const id = (positions[i] as Position).id;
      ids[i] = id;
      index.set(id, i);
    }
    this.ids = ids;
    this.index = index;
    return index;
  }

  /** id → index in a structures array (the last one wins on a duplicate id), built once per array. */
  structureIndex(structures: readonly Structure[]): Map<string, number> {
    let index = this.structures.get(structures);
    if (!index) {
      index = new Map();
      for (let i = 0; i < structures.length; i++) index.set((structures[i] as Structure).id, i);
      this.structures.set(structures, index);
    }
    return index;
  }
}
