// The scenario on screen and its figures, kept equal to storage by applying the same ops in the same order
// with the domain's one applier (applyOps, src/domain/ops.ts).
//
// It holds the scenario as stored at a known revision (`confirmed`) and the user's edits not stored yet
// (`pending`, shown at once). At all times: shown = confirmed with every pending edit applied in turn.
//  - an edit is applied to the shown scenario at once (propose);
//  - when storage has written ops — this tab's edit, undo, import, or another tab's change — they are applied to
//    `confirmed` in storage's order (revisions follow each other: revisionBefore of a write is the revision
//    of the one before), when the scenario is next built; the shown scenario is rebuilt only when something
//    other than the oldest pending edit came in between, else it already is what storage holds;
//  - a refused edit is dropped: the shown scenario goes back to confirmed plus the other pending edits;
//  - when a revision is missing (a notice lost or too large), the caller reads the scenario again (reset).
import { applyOps, type Op } from '../domain/ops';
import { createRecomputer } from '../domain/recompute-incremental';
import type { Scenario, Structure } from '../domain/types';
import { structureMap } from './structure-map';

/** An edit shown before it is stored. */
export interface PendingEdit {
  readonly scenarioId: string;
  readonly ops: readonly Op[];
}

/** Ops storage applied to a scenario, between two revisions. */
export interface StoredOps {
  scenarioId: string;
  ops: readonly Op[];
  revisionBefore: number;
  revision: number;
}

/** What became of ops heard from storage: applied, already known, kept until the ones before arrive, or lost. */
export type Outcome = 'applied' | 'known' | 'waiting' | 'gap';

/** Notices further ahead than this are not kept: the scenario is read again instead. */
const MAX_WAITING = 64;

export class ShownScenario {
  scenario = $state.raw<Scenario>() as Scenario;

  /** Recomputes only the positions an edit replaced (falls back to a full recompute otherwise). */
  #recompute = createRecomputer();

  figures = $derived(this.#recompute(this.scenario));

  /** Built once per structures array (a position edit keeps the same array): never mutated. */
  structuresById: ReadonlyMap<string, Structure> = $derived(structureMap(this.scenario.structures));

  /** The scenario as stored at `#revision`, once `#unapplied` is applied to it (done only when needed). */
  #confirmed: Scenario;
  /** Ops storage applied after `#confirmed`, in order. */
  #unapplied: Op[] = [];
  #revision = 0;
  #pending: PendingEdit[] = [];
  /** Ops heard ahead of the revision held, by their revisionBefore (not shown: no reactivity needed). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #waiting = new Map<number, StoredOps>();

  constructor(scenario: Scenario, revision = 0) {
    this.scenario = scenario;
    this.#confirmed = scenario;
    this.#revision = revision;
  }

  /** The revision of storage the shown scenario is built on. */
  get revision(): number {
    return this.#revision;
  }

  /** Whether edits of the shown scenario are waiting to be stored. */
  get hasPending(): boolean {
    return this.#pending.some((edit) => edit.scenarioId === this.scenario.id);
  }

  /** Index of a shown position, through the figures' index (no scan of 100 000 rows). */
  indexOf = (id: string): number | undefined => this.figures.positions.indexOf(id);

  /** Shows a scenario as just read from storage at `revision`, with this tab's edits of it still pending. */
  reset(scenario: Scenario, revision: number): void {
    this.#confirmed = scenario;
    this.#unapplied = [];
    this.#revision = revision;
    for (const key of this.#waiting.keys())
      if (key < revision || scenario.id !== this.scenario.id) this.#waiting.delete(key);
    this.#show();
    this.#drain();
  }

  /** Shows an edit at once; it stays pending until `settle` or `refuse`. */
  propose(ops: readonly Op[]): PendingEdit {
    const edit: PendingEdit = { scenarioId: this.scenario.id, ops };
    this.#pending.push(edit);
    this.scenario = applyOps(this.scenario, ops, this.indexOf);
    return edit;
  }

  /** An edit storage refused: the shown scenario goes back to what is stored, other pending edits kept. */
  refuse(edit: PendingEdit): void {
    this.#pending = this.#pending.filter((e) => e !== edit);
    if (edit.scenarioId === this.scenario.id) this.#show();
  }

  /**
   * Ops this tab stored (its pending `edit`, or a write not shown before: undo, import…). False when revisions
   * are missing before them: the caller must read the scenario again and `reset`.
   */
  settle(edit: PendingEdit | null, stored: StoredOps): boolean {
    const wasOldest = edit !== null && this.#pending.find((e) => e.scenarioId === edit.scenarioId) === edit;
    if (edit) this.#pending = this.#pending.filter((e) => e !== edit);
    if (stored.scenarioId !== this.scenario.id) return true;
    this.#drain();
    if (stored.revision <= this.#revision) {
      // Already held: a write that changed nothing, or one the scenario was read again after.
      if (stored.revisionBefore !== stored.revision) this.#show();
      return true;
    }
    if (stored.revisionBefore !== this.#revision) return false;
    this.#confirm(stored);
    // The oldest pending edit, stored with nothing in between, is already shown as storage holds it: when no
    // other edit is pending, the stored scenario IS the shown one (equal by construction: nothing applied
    // again, one object, no redraw).
    if (!wasOldest) this.#show();
    else if (!this.hasPending) {
      this.#confirmed = this.scenario;
      this.#unapplied = [];
    }
    this.#drain();
    return true;
  }

  /** Ops another tab stored. 'gap': a revision is missing, read the scenario again. */
  receive(stored: StoredOps): Outcome {
    if (stored.scenarioId !== this.scenario.id) return 'known';
    if (stored.revision <= this.#revision) return 'known';
    if (stored.revisionBefore > this.#revision) {
      if (this.#waiting.size >= MAX_WAITING) return 'gap';
      this.#waiting.set(stored.revisionBefore, stored);
      return 'waiting';
    }
    if (stored.revisionBefore < this.#revision) return 'gap';
    this.#confirm(stored);
    this.#show();
    this.#drain();
    return 'applied';
  }

  /** Whether ops heard ahead still wait for a missing revision. */
  get waiting(): boolean {
    return this.#waiting.size > 0;
  }

  /** Storage is now at `stored.revision`; its ops are applied to `#confirmed` when the scenario is next built. */
  #confirm(stored: StoredOps): void {
    for (const op of stored.ops) this.#unapplied.push(op);
    this.#revision = stored.revision;
  }

  /** The scenario as stored at `#revision`. */
  #stored(): Scenario {
    if (this.#unapplied.length > 0) {
      // The figures index the shown scenario: usable on `confirmed` only when it is the shown one.
      const indexOf = this.#confirmed === this.scenario ? this.indexOf : undefined;
      this.#confirmed = applyOps(this.#confirmed, this.#unapplied, indexOf);
      this.#unapplied = [];
    }
    return this.#confirmed;
  }

  /** Applies the waiting ops that now follow on. */
  #drain(): void {
    let next = this.#waiting.get(this.#revision);
    let applied = false;
    while (next) {
      this.#waiting.delete(this.#revision);
      this.#confirm(next);
      applied = true;
      next = this.#waiting.get(this.#revision);
    }
    if (applied) this.#show();
  }

  /** shown = confirmed with this scenario's pending edits applied in turn. */
  #show(): void {
    let shown = this.#stored();
    for (const edit of this.#pending) {
      if (edit.scenarioId === shown.id) shown = applyOps(shown, edit.ops);
    }
    this.scenario = shown;
  }
}
