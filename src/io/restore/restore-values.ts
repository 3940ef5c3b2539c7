// Reading one imported cell into a typed value: numbers as workbooks store them, or French text as staff type
// it (through the domain's parsers). Each reader gives a value or a French message, never throws.
import { fteFromDecimal, type Fte } from '../../domain/fte';
import { eurosToCents, MAX_ABS_CENTS, type Cents } from '../../domain/money';
import { parseFrenchAmount, parseFrenchDate, parseFte } from '../../domain/parse-fr';
import { departmentByCode, findDepartment } from '../../domain/reference/departments';
import { findRegion } from '../../domain/reference/regions';
import { err, ok, type Result } from '../../domain/result';
import type { DepartmentRef, IsoDate, RegionRef } from '../../domain/types';
import type { CellValue } from '../workbook-data';

/** A value with an optional French warning (the value is kept, the person is told). */
export type Read<T> = Result<T> & { warning?: string };

/** The cell as people see it, for messages: `« 12,5 k€ »`. */
export function shown(v: CellValue): string {
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  return (v ?? '').trim();
}

export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  return typeof v === 'number' ? String(v) : v.trim();
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** A non-negative amount: a number of euros (rounded to the cent, with a warning when it had more) or text. */
export function readAmount(v: CellValue): Read<Cents> {
  if (v === null || isBlank(v)) return ok(0 as Cents);
  if (typeof v === 'number') {
    if (v < 0) return err(`montant négatif « ${shown(v)} »`);
    if (v * 100 > MAX_ABS_CENTS) return err(`montant illisible « ${shown(v)} » : hors limites`);
    const amount = eurosToCents(v);
    const exact = Math.abs(v * 100 - amount) < 1e-6 * Math.max(1, Math.abs(v));
    return exact ? ok(amount) : { ...ok(amount), warning: `montant « ${shown(v)} » arrondi au centime` };
  }
  if (typeof v === 'boolean') return err(`montant illisible « ${shown(v)} »`);
  const parsed = parseFrenchAmount(v);
  if (parsed.ok && parsed.value < 0) return err(`montant négatif « ${shown(v)} »`);
  return parsed;
}

export function readFte(v: CellValue): Read<Fte> {
  if (v === null || isBlank(v)) return err('ETP vide');
  if (typeof v === 'number') {
    if (v < 0) return err(`ETP illisible « ${shown(v)} » : négatif`);
    if (v > 100) return err(`ETP illisible « ${shown(v)} » : plus de 100 ETP`);
    try {
      return ok(fteFromDecimal(v));
    } catch {
      return err(`ETP illisible « ${shown(v)} » : plus de deux décimales`);
    }
  }
  if (typeof v === 'boolean') return err(`ETP illisible « ${shown(v)} »`);
  return parseFte(v);
}

/** A date cell: ISO text from the reader, an Excel serial number, or French text; blank is no date. */
export function readDate(v: CellValue): Read<IsoDate | null> {
  if (v === null || isBlank(v)) return ok(null);
  if (typeof v === 'boolean') return err(`date illisible « ${shown(v)} »`);
  return parseFrenchDate(v);
}

/** An integer between min and max, from a number or from the first matching digits of text (`AAP 2022`). */
export function readInteger(
  v: CellValue,
  min: number,
  max: number,
  noun: string,
  pattern: RegExp,
): Read<number> {
  const fail = err<number>(`${noun} illisible « ${shown(v)} » (attendu ${min} à ${max})`);
  if (typeof v === 'number') return Number.isInteger(v) && v >= min && v <= max ? ok(v) : fail;
  if (typeof v !== 'string') return fail;
  const match = pattern.exec(v.trim());
  const n = match ? Number(match[1]) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? ok(n) : fail;
}

export const COHORT_PATTERN = /^(?:aap\s*)?((?:19|20|21)\d\d)\b/i;
export const CONVENTION_YEAR_PATTERN =
  /^(?:ann[ée]e\s*|n\s*\+?\s*|a)?(\d)(?:\s*(?:e|è|ème|eme|re|ère|er)?(?:\s*ann[ée]e)?)?$/i;

export function readDepartment(v: CellValue): Read<DepartmentRef> {
  if (typeof v === 'number') {
    const department = Number.isInteger(v) ? departmentByCode(String(v).padStart(2, '0')) : undefined;
    return department ? ok(department) : err(`département inconnu « ${shown(v)} »`);
  }
  const department = findDepartment(cellText(v));
  return department ? ok(department) : err(`département inconnu « ${shown(v)} »`);
}

export function readRegion(v: CellValue): Read<RegionRef> {
  const region = findRegion(typeof v === 'number' ? String(v).padStart(2, '0') : cellText(v));
  return region ? ok(region) : err(`région inconnue « ${shown(v)} »`);
}

/** App ids: letters, digits, `-`, `_`, `.`, `:`; starts with a letter or digit; at most 64 characters. */
export function readId(v: CellValue): Read<string | null> {
  const text = cellText(v);
  if (text === '') return ok(null);
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(text)
    ? ok(text)
    : err(`identifiant illisible « ${text.slice(0, 80)} »`);
}

/** 14 digits (spaces allowed as typed) with a valid Luhn key (La Poste's SIRET, 356 000 000 XXXXX, excepted). */
export function readSiret(v: CellValue): Read<string> {
  const digits =
    typeof v === 'number' ? String(v).padStart(14, '0') : cellText(v).replace(/[\s.\u00a0]/g, '');
  if (digits === '') return ok('');
  if (!/^\d{14}$/.test(digits)) return err(`SIRET illisible « ${shown(v)} » : 14 chiffres attendus`);
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(digits[13 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  const laPoste = digits.startsWith('356000000');
  const laPosteOk = laPoste && [...digits].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  return sum % 10 === 0 || laPosteOk
    ? ok(digits)
    : err(`SIRET invalide « ${shown(v)} » : clé de contrôle fausse`);
}

/**
 * Plain text as typed; formula-like text (`=…`, `+…`) is kept as text, never evaluated. Names are trimmed;
 * notes keep their spaces (an exported note comes back identical), but blank text is empty.
 */
export function readText(v: CellValue, trim = true, maxLength = 2_000): Read<string> {
  const raw = typeof v === 'string' ? v : cellText(v);
  const text = trim || raw.trim() === '' ? raw.trim() : raw;
  return text.length > maxLength
    ? err(`texte trop long (${text.length} caractères, maximum ${maxLength})`)
    : ok(text);
}
