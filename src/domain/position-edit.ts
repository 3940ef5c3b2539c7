// Editing one field of a position from what a person typed or pasted: parse, check, and give the new records.
// Shared by the grid editors, the paste of a block and (later) the import, so all read values the same way.
import { parseFrenchAmount, parseFrenchDate, parseFte } from './parse-fr';
import { departmentByCode, findDepartment } from './reference/departments';
import { findRegion } from './reference/regions';
import { err, ok, type Result } from './result';
import {
  FUNDER_CATEGORIES,
  type CoFunding,
  type FunderCategory,
  type Position,
  type Structure,
} from './types';
import { parseLegalStatus, parsePaymentSchedule, parsePurpose, parseRole, parseYesNo } from './vocabulary';
import type { Cents } from './money';

export type CoFundingField = `coFunding.${FunderCategory}`;
export type EditableField =
  | 'regionCode'
  | 'departmentCode'
  | 'structureName'
  | 'legalStatus'
  | 'role'
  | 'fte'
  | 'annualCost'
  | 'stateAmount'
  | CoFundingField
  | 'cohort'
  | 'conventionStart'
  | 'conventionEnd'
  | 'conventionYear'
  | 'paymentSchedule'
  | 'followUpService'
  | 'purpose'
  | 'whiteZone'
  | 'notes';

/** Default funder names when an amount is typed in a category column. */
export const DEFAULT_FUNDER_NAMES: Readonly<Record<FunderCategory, string>> = {
  stateOther: 'État (autres crédits)',
  esfPlus: 'FSE+',
  localAuthority: 'Collectivités',
  otherPublic: 'Autres financeurs publics',
  private: 'Financeurs privés',
  ownFunds: 'Fonds propres',
};

/** The structures an edit can see: by id, and all of them (for a name typed in the Structure column). */
export interface StructureCatalog {
  get(id: string): Structure | undefined;
  values(): Iterable<Structure>;
}

export interface EditContext {
  structures: StructureCatalog;
  /** A fresh id for a structure created by typing a new name. */
  newStructureId: () => string;
}

/** The records to write: the position, and a structure when one is created or changed. */
export interface EditOutcome {
  position: Position;
  structure: Structure | null;
}

const MAX_TEXT = 2_000;

export function editPosition(
  p: Position,
  field: EditableField,
  text: string,
  ctx: EditContext,
): Result<EditOutcome> {
  if (text.length > MAX_TEXT) return err(`texte trop long (${text.length} caractères, maximum ${MAX_TEXT})`);
  const same = (changes: Partial<Position>): Result<EditOutcome> =>
    ok({ position: { ...p, ...changes }, structure: null });
  if (field.startsWith('coFunding.')) return editCoFunding(p, field.slice(10) as FunderCategory, text);
  switch (field) {
    case 'annualCost':
    case 'stateAmount':
      return chain(nonNegativeAmount(text), (v) => same({ [field]: v }));
    case 'fte':
      return chain(parseFte(text), (v) => same({ fte: v }));
    case 'role':
      return chain(parseRole(text), (v) => same({ role: v }));
    case 'purpose':
      return chain(parsePurpose(text), (v) => same({ purpose: v }));
    case 'paymentSchedule':
      return chain(parsePaymentSchedule(text), (v) => same({ paymentSchedule: v }));
    case 'whiteZone':
      return chain(parseYesNo(text), (v) => same({ whiteZone: v }));
    case 'cohort':
      return chain(integerIn(text, 2015, 2100, 'cohorte'), (v) => same({ cohort: v }));
    case 'conventionYear':
      return chain(integerIn(text, 1, 9, 'année de convention'), (v) => same({ conventionYear: v }));
    case 'conventionStart':
    case 'conventionEnd':
      return text.trim() === ''
        ? same({ [field]: null })
        : chain(parseFrenchDate(text), (v) => same({ [field]: v }));
    case 'followUpService':
    case 'notes':
      return same({ [field]: text.trim() });
    case 'regionCode':
      return editRegion(p, text);
    case 'departmentCode':
      return editDepartment(p, text);
    case 'structureName':
      return editStructureName(p, text, ctx);
    case 'legalStatus':
      return editLegalStatus(p, text, ctx);
  }
  return err(`colonne non modifiable : ${field}`);
}

function chain<T, U>(r: Result<T>, f: (v: T) => Result<U>): Result<U> {
  return r.ok ? f(r.value) : r;
}

function nonNegativeAmount(text: string): Result<Cents> {
  const r = parseFrenchAmount(text.trim() === '' ? '0' : text);
  if (r.ok && r.value < 0) return err(`montant négatif « ${text.trim()} »`);
  return r;
}

function integerIn(text: string, min: number, max: number, noun: string): Result<number> {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    return err(`${noun} illisible « ${t} » (attendu ${min} à ${max})`);
  return ok(n);
}

function editCoFunding(p: Position, category: FunderCategory, text: string): Result<EditOutcome> {
  return chain(nonNegativeAmount(text), (amount) => {
    const kept = p.coFundings.filter((c) => c.category !== category);
    const previous = p.coFundings.find((c) => c.category === category);
    const added: CoFunding[] =
      amount === 0 ? [] : [{ funder: previous?.funder ?? DEFAULT_FUNDER_NAMES[category], category, amount }];
    const order = (c: CoFunding) => FUNDER_CATEGORIES.indexOf(c.category);
    return ok({
      position: { ...p, coFundings: [...kept, ...added].sort((a, b) => order(a) - order(b)) },
      structure: null,
    });
  });
}

function editRegion(p: Position, text: string): Result<EditOutcome> {
  const region = findRegion(text);
  if (!region) return err(`région inconnue « ${text.trim()} »`);
  const department = departmentByCode(p.departmentCode);
  const departmentCode = department?.regionCode === region.code ? p.departmentCode : '';
  return ok({ position: { ...p, regionCode: region.code, departmentCode }, structure: null });
}

/** A department of another region moves the position to that region (the department decides). */
function editDepartment(p: Position, text: string): Result<EditOutcome> {
  if (text.trim() === '') return ok({ position: { ...p, departmentCode: '' }, structure: null });
  const department = findDepartment(text);
  if (!department) return err(`département inconnu « ${text.trim()} »`);
  return ok({
    position: { ...p, departmentCode: department.code, regionCode: department.regionCode },
    structure: null,
  });
}

/** Typing a name picks the structure of that name (case and accents ignored) or creates it. */
function editStructureName(p: Position, text: string, ctx: EditContext): Result<EditOutcome> {
  const name = text.trim();
  if (name === '') return err('nom de structure vide');
  const wanted = nameKey(name);
  for (const s of ctx.structures.values()) {
    if (nameKey(s.name) === wanted) return ok({ position: { ...p, structureId: s.id }, structure: null });
  }
  const current = ctx.structures.get(p.structureId);
  const structure: Structure = {
    id: ctx.newStructureId(),
    name,
    siret: '',
    legalStatus: current?.legalStatus ?? 'association',
    departmentCode: p.departmentCode,
  };
  return ok({ position: { ...p, structureId: structure.id }, structure });
}

function editLegalStatus(p: Position, text: string, ctx: EditContext): Result<EditOutcome> {
  const current = ctx.structures.get(p.structureId);
  if (!current) return err('structure inconnue : saisissez d’abord son nom');
  return chain(parseLegalStatus(text), (legalStatus) =>
    ok({ position: p, structure: { ...current, legalStatus } }),
  );
}

export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
