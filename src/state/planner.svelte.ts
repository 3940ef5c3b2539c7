// The planner as the UI uses it: cell edits, paste, add/duplicate/delete, envelopes and ops built elsewhere
// (imports, allocations), each written in one transaction before it is shown (see planner-core.svelte.ts).
import type { EditableField } from '../domain/position-edit';
import { err, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';
import type { Op } from '../storage/ops';
import type { ChangeSource } from '../storage/rows';
import {
  cellEditOps,
  deleteOps,
  nationalEnvelopeOps,
  newPosition,
  regionEnvelopeOps,
  type PositionLookup,
} from './commands';
import { newId } from './ids';
import type { PasteCell, PasteOutcome, PlannerApi } from './planner-api';
import { PlannerScenarios } from './planner-scenarios.svelte';

export type { PlannerStatus } from './planner-core.svelte';

export class Planner extends PlannerScenarios implements PlannerApi {
  /** Finds a position of the current scenario through the figures' index (no scan of 100 000 rows). */
  #lookup(): PositionLookup {
    const { positions } = this.scenario;
    const index = this.figures.positions;
    return (id) => {
      const i = index.indexOf(id);
      const p = i === undefined ? undefined : positions[i];
      return p?.id === id ? p : undefined;
    };
  }

  editPositionField(positionId: string, field: EditableField, text: string): Promise<Result<void>> {
    return this.serial(async () => {
      const { ops, problems } = cellEditOps(this.scenario, [{ positionId, field, text }], this.#lookup());
      if (problems[0]) return err(problems[0].message);
      return this.commit(ops, 'Modification d’une cellule', 'grid');
    });
  }

  pasteCells(cells: readonly PasteCell[]): Promise<PasteOutcome> {
    return this.serial(async () => {
      const { ops, problems, applied } = cellEditOps(this.scenario, cells, this.#lookup());
      const r = await this.commit(ops, `Collage de ${applied} cellule${applied > 1 ? 's' : ''}`, 'paste');
      if (!r.ok) return { applied: 0, problems: cells.map((c) => ({ ...c, message: r.message })) };
      return { applied, problems };
    });
  }

  addPosition(regionCode: string): Promise<string> {
    return this.serial(async () => {
      const p = newPosition(this.scenario, regionCode);
      const r = await this.commit(
        [{ entity: 'position', id: p.id, before: null, after: p }],
        'Ajout d’un poste',
        'grid',
      );
      return r.ok ? p.id : '';
    });
  }

  duplicatePosition(positionId: string): Promise<string> {
    return this.serial(async () => {
      const source = this.scenario.positions.find((p) => p.id === positionId);
      if (!source) return '';
      const copy = { ...source, id: newId('pos') };
      const r = await this.commit(
        [{ entity: 'position', id: copy.id, before: null, after: copy }],
        'Duplication d’un poste',
        'grid',
      );
      return r.ok ? copy.id : '';
    });
  }

  deletePositions(positionIds: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const { ops, label } = deleteOps(this.scenario, positionIds);
      await this.commit(ops, label, 'grid');
    });
  }

  /**
   * Writes ops built elsewhere (an import plan, an allocation) as ONE transaction and one undo step.
   * `build` runs in the write queue, so it sees the scenario as the previous write left it.
   */
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    return this.serial(() => this.commit(build(this.scenario), label, source));
  }

  setRegionEnvelope(regionCode: string, text: string): Promise<Result<void>> {
    return this.serial(async () => {
      const r = regionEnvelopeOps(this.scenario, regionCode, text);
      return r.ok ? this.commit(r.value.ops, r.value.label, 'grid') : r;
    });
  }

  setNationalEnvelope(text: string): Promise<Result<void>> {
    return this.serial(async () => {
      const r = nationalEnvelopeOps(this.scenario, text);
      return r.ok ? this.commit(r.value.ops, r.value.label, 'grid') : r;
    });
  }
}
