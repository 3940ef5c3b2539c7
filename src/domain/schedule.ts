// Payment schedules → AE (commitment, in the signature year) and CP (payments) by calendar year (rule 7).
import type { Cents } from './money';
import type { IsoDate, Position } from './types';

export interface YearAmounts {
  /** Autorisations d'engagement. */
  ae: Cents;
  /** Crédits de paiement. */
  cp: Cents;
}

export interface Payment {
  year: number;
  amount: Cents;
  kind: 'signature' | 'advance' | 'balance';
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Payments of a position's State amount. The signature is taken as the convention start (or the campaign year
 * when undated). 100 % at signature; or 50 % advance at signature (rounded down to the cent) and the balance
 * in the year the convention ends.
 */
export function paymentsOf(p: Position, fallbackYear: number): Payment[] {
  const signatureYear = p.conventionStart ? yearOf(p.conventionStart) : fallbackYear;
  if (p.paymentSchedule === 'atSignature')
    return [{ year: signatureYear, amount: p.stateAmount, kind: 'signature' }];
  const advance = Math.floor(p.stateAmount / 2) as Cents;
  const balanceYear = p.conventionEnd ? yearOf(p.conventionEnd) : signatureYear + 1;
  return [
    { year: signatureYear, amount: advance, kind: 'advance' },
    { year: balanceYear, amount: (p.stateAmount - advance) as Cents, kind: 'balance' },
  ];
}

/** AE and CP by calendar year for a set of positions, keys sorted ascending. */
export function aeCpByYear(positions: readonly Position[], fallbackYear: number): Map<number, YearAmounts> {
  const byYear = new Map<number, { ae: number; cp: number }>();
  const at = (year: number) => {
    let y = byYear.get(year);
    if (!y) byYear.set(year, (y = { ae: 0, cp: 0 }));
    return y;
  };
  for (const p of positions) {
    const payments = paymentsOf(p, fallbackYear);
    at(payments[0]?.year ?? fallbackYear).ae += p.stateAmount;
    for (const pay of payments) at(pay.year).cp += pay.amount;
  }
  const sorted = [...byYear.entries()].sort((a, b) => a[0] - b[0]);
  return new Map(sorted.map(([year, v]) => [year, { ae: v.ae as Cents, cp: v.cp as Cents }]));
}
