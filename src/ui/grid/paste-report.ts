// The French outcome of a paste for the grid's live region: `3 × 2 cellules collées`, or what was not pasted,
// each value with its row (structure name) and column header.
import type { EditableField } from '../../domain/position-edit';
import type { PasteOutcome } from '../../state/planner-api';
import { GRID_MESSAGES } from './labels-fr';
import type { PasteMapping } from './paste';

export interface PasteReport {
  summary: string;
  details: string[];
  /** True when every pasted value was applied. */
  complete: boolean;
}

/** At most this many lines are listed; the rest are counted. */
export const MAX_REPORTED = 20;

export function pasteReport(
  mapping: PasteMapping,
  outcome: PasteOutcome,
  rowLabel: (positionId: string) => string,
  headerOf: (field: EditableField) => string,
): PasteReport {
  const lines: string[] = [];
  for (const p of outcome.problems) {
    lines.push(GRID_MESSAGES.pasteProblem(rowLabel(p.positionId), headerOf(p.field), p.message));
  }
  for (const s of mapping.skipped) {
    if (s.rowId === null) lines.push(`« ${s.text} » : ${s.reason}`);
    else if (s.header === null) lines.push(`ligne « ${rowLabel(s.rowId)} », « ${s.text} » : ${s.reason}`);
    else lines.push(GRID_MESSAGES.pasteProblem(rowLabel(s.rowId), s.header, s.reason));
  }
  if (lines.length === 0) {
    return { summary: GRID_MESSAGES.pasteDone(mapping.rows, mapping.columns), details: [], complete: true };
  }
  const details = lines.slice(0, MAX_REPORTED);
  if (lines.length > MAX_REPORTED) details.push(`… et ${lines.length - MAX_REPORTED} autres`);
  return { summary: GRID_MESSAGES.pastePartial(outcome.applied, lines.length), details, complete: false };
}
