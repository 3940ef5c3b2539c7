// French display of amounts, rates, ETP and dates, for the UI and the breach messages.
// Same characters as Intl.NumberFormat('fr-FR'): U+202F between thousands, U+00A0 before `€` and `%`.
// Built from integer parts, so any amount in cents is shown exactly.
import type { BasisPoints, Cents } from './money';
import type { Fte } from './fte';
import type { IsoDate } from './types';

/** Narrow no-break space, between groups of thousands. */
export const THOUSANDS_SEPARATOR = '\u202f';
/** No-break space, between a number and its unit. */
export const UNIT_SPACE = '\u00a0';

/** `31500` → `31 500` (with U+202F); the argument is a non-negative integer. */
function groupThousands(integer: number | bigint): string {
  return String(integer).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

/** Quotient and remainder of a non-negative safe integer, without float division. */
function divide(value: number, divisor: number): [number, number] {
  const remainder = value % divisor;
  return [(value - remainder) / divisor, remainder];
}

function sign(value: number): string {
  return value < 0 ? '-' : '';
}

/** Cents as `31 500,00 €`, `-1 230,50 €` (hyphen-minus, as Intl writes it). */
export function formatEuros(amount: Cents): string {
  const [euros, rest] = divide(Math.abs(amount), 100);
  return `${sign(amount)}${groupThousands(euros)},${String(rest).padStart(2, '0')}${UNIT_SPACE}€`;
}

/**
 * Cents in short form for totals and charts: whole euros below a million (`31 500 €`),
 * millions with `digits` decimals from a million (`1,2 M€`, `4,7 M€`, trailing zeros dropped: `5 M€`).
 * Rounds half away from zero.
 */
export function formatEurosShort(amount: Cents, digits = 1): string {
  const abs = Math.abs(amount);
  const [euros, centsRest] = divide(abs, 100);
  const roundedEuros = euros + (centsRest >= 50 ? 1 : 0);
  if (roundedEuros < 1_000_000) {
    return `${roundedEuros === 0 ? '' : sign(amount)}${groupThousands(roundedEuros)}${UNIT_SPACE}€`;
  }
  const unit = 100_000_000 / 10 ** digits;
  const [whole, rest] = divide(abs, unit);
  const scaled = whole + (rest * 2 >= unit ? 1 : 0);
  return `${sign(amount)}${decimalText(scaled, digits, true)}${UNIT_SPACE}M€`;
}

/** An integer count of 10^-digits units as `1 234,56`; trailing zeros of the fraction dropped when `trim`. */
function decimalText(scaled: number, digits: number, trim: boolean): string {
  const [integer, fraction] = divide(scaled, 10 ** digits);
  let fractionText = digits > 0 ? String(fraction).padStart(digits, '0') : '';
  if (trim) fractionText = fractionText.replace(/0+$/, '');
  return fractionText ? `${groupThousands(integer)},${fractionText}` : groupThousands(integer);
}

/**
 * A ratio as a percentage: 0.72 → `72,00 %`, `formatPercent(0.724, 1)` → `72,4 %`. Rounds half away from zero;
 * `—` for a ratio that is not a number (e.g. a rate of a zero cost).
 */
export function formatPercent(ratio: number, digits = 2): string {
  if (!Number.isFinite(ratio)) return '—';
  // toPrecision removes binary noise (0.7245 × 100 = 72.45000000000002) before rounding at `digits`.
  const percent = Number((Math.abs(ratio) * 100).toPrecision(12));
  const scaled = Math.round(percent * 10 ** digits);
  const text = decimalText(scaled, digits, false);
  return `${scaled === 0 ? '' : sign(ratio)}${text}${UNIT_SPACE}%`;
}

/** Most decimals a rate beyond its limit is shown with: enough for any two amounts up to MAX_ABS_CENTS. */
const MAX_BEYOND_DIGITS = 16;

/**
 * `part / whole` (both in cents) as a percentage next to the limit it breaks, in basis points: two decimals,
 * more when two would show the limit itself, so 28 000,01 € of 40 000 € is `70,00003 %`, never `70,00 %` > 70 %.
 * Exact (integer arithmetic), rounds half away from zero; `—` for a zero or non-integer `whole`.
 */
export function formatRateBeyond(part: number, whole: number, limit: BasisPoints): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole === 0)
    return formatPercent(part / whole);
  const negative = part !== 0 && part < 0 !== whole < 0;
  const [a, b] = [BigInt(Math.abs(part)), BigInt(Math.abs(whole))];
  const signedLimit = BigInt(Math.round(limit));
  const equal = (negative ? -a : a) * 10_000n === signedLimit * b;
  let text = '';
  for (let digits = 2; digits <= MAX_BEYOND_DIGITS; digits++) {
    const unit = 10n ** BigInt(digits);
    const scaled = (a * 100n * unit * 2n + b) / (2n * b);
    const signed = negative ? -scaled : scaled;
    const fraction = String(scaled % unit).padStart(digits, '0');
    text = `${negative && scaled !== 0n ? '-' : ''}${groupThousands(scaled / unit)},${fraction}${UNIT_SPACE}%`;
    if (equal || signed * 100n !== signedLimit * unit) break;
  }
  return text;
}

/** Basis points as a rate: 7000 → `70 %`, 7250 → `72,5 %`, 7255 → `72,55 %`. */
export function formatBasisPoints(rate: BasisPoints): string {
  return `${sign(rate)}${decimalText(Math.abs(Math.round(rate)), 2, true)}${UNIT_SPACE}%`;
}

/** ETP in hundredths with two decimals: 56 → `0,56`, 100 → `1,00`. */
export function formatFte(value: Fte): string {
  return decimalText(Math.abs(value), 2, false);
}

/** `2027-10-31` → `31/10/2027`; any other text is returned unchanged (never hides what was stored). */
export function formatDate(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
