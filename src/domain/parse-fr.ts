// The one reader of numbers and dates as French staff type them or as workbooks give them as text.
// Amounts, rates and ETP are built from the digits, never through a float, so `31 500,10 €` is exactly 3 150 010 cents.
import { ok, err, type Result } from './result';
import { MAX_ABS_CENTS, cents, type BasisPoints, type Cents } from './money';
import { fte, type Fte } from './fte';
import type { IsoDate } from './types';

/** A number read from text: sign, digit strings on each side of the decimal separator, and the unit written. */
export interface NumberParts {
  negative: boolean;
  /** Digits before the decimal separator, without thousands separators (`31500`); `0` when none were written. */
  integerDigits: string;
  /** Digits after the decimal separator (`50`), empty when none. */
  fractionDigits: string;
  unit: '€' | '%' | 'ETP' | null;
  /**
   * Set when the text is one lone dot after 1 to 3 digits and before exactly three (`31.500`, `1.000`): a French
   * sheet writes thousands so (31 500), an English one decimals (31,5). The digits above are the decimal reading;
   * every parser refuses the text with {@link ambiguousDotWhy} rather than pick one silently.
   */
  ambiguousDot?: true;
}

const UNIT_SUFFIX = /\s*(€|eur|euros?|%|etp)$/i;
/** Spaces people and spreadsheets put between thousands: space, NBSP, narrow NBSP, thin and figure spaces. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;

/**
 * Splits French (and the usual foreign) number writing into parts:
 * `31 500,00 €`, `1.234,56`, `46,000.00`, `(1 234,50)` (negative), `-1 234,5`, `70 %`, `0,56 ETP`.
 * The last `,` or `.` is the decimal separator when it is the only one of its kind, the other kind being thousands;
 * a lone comma is decimal (`1,234` is 1.234), so is a lone dot (`31500.5`) except before exactly three digits
 * after one to three (`31.500`: flagged `ambiguousDot`). Thousands groups must have three digits. No exponents.
 */
export function readNumberParts(text: string): NumberParts | undefined {
  let body = text.replace(SPACES, ' ').trim();
  let unit = unitOf(body);
  body = body.replace(UNIT_SUFFIX, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = (parenthesised[1] ?? '').trim();
    if (unit === null) unit = unitOf(body);
    body = body.replace(UNIT_SUFFIX, '');
  }
  const signed = /^([-+\u2212])\s*(.*)$/.exec(body);
  if (signed) {
    if (negative) return undefined;
    negative = signed[1] !== '+';
    body = signed[2] ?? '';
  }
  const digits = splitDigits(body);
  if (!digits) return undefined;
  const parts: NumberParts = { negative, ...digits, unit };
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(body)) parts.ambiguousDot = true;
  return parts;
}

/** Why `31.500` is refused, with both ways to write it: `point ambigu (milliers ou décimales ?) : …`. */
export function ambiguousDotWhy(parts: NumberParts): string {
  const sign = parts.negative ? '-' : '';
  const decimals = parts.fractionDigits.replace(/0+$/, '');
  const asDecimal = `${sign}${parts.integerDigits}${decimals ? `,${decimals}` : ''}`;
  const asThousands = `${sign}${parts.integerDigits} ${parts.fractionDigits}`;
  return `point ambigu (milliers ou décimales ?) : écrire ${asThousands} ou ${asDecimal}`;
}

function unitOf(body: string): NumberParts['unit'] {
  const match = UNIT_SUFFIX.exec(body)?.[1]?.toLowerCase();
  if (match === undefined) return null;
  if (match === '%') return '%';
  return match === 'etp' ? 'ETP' : '€';
}

/** `31 500,50` → integer and fraction digits; undefined when separators do not make a number. */
function splitDigits(body: string): { integerDigits: string; fractionDigits: string } | undefined {
  if (!/^[\d ,.]*\d[\d ,.]*$/.test(body)) return undefined;
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  let decimal: string | null = null;
  let thousands: string | null = null;
  if (commas > 0 && dots > 0) {
    decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    thousands = decimal === ',' ? '.' : ',';
  } else if (commas + dots === 1) decimal = commas === 1 ? ',' : '.';
  else if (commas + dots > 1) thousands = commas > 0 ? ',' : '.';
  const [integerPart = '', fractionPart = '', ...extra] = decimal ? body.split(decimal) : [body];
  if (extra.length > 0 || (decimal && !/^\d+$/.test(fractionPart))) return undefined;
  const integerDigits = groupedDigits(integerPart, thousands);
  if (integerDigits === undefined) return undefined;
  return { integerDigits: integerDigits === '' ? '0' : integerDigits, fractionDigits: fractionPart };
}

/** `31 500` or `46,000` → `31500`; a single group of any length is fine, later groups must have three digits. */
function groupedDigits(part: string, thousands: string | null): string | undefined {
  if (part.includes(' ')) {
    if (thousands !== null) return undefined;
    thousands = ' ';
  }
  if (thousands === null) return /^\d*$/.test(part) ? part : undefined;
  const groups = part.split(thousands);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

function illegible<T>(noun: string, text: string, why = ''): Result<T> {
  const trimmed = text.trim();
  if (trimmed === '') return err(`${noun} vide`);
  return err(`${noun} illisible « ${trimmed} »${why ? ` : ${why}` : ''}`);
}

/**
 * A number from French text; `70 %` gives 70 and `31 500,00 €` gives 31500 (the caller knows what the column holds).
 * `noun` names the value in the message: `montant illisible « 12,5 k€ »`.
 */
export function parseFrenchNumber(text: string, noun = 'montant'): Result<number> {
  const parts = readNumberParts(text);
  if (!parts) return illegible(noun, text);
  if (parts.ambiguousDot) return illegible(noun, text, ambiguousDotWhy(parts));
  const value = Number(`${parts.integerDigits}.${parts.fractionDigits || '0'}`);
  if (!Number.isFinite(value)) return illegible(noun, text);
  return ok(parts.negative && value !== 0 ? -value : value);
}

/** Digits as an integer scaled by 10^scale (`12` + `5`, scale 2 → 1250); undefined when more decimals are given. */
function scaledInteger(parts: NumberParts, scale: number, dropTrailingZeros: boolean): number | undefined {
  const fraction = dropTrailingZeros ? parts.fractionDigits.replace(/0+$/, '') : parts.fractionDigits;
  if (fraction.length > scale) return undefined;
  const integer = parts.integerDigits.replace(/^0+(?=\d)/, '');
  const value = Number(integer + fraction.padEnd(scale, '0'));
  return parts.negative && value !== 0 ? -value : value;
}

/** An amount in euros written in French, as integer cents. Refuses a percentage and more than two decimals. */
export function parseFrenchAmount(text: string): Result<Cents> {
  const parts = readNumberParts(text);
  if (!parts || parts.unit === '%' || parts.unit === 'ETP') return illegible('montant', text);
  // `31.500` is read as 31,50 € only to tell its two readings apart below; `1.234` has no reading in cents.
  const value = scaledInteger(parts, 2, parts.ambiguousDot === true);
  if (value === undefined) return illegible('montant', text, 'plus de deux décimales (centimes)');
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_ABS_CENTS)
    return illegible('montant', text, 'hors limites');
  if (parts.ambiguousDot) return illegible('montant', text, ambiguousDotWhy(parts));
  return ok(cents(value));
}

/**
 * A rate as integer basis points (7000 = 70 %). With `%`: `70 %` → 7000, `72,5 %` → 7250.
 * Without `%`, a value up to 1 is a ratio as a spreadsheet stores it (`0,7` → 7000, `1` → 10000)
 * and a larger value is a percentage (`70` → 7000). Refuses negative rates and finer than 0,01 %.
 */
export function parsePercent(text: string): Result<BasisPoints> {
  const parts = readNumberParts(text);
  if (!parts || parts.unit === '€' || parts.unit === 'ETP') return illegible('taux', text);
  if (parts.negative) return illegible('taux', text, 'négatif');
  const isRatio = parts.unit === null && Number(`${parts.integerDigits}.${parts.fractionDigits || '0'}`) <= 1;
  const value = scaledInteger(parts, isRatio ? 4 : 2, true);
  if (value === undefined) return illegible('taux', text, 'plus fin que 0,01 %');
  if (!Number.isSafeInteger(value)) return illegible('taux', text);
  if (parts.ambiguousDot) return illegible('taux', text, ambiguousDotWhy(parts));
  return ok(value);
}

/** ETP in hundredths: `1,00` → 100, `0,56` → 56, `0.4` → 40, `1 ETP` → 100. Refuses negative, > 2 decimals, > 100 ETP. */
export function parseFte(text: string): Result<Fte> {
  const parts = readNumberParts(text);
  if (!parts || parts.unit === '€' || parts.unit === '%') return illegible('ETP', text);
  if (parts.negative) return illegible('ETP', text, 'négatif');
  const value = scaledInteger(parts, 2, true);
  if (value === undefined) return illegible('ETP', text, 'plus de deux décimales');
  if (value > 100_00) return illegible('ETP', text, 'plus de 100 ETP');
  if (parts.ambiguousDot) return illegible('ETP', text, ambiguousDotWhy(parts));
  return ok(fte(value));
}

const DAY_MS = 86_400_000;
/** Largest Excel serial day: 9999-12-31. */
const MAX_EXCEL_SERIAL = 2_958_465;

/** Whether `y-m-d` is a real calendar day (Gregorian leap years), for years 1900 to 9999. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * An Excel serial day (1900 date system) as an ISO date; a time of day (fraction) is ignored.
 * Excel counts 1900-02-29, which never existed (the Lotus bug): serial 60 is refused, serials 1–59
 * count from 1899-12-31 and serials from 61 on count from 1899-12-30. Undefined outside 1…2958465.
 */
export function excelSerialToIsoDate(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return undefined;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/** The Excel serial day (1900 date system) of an ISO date, for writing dates into workbooks. */
export function isoDateToExcelSerial(date: IsoDate): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return undefined;
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / DAY_MS;
  return days > 60 ? days : days - 1;
}

/** A time of day after a date, as CSV exports of date-time cells write it (no time zone: kept as a day). */
const TIME_SUFFIX = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;

/**
 * A date as staff write it or a workbook stores it: `01/11/2026`, `1/11/2026`, `01-11-2026`, `01.11.2026`,
 * `01/11/26` (years 00–99 are 2000–2099), `2026-11-01`, an optional time (`01/11/2026 00:00`, ignored),
 * or an Excel serial day: a number, or a text of exactly five digits (`46327` → 2026-11-01).
 * Refuses impossible days (`31/02/2026`) with `date illisible « … »`.
 */
export function parseFrenchDate(input: string | number): Result<IsoDate> {
  const text = typeof input === 'number' ? '' : input.trim();
  if (typeof input === 'number' || /^\d{5}$/.test(text)) {
    const iso = excelSerialToIsoDate(Number(input));
    return iso ? ok(iso) : illegible('date', String(input));
  }
  const dateText = text.replace(TIME_SUFFIX, '');
  const french = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(dateText);
  const iso = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(dateText);
  let parts: number[] | undefined;
  if (french) parts = [Number(french[4]), Number(french[3]), Number(french[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
  if (parts && french?.[4]?.length === 2) parts[0] = 2000 + (parts[0] ?? 0);
  const [year = 0, month = 0, day = 0] = parts ?? [];
  if (!parts || !isRealDay(year, month, day)) return illegible('date', text);
  return ok(isoOf(year, month, day));
}
