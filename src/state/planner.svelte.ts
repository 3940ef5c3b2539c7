// The planner as the UI uses it: cell edits, paste, add/duplicate/delete and envelopes (shown at once, then
// stored), and ops built elsewhere (imports, allocations: stored, then shown); see planner-core.svelte.ts.
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
    const { ops, problems } = cellEditOps(this.scenario, [{ positionId, field, text }], this.#lookup());
    if (problems[0]) return Promise.resolve(err(problems[0].message));
    return this.showAndStore(ops, 'Modification d’une cellule', 'grid');
  }

  async pasteCells(cells: readonly PasteCell[]): Promise<PasteOutcome> {
    const { ops, problems, applied } = cellEditOps(this.scenario, cells, this.#lookup());
    const r = await this.showAndStore(ops, `Collage de ${applied} cellule${applied > 1 ? 's' : ''}`, 'paste');
    if (!r.ok) return { applied: 0, problems: cells.map((c) => ({ ...c, message: r.message })) };
    return { applied, problems };
  }

  async addPosition(regionCode: string): Promise<string> {
    const p = newPosition(this.scenario, regionCode);
    const r = await this.showAndStore(
      [{ entity: 'position', id: p.id, before: null, after: p }],
      'Ajout d’un poste',
      'grid',
    );
    return r.ok ? p.id : '';
  }

  async duplicatePosition(positionId: string): Promise<string> {
    const source = this.#lookup()(positionId);
    if (!source) return '';
    const copy = { ...source, id: newId('pos') };
    const r = await this.showAndStore(
      [{ entity: 'position', id: copy.id, before: null, after: copy }],
      'Duplication d’un poste',
      'grid',
    );
    return r.ok ? copy.id : '';
  }

  async deletePositions(positionIds: readonly string[]): Promise<void> {
    const { ops, label } = deleteOps(this.scenario, positionIds);
    await this.showAndStore(ops, label, 'grid');
  }

  /**
   * Writes ops built elsewhere (an import plan, an allocation) as ONE transaction and one undo step.
   * `build` runs in the write queue, so it sees the scenario as the previous write left it.
   */
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>> {
    return this.tracked(this.serial(() => this.commit(build(this.scenario), label, source)));
  }

  setRegionEnvelope(regionCode: string, text: string): Promise<Result<void>> {
    const r = regionEnvelopeOps(this.scenario, regionCode, text);
    return r.ok ? this.showAndStore(r.value.ops, r.value.label, 'grid') : Promise.resolve(r);
  }

  setNationalEnvelope(text: string): Promise<Result<void>> {
    const r = nationalEnvelopeOps(this.scenario, text);
    return r.ok ? this.showAndStore(r.value.ops, r.value.label, 'grid') : Promise.resolve(r);
  }
}
