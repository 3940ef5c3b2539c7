// The planner's commands and read model as the UI sees them (implemented by Planner in planner.svelte.ts).
import type { EditableField } from '../domain/position-edit';
import type { ScenarioFigures } from '../domain/recompute';
import type { Result } from '../domain/result';
import type { Scenario, Structure } from '../domain/types';

/** One cell of a pasted block, already mapped to a position and a field. */
export interface PasteCell {
  positionId: string;
  field: EditableField;
  text: string;
}

export interface PasteProblem extends PasteCell {
  message: string;
}

export interface PasteOutcome {
  applied: number;
  problems: PasteProblem[];
}

export interface PlannerApi {
  readonly scenario: Scenario;
  readonly figures: ScenarioFigures;
  readonly structuresById: ReadonlyMap<string, Structure>;
  /** Edit one field from typed text; the French message when the text cannot be read (the old value stays). */
  editPositionField(positionId: string, field: EditableField, text: string): Promise<Result<void>>;
  /** Apply every readable cell as one undoable step; unreadable ones are listed and left unchanged. */
  pasteCells(cells: readonly PasteCell[]): Promise<PasteOutcome>;
  /** A new position (campaign defaults) in the given region; returns its id. */
  addPosition(regionCode: string): Promise<string>;
  duplicatePosition(positionId: string): Promise<string>;
  deletePositions(positionIds: readonly string[]): Promise<void>;
  setRegionEnvelope(regionCode: string, text: string): Promise<Result<void>>;
  setNationalEnvelope(text: string): Promise<Result<void>>;
}
