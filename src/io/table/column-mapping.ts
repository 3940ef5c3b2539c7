// Which field each column of the found table holds: a proposal from the French titles, with a confidence,
// that the person can correct; a check of a mapping; and a stable key to remember a mapping for files
// with the same titles.
import { FUNDER_CATEGORIES, type FunderCategory } from '../../domain/types';
import { CO_FUNDING_LABELS, FIELD_LABELS as NAMES, parseFunderCategory } from '../../domain/vocabulary';
import { CO_FUNDING_GROUP_WORDS, HEADER_WORDS, headerKey, type ImportField } from './header-vocabulary';
import { columnLetter } from '../cell-address';

export type { ImportField } from './header-vocabulary';

/** Field per column (index = column, 0 is A); null: column not imported. */
export type Mapping = ReadonlyArray<ImportField | null>;

export interface ColumnProposal {
  column: number;
  /** Column letter as in the workbook (`A`, `AB`). */
  letter: string;
  header: string;
  field: ImportField | null;
  /** 1: exact title; lower: title found inside a longer header; 0: not recognised. */
  confidence: number;
}

export interface ProposedMapping {
  mapping: Mapping;
  columns: ColumnProposal[];
}

/** Separator find-table puts between a group title and a sub-title: `Cofinancements — FSE+`. */
export const GROUP_SEPARATOR = ' — ';

/** Fields that several columns may hold (pairs of co-funding amount / funder / category; computed columns). */
const REPEATABLE: ReadonlySet<ImportField> = new Set([
  'computed',
  'coFundingAmount',
  'coFundingFunder',
  'coFundingCategory',
]);

export const REQUIRED_FIELDS: readonly ImportField[] = [
  'structureName',
  'role',
  'fte',
  'annualCost',
  'stateAmount',
];

const FIELDS_BY_KEY = new Map<string, ImportField>();
for (const [field, words] of HEADER_WORDS) {
  for (const w of words) if (!FIELDS_BY_KEY.has(headerKey(w))) FIELDS_BY_KEY.set(headerKey(w), field);
}
const KEYS_BY_LENGTH = [...FIELDS_BY_KEY.keys()].sort((a, b) => b.length - a.length);
const GROUP_KEYS = new Set(CO_FUNDING_GROUP_WORDS.map(headerKey));
const CO_FUNDING_PREFIX = /^(?:montant )?(?:cofinancements?|co financements?|cofinanceurs?)(?: par)? /;

function coFunding(category: FunderCategory): ImportField {
  return `coFunding.${category}`;
}

/** One header key → field and confidence, without group context. */
function matchKey(key: string): { field: ImportField | null; confidence: number } {
  if (key === '') return { field: null, confidence: 0 };
  const exact = FIELDS_BY_KEY.get(key);
  if (exact) return { field: exact, confidence: 1 };
  const prefixed = CO_FUNDING_PREFIX.exec(key + ' ');
  if (prefixed) {
    const rest = (key + ' ').slice(prefixed[0].length).trim();
    const category = rest === '' ? undefined : parseFunderCategory(rest);
    if (category?.ok) return { field: coFunding(category.value), confidence: 0.9 };
  }
  const padded = ` ${key} `;
  for (const k of KEYS_BY_LENGTH) {
    if (padded.includes(` ${k} `)) {
      return { field: FIELDS_BY_KEY.get(k) ?? null, confidence: 0.5 + (0.4 * k.length) / key.length };
    }
  }
  return { field: null, confidence: 0 };
}

/** A header as find-table gives it, possibly `group — sub`: the sub-title decides within its group. */
export function matchHeader(header: string): { field: ImportField | null; confidence: number } {
  const at = header.indexOf(GROUP_SEPARATOR);
  if (at < 0) return matchKey(headerKey(header));
  const group = headerKey(header.slice(0, at));
  const sub = headerKey(header.slice(at + GROUP_SEPARATOR.length));
  if (GROUP_KEYS.has(group)) {
    const category = parseFunderCategory(sub);
    const direct = matchKey(sub);
    if (direct.field?.startsWith('coFunding.')) return { field: direct.field, confidence: 0.95 };
    if (category.ok) return { field: coFunding(category.value), confidence: 0.85 };
  }
  const bySub = matchKey(sub);
  if (bySub.field) return { field: bySub.field, confidence: bySub.confidence * 0.95 };
  return matchKey(headerKey(`${header.slice(0, at)} ${header.slice(at + GROUP_SEPARATOR.length)}`));
}

/** The proposed field of each column; a field held by two columns goes to the more confident one. */
export function proposeMapping(headers: readonly string[]): ProposedMapping {
  const columns: ColumnProposal[] = headers.map((header, column) => ({
    column,
    letter: columnLetter(column),
    header,
    ...matchHeader(header),
  }));
  const best = new Map<ImportField, ColumnProposal>();
  for (const c of columns) {
    if (!c.field || REPEATABLE.has(c.field)) continue;
    const held = best.get(c.field);
    if (held && held.confidence >= c.confidence) {
      c.field = null;
      c.confidence = 0;
    } else {
      if (held) {
        held.field = null;
        held.confidence = 0;
      }
      best.set(c.field, c);
    }
  }
  return { mapping: columns.map((c) => c.field), columns };
}

/** French problems that prevent an import with this mapping (empty list: the mapping can be used). */
export function validateMapping(mapping: Mapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const columnsOf = new Map<ImportField, number[]>();
  mapping.forEach((f, c) => {
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), c]);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columnsOf.has(field)) problems.push(`Aucune colonne n'est associée à « ${FIELD_LABELS[field]} ».`);
  }
  for (const [field, cols] of columnsOf) {
    if (cols.length > 1 && !REPEATABLE.has(field)) {
      const names = cols.map((c) => `${columnLetter(c)} (« ${headers[c] ?? ''} »)`).join(' et ');
      problems.push(`Les colonnes ${names} sont toutes associées à « ${FIELD_LABELS[field]} ».`);
    }
  }
  return problems;
}

/** Stable key of a header row (normalised titles, 53-bit hash), to remember a mapping across files. */
export function mappingKey(headers: readonly string[]): string {
  const text = headers.map(headerKey).join('\u001f');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${headers.length}-${hash.toString(36)}`;
}

/** French name of each field, for the mapping screen and the messages (the app's names, a few made fuller). */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  id: NAMES.id,
  structureName: `${NAMES.structureName} (bénéficiaire)`,
  siret: NAMES.siret,
  legalStatus: NAMES.legalStatus,
  departmentCode: NAMES.departmentCode,
  regionCode: NAMES.regionCode,
  followUpService: NAMES.followUpService,
  role: NAMES.role,
  fte: NAMES.fte,
  annualCost: NAMES.annualCost,
  stateAmount: `${NAMES.stateAmount} (AAP)`,
  ...(Object.fromEntries(FUNDER_CATEGORIES.map((c) => [coFunding(c), CO_FUNDING_LABELS[c]])) as Record<
    `coFunding.${FunderCategory}`,
    string
  >),
  coFundingAmount: 'Cofinancement (montant)',
  coFundingFunder: 'Financeur',
  coFundingCategory: 'Catégorie de financeur',
  cohort: `${NAMES.cohort} AAP`,
  conventionStart: NAMES.conventionStart,
  conventionEnd: NAMES.conventionEnd,
  conventionYear: NAMES.conventionYear,
  paymentSchedule: NAMES.paymentSchedule,
  purpose: NAMES.purpose,
  whiteZone: NAMES.whiteZone,
  notes: NAMES.notes,
  computed: 'Colonne calculée (ignorée)',
};
