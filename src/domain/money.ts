// Money as integer euro cents (ADR 0001). Every amount in the domain is a Cents; euros only at the io/ui edges.

declare const CENTS: unique symbol;
/** An amount in euro cents, always a safe integer. */
export type Cents = number & { readonly [CENTS]: true };

/** Largest amount accepted anywhere (10 billion euros), so products with basis points stay exact in doubles. */
export const MAX_ABS_CENTS = 1_000_000_000_000;

/** Guard: returns the value as Cents, throws on a non-integer, non-finite or absurd value. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Montant non entier en centimes : ${value}`);
  if (Math.abs(value) > MAX_ABS_CENTS) throw new RangeError(`Montant hors limites : ${value}`);
  return value as Cents;
}

export const ZERO = 0 as Cents;

/** Euros (possibly with cents as decimals) to Cents, rounding half away from zero at the cent. */
export function eurosToCents(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new RangeError(`Montant invalide : ${euros}`);
  const scaled = Math.round(Math.abs(euros) * 100 + 1e-7);
  return cents(euros < 0 ? -scaled : scaled);
}

/** Rates are integer basis points: 7000 = 70,00 %. */
export type BasisPoints = number;

/** amount × rate, rounded down to the cent (a ceiling computed from a rate never exceeds the exact value). */
export function applyRateFloor(amount: Cents, rate: BasisPoints): Cents {
  return Math.floor((amount * rate) / 10_000) as Cents;
}

/** part / whole as a ratio (0.72 for 72 %); null when whole is zero. For display and messages only. */
export function ratio(part: Cents, whole: Cents): number | null {
  return whole === 0 ? null : part / whole;
}
