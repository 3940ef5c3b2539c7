// ETP (full-time equivalents) with two decimals, stored as integer hundredths so sums are exact.

declare const FTE: unique symbol;
/** ETP in hundredths: 0,56 ETP = 56. */
export type Fte = number & { readonly [FTE]: true };

export function fte(hundredths: number): Fte {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0 || hundredths > 10_000_00) {
    throw new RangeError(`ETP invalide (centièmes) : ${hundredths}`);
  }
  return hundredths as Fte;
}

/** 0.56 → 56 hundredths; refuses more than two decimals. */
export function fteFromDecimal(value: number): Fte {
  const h = Math.round(value * 100);
  if (Math.abs(h - value * 100) > 1e-6) throw new RangeError(`ETP avec plus de deux décimales : ${value}`);
  return fte(h);
}
