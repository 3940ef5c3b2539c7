// The columns of the Postes grid as data: header, the field an edit writes (none for computed columns), the kind
// of value, how to read it from a position and the domain's figures, and its value in the totals row.
import type { EditableField } from '../../domain/position-edit';
import { coFundingOf } from '../../domain/position-figures';
import { ratio } from '../../domain/money';
import { departmentByCode } from '../../domain/reference/departments';
import { REGIONS, regionByCode } from '../../domain/reference/regions';
import { FUNDER_CATEGORIES, type Position } from '../../domain/types';
import { LEGAL_STATUS_LABELS, PAYMENT_SCHEDULE_LABELS, PURPOSE_LABELS, ROLE_LABELS } from '../i18n/fr';
import type { CellValue, ColumnKind } from './column-kinds';
import type { PositionGridContext } from './grid-rows';
import type { Totals } from './grid-totals';
import { CO_FUNDING_HEADERS, GRID_MESSAGES, NO, POSITION_HEADERS as H, YES } from './labels-fr';

export interface Choice {
  label: string;
  /** What the planner reads for this label (the domain code, matched exactly by the parsers). */
  code: string;
}

export interface PositionColumn {
  colId: string;
  header: string;
  /** The field an edit writes; null for computed, read-only columns. */
  field: EditableField | null;
  kind: ColumnKind;
  value: (p: Position, ctx: PositionGridContext) => CellValue;
  /** The value in the totals row; absent when the column has no total. */
  total?: (t: Totals) => CellValue;
  choices?: readonly Choice[];
  width: number;
}

const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] =>
  Object.entries(labels).map(([code, label]) => ({ code, label }));

const REGION_CHOICES: Choice[] = REGIONS.map((r) => ({ code: r.code, label: r.name }));
const YES_NO: Choice[] = [
  { code: 'oui', label: YES },
  { code: 'non', label: NO },
];

const figure = (ctx: PositionGridContext, p: Position) => ctx.figures.positions.get(p.id);
const structureOf = (ctx: PositionGridContext, p: Position) => ctx.structures.get(p.structureId);

function departmentLabel(code: string): string {
  if (code === '') return '';
  const d = departmentByCode(code);
  return d ? `${d.code} – ${d.name}` : code;
}

export const POSITION_COLUMNS: readonly PositionColumn[] = [
  {
    colId: 'regionCode',
    header: H.regionCode,
    field: 'regionCode',
    kind: 'choice',
    choices: REGION_CHOICES,
    width: 170,
    value: (p) => regionByCode(p.regionCode)?.name ?? p.regionCode,
  },
  {
    colId: 'departmentCode',
    header: H.departmentCode,
    field: 'departmentCode',
    kind: 'text',
    width: 170,
    value: (p) => departmentLabel(p.departmentCode),
  },
  {
    colId: 'structureName',
    header: H.structureName,
    field: 'structureName',
    kind: 'text',
    width: 240,
    value: (p, ctx) => structureOf(ctx, p)?.name ?? '',
    total: (t) => GRID_MESSAGES.positions(t.positionCount),
  },
  {
    colId: 'legalStatus',
    header: H.legalStatus,
    field: 'legalStatus',
    kind: 'choice',
    width: 190,
    choices: choicesOf(LEGAL_STATUS_LABELS),
    value: (p, ctx) => {
      const s = structureOf(ctx, p);
      return s ? LEGAL_STATUS_LABELS[s.legalStatus] : '';
    },
  },
  {
    colId: 'role',
    header: H.role,
    field: 'role',
    kind: 'choice',
    choices: choicesOf(ROLE_LABELS),
    width: 140,
    value: (p) => ROLE_LABELS[p.role],
  },
  {
    colId: 'fte',
    header: H.fte,
    field: 'fte',
    kind: 'fte',
    width: 90,
    value: (p) => p.fte,
    total: (t) => t.fte,
  },
  {
    colId: 'annualCost',
    header: H.annualCost,
    field: 'annualCost',
    kind: 'money',
    width: 150,
    value: (p) => p.annualCost,
    total: (t) => t.annualCost,
  },
  {
    colId: 'stateAmount',
    header: H.stateAmount,
    field: 'stateAmount',
    kind: 'money',
    width: 150,
    value: (p) => p.stateAmount,
    total: (t) => t.stateAmount,
  },
  {
    colId: 'stateRate',
    header: H.stateRate,
    field: null,
    kind: 'percent',
    width: 110,
    value: (p, ctx) => figure(ctx, p)?.stateRate ?? null,
    total: (t) => ratio(t.stateAmount, t.annualCost),
  },
  ...FUNDER_CATEGORIES.map((c): PositionColumn => ({
    colId: `coFunding.${c}`,
    header: CO_FUNDING_HEADERS[c],
    field: `coFunding.${c}`,
    kind: 'money',
    width: 150,
    value: (p) => coFundingOf(p, c),
    total: (t) => t.coFunding[c],
  })),
  {
    colId: 'coFundingTotal',
    header: H.coFundingTotal,
    field: null,
    kind: 'money',
    width: 160,
    value: (p, ctx) => figure(ctx, p)?.coFundingTotal ?? null,
    total: (t) => t.coFundingTotal,
  },
  {
    colId: 'coFundingRate',
    header: H.coFundingRate,
    field: null,
    kind: 'percent',
    width: 130,
    value: (p, ctx) => figure(ctx, p)?.coFundingRate ?? null,
    total: (t) => ratio(t.coFundingTotal, t.annualCost),
  },
  {
    colId: 'remaining',
    header: H.remaining,
    field: null,
    kind: 'money',
    width: 150,
    value: (p, ctx) => figure(ctx, p)?.remaining ?? null,
    total: (t) => t.remaining,
  },
  { colId: 'cohort', header: H.cohort, field: 'cohort', kind: 'integer', width: 100, value: (p) => p.cohort },
  {
    colId: 'conventionStart',
    header: H.conventionStart,
    field: 'conventionStart',
    kind: 'date',
    width: 140,
    value: (p) => p.conventionStart,
  },
  {
    colId: 'conventionEnd',
    header: H.conventionEnd,
    field: 'conventionEnd',
    kind: 'date',
    width: 140,
    value: (p) => p.conventionEnd,
  },
  {
    colId: 'conventionYear',
    header: H.conventionYear,
    field: 'conventionYear',
    kind: 'integer',
    width: 110,
    value: (p) => p.conventionYear,
  },
  {
    colId: 'paymentSchedule',
    header: H.paymentSchedule,
    field: 'paymentSchedule',
    kind: 'choice',
    width: 200,
    choices: choicesOf(PAYMENT_SCHEDULE_LABELS),
    value: (p) => PAYMENT_SCHEDULE_LABELS[p.paymentSchedule],
  },
  {
    colId: 'followUpService',
    header: H.followUpService,
    field: 'followUpService',
    kind: 'text',
    width: 140,
    value: (p) => p.followUpService,
  },
  {
    colId: 'purpose',
    header: H.purpose,
    field: 'purpose',
    kind: 'choice',
    width: 220,
    choices: choicesOf(PURPOSE_LABELS),
    value: (p) => PURPOSE_LABELS[p.purpose],
  },
  {
    colId: 'whiteZone',
    header: H.whiteZone,
    field: 'whiteZone',
    kind: 'choice',
    choices: YES_NO,
    width: 110,
    value: (p) => (p.whiteZone ? YES : NO),
  },
  { colId: 'notes', header: H.notes, field: 'notes', kind: 'text', width: 260, value: (p) => p.notes },
];

export const POSITION_COLUMN_BY_ID: ReadonlyMap<string, PositionColumn> = new Map(
  POSITION_COLUMNS.map((c) => [c.colId, c]),
);
