// One data row of the mapped table → the fields of a position and of its structure, with a diagnostic for
// each value that could not be read. Required values (structure, role, ETP, amounts, region) that cannot be
// read keep the row out; other unreadable values fall back to a default that the warning names.
import type { Cents } from '../../domain/money';
import { DEFAULT_FUNDER_NAMES } from '../../domain/position-edit';
import { err } from '../../domain/result';
import { parseFollowUpService } from '../../domain/reference/follow-up';
import { regionByCode } from '../../domain/reference/regions';
import {
  FUNDER_CATEGORIES,
  type Campaign,
  type CoFunding,
  type FunderCategory,
  type LegalStatus,
  type Position,
} from '../../domain/types';
import { GROUP_SEPARATOR } from '../table/column-mapping';
import type { Diagnostic } from './diagnostics';
import type { TableRow } from '../table/find-table';
import type { ImportField } from '../table/header-vocabulary';
import * as read from './restore-values';
import { RowReader, type RowContext } from './row-reader';
import {
  readFunderCategory,
  readLegalStatus,
  readPaymentSchedule,
  readPurpose,
  readRole,
  readYesNo,
} from '../value-labels';

export type { RowContext } from './row-reader';

export type RestoredPosition = Omit<Position, 'id' | 'structureId'> & { id: string | null };

export interface RestoredRow {
  position: RestoredPosition;
  /** legalStatus / siret null: the file does not give them (column not mapped or value unreadable). */
  structure: { name: string; legalStatus: LegalStatus | null; siret: string | null };
}

/** Funder of a category column: the sub-title of a two-row header (`FSE+`), else the app's default name. */
function funderName(ctx: RowContext, column: number | undefined, category: FunderCategory): string {
  const header = column === undefined ? '' : (ctx.headers[column] ?? '');
  const at = header.indexOf(GROUP_SEPARATOR);
  return at >= 0 ? header.slice(at + GROUP_SEPARATOR.length).trim() : DEFAULT_FUNDER_NAMES[category];
}

function coFundings(r: RowReader): CoFunding[] {
  const list: CoFunding[] = [];
  for (const category of FUNDER_CATEGORIES) {
    const field: ImportField = `coFunding.${category}`;
    const amount = r.need(field, read.readAmount(r.cell(field)), 0 as Cents);
    if (amount > 0)
      list.push({ funder: funderName(r.ctx, r.ctx.columns.get(field)?.[0], category), category, amount });
  }
  const pairs = r.ctx.columns.get('coFundingAmount')?.length ?? 0;
  for (let k = 0; k < pairs; k++) {
    const amount = r.need('coFundingAmount', read.readAmount(r.cell('coFundingAmount', k)), 0 as Cents, k);
    if (amount <= 0) continue;
    const funder = read.cellText(r.cell('coFundingFunder', k));
    const categoryText = read.cellText(r.cell('coFundingCategory', k)) || funder;
    const parsed = categoryText
      ? readFunderCategory(categoryText)
      : err<FunderCategory>('catégorie de financeur vide');
    const category = r.want('coFundingCategory', parsed, 'private', 'classé en « privés »');
    list.push({ funder: funder || DEFAULT_FUNDER_NAMES[category], category, amount });
  }
  return list;
}

/** Region and department: the department decides; a Région column fills in or is checked against it. */
function placeOf(r: RowReader): { regionCode: string; departmentCode: string } {
  const depCell = r.cell('departmentCode');
  const regCell = r.cell('regionCode');
  const department = read.isBlank(depCell) ? undefined : read.readDepartment(depCell);
  const region = read.isBlank(regCell) ? undefined : read.readRegion(regCell);
  const dep = department?.ok ? department.value : undefined;
  const reg = region?.ok ? region.value : undefined;
  if (department && !department.ok) r.report('departmentCode', department.message, reg ? 'warning' : 'error');
  if (region && !region.ok) r.report('regionCode', region.message, dep ? 'warning' : 'error');
  if (dep && reg && dep.regionCode !== reg.code) {
    const kept = regionByCode(dep.regionCode)?.name ?? dep.regionCode;
    const message = `région « ${reg.name} » différente de celle du département ${dep.code} : « ${kept} » est retenue`;
    r.report('regionCode', message, 'warning');
  }
  const regionCode = dep?.regionCode ?? reg?.code ?? (department || region ? null : r.ctx.defaultRegionCode);
  if (!regionCode && !r.blocked)
    r.report(null, 'ni département ni région : la région du poste est inconnue', 'error');
  return { regionCode: regionCode ?? '', departmentCode: dep?.code ?? '' };
}

/** Role, ETP, cost, State amount and co-fundings: all required. */
function funding(r: RowReader) {
  const roleText = read.cellText(r.cell('role'));
  return {
    role: r.need('role', roleText === '' ? err('fonction vide') : readRole(roleText), 'facilitateur'),
    fte: r.need('fte', read.readFte(r.cell('fte')), 0 as Position['fte']),
    annualCost: r.need('annualCost', read.readAmount(r.cell('annualCost')), 0 as Cents),
    stateAmount: r.need('stateAmount', read.readAmount(r.cell('stateAmount')), 0 as Cents),
    coFundings: coFundings(r),
  };
}

function defaultPurpose(role: Position['role'], cohort: number, campaign: Campaign): Position['purpose'] {
  if (role === 'coordinateur' && cohort >= campaign.year) return 'newCoordination';
  return cohort + campaign.rules.maxConventionYears <= campaign.year ? 'consolidation' : 'ongoing';
}

/** Cohort, convention dates and year, schedule, follow-up, purpose, white zone, notes: optional. */
function convention(r: RowReader, role: Position['role']) {
  const { campaign } = r.ctx;
  const integer = (
    field: ImportField,
    min: number,
    max: number,
    noun: string,
    pattern: RegExp,
    fallback: number,
  ) => {
    const cell = r.cell(field);
    if (read.isBlank(cell)) return fallback;
    return r.want(field, read.readInteger(cell, min, max, noun, pattern), fallback, `${fallback} retenue`);
  };
  const date = (field: 'conventionStart' | 'conventionEnd', fallback: string) =>
    r.has(field) ? r.want(field, read.readDate(r.cell(field)), null, 'date laissée vide') : fallback;
  const cohort = integer('cohort', 2000, 2100, 'cohorte', read.COHORT_PATTERN, campaign.year);
  const followUpService = r.want(
    'followUpService',
    read.readText(r.cell('followUpService')),
    '',
    'laissé vide',
  );
  if (followUpService !== '' && !parseFollowUpService(followUpService).ok)
    r.report(
      'followUpService',
      `service de suivi non reconnu « ${followUpService} » (conservé tel quel)`,
      'warning',
    );
  const whiteZoneCell = r.cell('whiteZone');
  return {
    cohort,
    conventionStart: date('conventionStart', campaign.defaultConventionStart),
    conventionEnd: date('conventionEnd', campaign.defaultConventionEnd),
    conventionYear: integer('conventionYear', 1, 9, 'année de convention', read.CONVENTION_YEAR_PATTERN, 1),
    paymentSchedule: r.word(
      'paymentSchedule',
      readPaymentSchedule,
      campaign.defaultPaymentSchedule,
      'échéancier de la campagne retenu',
    ),
    followUpService,
    purpose: r.word(
      'purpose',
      readPurpose,
      defaultPurpose(role, cohort, campaign),
      'objet déduit de la cohorte',
    ),
    whiteZone:
      typeof whiteZoneCell === 'boolean'
        ? whiteZoneCell
        : r.word('whiteZone', readYesNo, false, '« non » retenu'),
    notes: r.want('notes', read.readText(r.cell('notes'), false), '', 'laissées vides'),
  };
}

function structureOf(r: RowReader, name: string): RestoredRow['structure'] {
  const said = 'statut inchangé (« autre » pour une nouvelle structure)';
  return {
    name,
    legalStatus: r.has('legalStatus')
      ? r.word<LegalStatus | null>('legalStatus', readLegalStatus, null, said)
      : null,
    siret: r.has('siret') ? r.want('siret', read.readSiret(r.cell('siret')), '', 'SIRET laissé vide') : null,
  };
}

/** The row as records, or null when a required value is missing or unreadable (diagnostics say which). */
export function restoreRow(row: TableRow, ctx: RowContext, out: Diagnostic[]): RestoredRow | null {
  const r = new RowReader(row, ctx, out);
  const id = r.want('id', read.readId(r.cell('id')), null, 'un nouvel identifiant est attribué');
  const name = r.need('structureName', read.readText(r.cell('structureName')), '');
  if (name === '' && !r.blocked) r.report('structureName', 'bénéficiaire (structure) vide', 'error');
  const place = placeOf(r);
  const money = funding(r);
  const position: RestoredPosition = { id, ...place, ...money, ...convention(r, money.role) };
  const structure = structureOf(r, name);
  return r.blocked ? null : { position, structure };
}
