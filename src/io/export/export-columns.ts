// The columns of the exported `Postes` sheet (and of the CSV export): title, width, kind of value, and for
// computed columns the formula of row r. Titles are words the import recognises, so an export re-imports.
import { regionByCode } from '../../domain/reference/regions';
import { FUNDER_CATEGORIES, type FunderCategory, type Position, type Structure } from '../../domain/types';
import { CO_FUNDING_LABELS, FIELD_LABELS as N, FIGURE_LABELS } from '../../domain/vocabulary';
import { columnLetter } from '../cell-address';
import {
  LEGAL_STATUS_LABELS,
  NO_LABEL,
  PAYMENT_SCHEDULE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  YES_LABEL,
} from '../value-labels';

/** text: typed by people (always a text cell); label/code: words and codes the app writes. */
export type ColumnKind = 'text' | 'label' | 'money' | 'fte' | 'rate' | 'date' | 'integer';

export interface PositionRowContext {
  structure: Structure | undefined;
}

export interface PostesColumn {
  header: string;
  width: number;
  kind: ColumnKind;
  /** Stored value: text, cents (money), hundredths (fte), ISO date, integer; null when empty. */
  value?: (p: Position, ctx: PositionRowContext) => string | number | null;
  /** Computed column: formula of 1-based row r (without `=`), given the letters of the other columns. */
  formula?: (r: number) => string;
}

function coFundingSum(p: Position, category: FunderCategory): number | null {
  let total = 0;
  let any = false;
  for (const c of p.coFundings) {
    if (c.category !== category) continue;
    total += c.amount;
    any = true;
  }
  return any ? total : null;
}

const INPUTS_BEFORE: PostesColumn[] = [
  { header: N.id, width: 18, kind: 'text', value: (p) => p.id },
  {
    header: N.regionCode,
    width: 24,
    kind: 'label',
    value: (p) => regionByCode(p.regionCode)?.name ?? p.regionCode,
  },
  { header: N.departmentCode, width: 12, kind: 'text', value: (p) => p.departmentCode || null },
  { header: N.structureName, width: 36, kind: 'text', value: (_, c) => c.structure?.name ?? null },
  { header: N.siret, width: 16, kind: 'text', value: (_, c) => c.structure?.siret || null },
  {
    header: N.legalStatus,
    width: 24,
    kind: 'label',
    value: (_, c) => (c.structure ? LEGAL_STATUS_LABELS[c.structure.legalStatus] : null),
  },
  { header: N.role, width: 14, kind: 'label', value: (p) => ROLE_LABELS[p.role] },
  { header: N.fte, width: 8, kind: 'fte', value: (p) => p.fte },
  { header: N.annualCost, width: 14, kind: 'money', value: (p) => p.annualCost },
  { header: N.stateAmount, width: 14, kind: 'money', value: (p) => p.stateAmount },
  ...FUNDER_CATEGORIES.map((c): PostesColumn => ({
    header: CO_FUNDING_LABELS[c],
    width: 14,
    kind: 'money',
    value: (p) => coFundingSum(p, c),
  })),
];

const COST = columnLetter(8);
const STATE = columnLetter(9);
const FIRST_CO = columnLetter(10);
const LAST_CO = columnLetter(9 + FUNDER_CATEGORIES.length);
const CO_TOTAL = columnLetter(10 + FUNDER_CATEGORIES.length);

const COMPUTED: PostesColumn[] = [
  {
    header: FIGURE_LABELS.coFundingTotal,
    width: 14,
    kind: 'money',
    formula: (r) => `SUM(${FIRST_CO}${r}:${LAST_CO}${r})`,
  },
  {
    header: FIGURE_LABELS.stateRate,
    width: 10,
    kind: 'rate',
    formula: (r) => `IF(${COST}${r}=0,"",${STATE}${r}/${COST}${r})`,
  },
  {
    header: FIGURE_LABELS.coFundingRate,
    width: 10,
    kind: 'rate',
    formula: (r) => `IF(${COST}${r}=0,"",${CO_TOTAL}${r}/${COST}${r})`,
  },
  {
    header: FIGURE_LABELS.remaining,
    width: 14,
    kind: 'money',
    formula: (r) => `${COST}${r}-${STATE}${r}-${CO_TOTAL}${r}`,
  },
];

const INPUTS_AFTER: PostesColumn[] = [
  { header: `${N.cohort} AAP`, width: 10, kind: 'integer', value: (p) => p.cohort },
  { header: N.conventionStart, width: 12, kind: 'date', value: (p) => p.conventionStart },
  { header: N.conventionEnd, width: 12, kind: 'date', value: (p) => p.conventionEnd },
  { header: N.conventionYear, width: 10, kind: 'integer', value: (p) => p.conventionYear },
  {
    header: N.paymentSchedule,
    width: 22,
    kind: 'label',
    value: (p) => PAYMENT_SCHEDULE_LABELS[p.paymentSchedule],
  },
  { header: N.followUpService, width: 14, kind: 'text', value: (p) => p.followUpService || null },
  { header: N.purpose, width: 26, kind: 'label', value: (p) => PURPOSE_LABELS[p.purpose] },
  { header: N.whiteZone, width: 8, kind: 'label', value: (p) => (p.whiteZone ? YES_LABEL : NO_LABEL) },
  { header: N.notes, width: 40, kind: 'text', value: (p) => p.notes || null },
];

/** All columns of the Postes sheet, in order (A = Identifiant … AC = Observations). */
export const POSTES_COLUMNS: readonly PostesColumn[] = [...INPUTS_BEFORE, ...COMPUTED, ...INPUTS_AFTER];

/** Letters of the columns the Synthèse formulas refer to. */
export const POSTES_LETTERS = {
  region: columnLetter(1),
  fte: columnLetter(7),
  cost: COST,
  state: STATE,
  coTotal: CO_TOTAL,
  last: columnLetter(POSTES_COLUMNS.length - 1),
} as const;
