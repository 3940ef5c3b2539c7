// Untrusted data (a backup file, a message) → typed domain records, field by field from an allowlist.
// Nothing is spread or merged from the input: unknown keys (`__proto__`, `constructor`…) are never read.
import { MAX_ABS_CENTS, type Cents } from './money';
import type { Fte } from './fte';
import { err, ok, type Result } from './result';
import {
  FUNDER_CATEGORIES,
  LEGAL_STATUSES,
  PAYMENT_SCHEDULES,
  PURPOSES,
  ROLES,
  type Campaign,
  type CoFunding,
  type Position,
  type RegionBudget,
  type RuleParams,
  type Scenario,
  type Structure,
} from './types';

type Obj = Record<string, unknown>;

class Invalid extends Error {}

function own(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}
function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(`${what} : objet attendu`);
  return v as Obj;
}
function str(o: Obj, key: string, max = 2_000): string {
  const v = own(o, key);
  if (typeof v !== 'string' || v.length > max) throw new Invalid(`champ « ${key} » : texte attendu`);
  return v;
}
function int(o: Obj, key: string, min: number, max: number): number {
  const v = own(o, key);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new Invalid(`champ « ${key} » : entier entre ${min} et ${max} attendu`);
  }
  return v;
}
const money = (o: Obj, key: string, min = 0) => int(o, key, min, MAX_ABS_CENTS) as Cents;
function oneOf<T extends string>(o: Obj, key: string, values: readonly T[]): T {
  const v = own(o, key);
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Invalid(`champ « ${key} » : valeur inconnue`);
  return found;
}
function date(o: Obj, key: string): string | null {
  const v = own(o, key);
  if (v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new Invalid(`champ « ${key} » : date attendue`);
  return v;
}
function list(o: Obj, key: string, max: number): unknown[] {
  const v = own(o, key);
  if (!Array.isArray(v) || v.length > max) throw new Invalid(`champ « ${key} » : liste attendue`);
  return v;
}
const id = (o: Obj, key = 'id') => {
  const v = str(o, key, 100);
  if (!/^[\w.:-]+$/u.test(v)) throw new Invalid(`champ « ${key} » : identifiant invalide`);
  return v;
};

function coFunding(v: unknown): CoFunding {
  const o = obj(v, 'cofinancement');
  return {
    funder: str(o, 'funder', 200),
    category: oneOf(o, 'category', FUNDER_CATEGORIES),
    amount: money(o, 'amount'),
  };
}

function position(v: unknown): Position {
  const o = obj(v, 'poste');
  return {
    id: id(o),
    regionCode: str(o, 'regionCode', 3),
    departmentCode: str(o, 'departmentCode', 3),
    structureId: str(o, 'structureId', 100),
    role: oneOf(o, 'role', ROLES),
    fte: int(o, 'fte', 0, 10_000_00) as Fte,
    annualCost: money(o, 'annualCost'),
    stateAmount: money(o, 'stateAmount'),
    coFundings: list(o, 'coFundings', 50).map(coFunding),
    cohort: int(o, 'cohort', 2000, 2100),
    conventionStart: date(o, 'conventionStart'),
    conventionEnd: date(o, 'conventionEnd'),
    conventionYear: int(o, 'conventionYear', 1, 9),
    paymentSchedule: oneOf(o, 'paymentSchedule', PAYMENT_SCHEDULES),
    followUpService: str(o, 'followUpService', 100),
    purpose: oneOf(o, 'purpose', PURPOSES),
    whiteZone: own(o, 'whiteZone') === true,
    notes: str(o, 'notes'),
  };
}

function structure(v: unknown): Structure {
  const o = obj(v, 'structure');
  return {
    id: id(o),
    name: str(o, 'name', 300),
    siret: str(o, 'siret', 20),
    legalStatus: oneOf(o, 'legalStatus', LEGAL_STATUSES),
    departmentCode: str(o, 'departmentCode', 3),
  };
}

function region(v: unknown): RegionBudget {
  const o = obj(v, 'région');
  const target = own(o, 'fteTarget');
  return {
    regionCode: str(o, 'regionCode', 3),
    envelope: money(o, 'envelope'),
    fteTarget: target === null ? null : (int(o, 'fteTarget', 0, 10_000_00) as Fte),
  };
}

function rules(v: unknown): RuleParams {
  const o = obj(v, 'règles');
  const ceiling = own(o, 'stateCeilingPerFte');
  return {
    maxStateRate: int(o, 'maxStateRate', 0, 10_000),
    minCoFundingRate: int(o, 'minCoFundingRate', 0, 10_000),
    maxAllStateRate: int(o, 'maxAllStateRate', 0, 10_000),
    allStateRateStatuses: list(o, 'allStateRateStatuses', 20).map((s) => oneOf({ s }, 's', LEGAL_STATUSES)),
    stateCeilingPerFte: ceiling === null ? null : money(o, 'stateCeilingPerFte'),
    minFtePerStructureRole: int(o, 'minFtePerStructureRole', 0, 10_000) as Fte,
    maxConventionYears: int(o, 'maxConventionYears', 1, 10),
  };
}

function campaign(v: unknown): Campaign {
  const o = obj(v, 'campagne');
  return {
    id: id(o),
    year: int(o, 'year', 2000, 2100),
    label: str(o, 'label', 300),
    nationalEnvelope: money(o, 'nationalEnvelope'),
    rules: rules(own(o, 'rules')),
    defaultConventionStart: date(o, 'defaultConventionStart') ?? '',
    defaultConventionEnd: date(o, 'defaultConventionEnd') ?? '',
    defaultPaymentSchedule: oneOf(o, 'defaultPaymentSchedule', PAYMENT_SCHEDULES),
  };
}

/** A whole scenario from untrusted data, or the French reason it was refused (naming the record). */
export function restoreScenario(v: unknown, limits = { positions: 200_000 }): Result<Scenario> {
  try {
    const o = obj(v, 'scénario');
    const positions = list(o, 'positions', limits.positions);
    return ok({
      id: id(o),
      name: str(o, 'name', 200),
      campaign: campaign(own(o, 'campaign')),
      regions: list(o, 'regions', 200).map(region),
      structures: list(o, 'structures', limits.positions).map(structure),
      positions: positions.map((p, i) => {
        try {
          return position(p);
        } catch (e) {
          throw new Invalid(`poste n° ${i + 1}, ${(e as Error).message}`);
        }
      }),
      createdAt: str(o, 'createdAt', 40),
      updatedAt: str(o, 'updatedAt', 40),
    });
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}
