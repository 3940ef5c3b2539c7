// The allocation helper (répartition): split an amount across regions by weights, with fixed amounts,
// floors and ceilings (kept as given), rounded to a step by largest remainder; the shares always sum exactly
// to the amount.
import type { Cents } from './money';
import { formatEuros } from './format-fr';
import { err, ok, type Result } from './result';

export interface AllocationShareInput {
  regionCode: string;
  /**
   * Non-negative weight (ETP to renew, current ETP, custom indicator, or 1 for equal shares); the positive weights
   * of the regions without a fixed amount may be at most MAX_WEIGHT_RATIO apart.
   */
  weight: number;
  /** A fixed amount given as is (e.g. a new coordination); the region then takes no share of the rest. */
  fixed: Cents | null;
  floor: Cents | null;
  ceiling: Cents | null;
}

export interface AllocationRequest {
  /** Amount to split, in cents. */
  amount: Cents;
  /** Rounding step in cents (100 = 1 €, 10 000 = 100 €, 100 000 = 1 000 €). */
  step: Cents;
  shares: readonly AllocationShareInput[];
}

/** Amount per region, in the order of the request. */
export type Allocation = ReadonlyArray<{ regionCode: string; amount: Cents }>;

/** A region without a fixed amount: its weight (scaled so the largest is 1), bounds as given, target, amount. */
type Free = { index: number; weight: number; lo: number; hi: number; target: number; amount: number };

/** Largest ratio between two positive weights: past it the smaller one's share is below a cent of any amount. */
export const MAX_WEIGHT_RATIO = 1e12;

export function allocate(req: AllocationRequest): Result<Allocation> {
  const invalid = validate(req);
  if (invalid) return err(invalid);
  const amounts: number[] = req.shares.map((s) => s.fixed ?? 0);
  const fixedTotal = amounts.reduce((a, b) => a + b, 0);
  const free = req.amount - fixedTotal;
  if (free < 0) {
    return err(
      `Les montants fixes (${formatEuros(fixedTotal as Cents)}) dépassent le montant à répartir (${formatEuros(req.amount)})`,
    );
  }
  const maxWeight = Math.max(0, ...req.shares.filter((s) => s.fixed === null).map((s) => s.weight));
  const frees: Free[] = [];
  req.shares.forEach((s, index) => {
    if (s.fixed !== null) return;
    const weight = maxWeight > 0 ? s.weight / maxWeight : 0;
    frees.push({ index, weight, lo: s.floor ?? 0, hi: s.ceiling ?? Infinity, target: 0, amount: 0 });
  });
  if (frees.length === 0) {
    return free === 0
      ? ok(result(req, amounts))
      : err('Aucune région sans montant fixe pour recevoir le reste');
  }
  const feasibility = checkFeasible(frees, free);
  if (feasibility) return err(feasibility);
  waterFill(frees, free);
  if (!roundToStep(frees, free, req.step))
    return err('Les plafonds ne laissent pas de place pour l’arrondi : ajustez le pas ou les plafonds');
  for (const f of frees) amounts[f.index] = f.amount;
  return ok(result(req, amounts));
}

function validate(req: AllocationRequest): string | null {
  if (!Number.isSafeInteger(req.amount) || req.amount < 0) return 'Le montant à répartir doit être positif';
  if (!Number.isSafeInteger(req.step) || req.step <= 0) return 'Le pas d’arrondi doit être positif';
  for (const s of req.shares) {
    if (!Number.isFinite(s.weight) || s.weight < 0)
      return `Clé de répartition invalide pour la région ${s.regionCode}`;
    for (const v of [s.fixed, s.floor, s.ceiling]) {
      if (v !== null && (!Number.isSafeInteger(v) || v < 0))
        return `Montant invalide pour la région ${s.regionCode}`;
    }
    if (s.floor !== null && s.ceiling !== null && s.floor > s.ceiling) {
      return `Plancher supérieur au plafond pour la région ${s.regionCode}`;
    }
  }
  const weighted = req.shares.filter((s) => s.fixed === null && s.weight > 0);
  const largest = weighted.reduce<AllocationShareInput | null>(
    (a, s) => (a && a.weight >= s.weight ? a : s),
    null,
  );
  const smallest = weighted.reduce<AllocationShareInput | null>(
    (a, s) => (a && a.weight <= s.weight ? a : s),
    null,
  );
  if (largest && smallest && largest.weight / smallest.weight > MAX_WEIGHT_RATIO) {
    return (
      `Clés de répartition trop écartées : celle de la région ${largest.regionCode} dépasse mille milliards de fois ` +
      `celle de la région ${smallest.regionCode} ; mettez 0 pour exclure une région`
    );
  }
  return null;
}

function checkFeasible(frees: readonly Free[], free: number): string | null {
  const sumLo = frees.reduce((a, f) => a + f.lo, 0);
  const sumHi = frees.reduce((a, f) => a + f.hi, 0);
  if (sumLo > free) return 'Les planchers dépassent le montant à répartir';
  if (sumHi < free) return 'Les plafonds ne permettent pas de répartir tout le montant';
  const reachable = frees.reduce((a, f) => a + (f.weight > 0 ? f.hi : f.lo), 0);
  if (reachable < free)
    return 'La clé de répartition est nulle pour les régions qui pourraient recevoir le reste';
  return null;
}

/**
 * Continuous targets clamp(λ·w, lo, hi) summing to `free`. The sum is piecewise linear in λ, bending where a
 * share leaves its floor (lo/w) or meets its ceiling (hi/w): λ is solved on the segment where the sum reaches
 * `free`, so no weight ratio or bisection tolerance can make it overflow or drift.
 */
function waterFill(frees: Free[], free: number): void {
  const clamp = (f: Free, lambda: number) =>
    Math.min(f.hi, Math.max(f.lo, f.weight === 0 ? 0 : lambda * f.weight));
  const total = (lambda: number) => frees.reduce((a, f) => a + clamp(f, lambda), 0);
  const weighted = frees.filter((f) => f.weight > 0);
  const bends = [...new Set(weighted.flatMap((f) => [f.lo / f.weight, f.hi / f.weight]))]
    .filter((b) => b > 0)
    .sort((a, b) => a - b);
  let lambda = 0;
  let from = 0;
  for (const bend of [...bends, Infinity]) {
    if (total(from) >= free) break;
    if (bend === Infinity || total(bend) >= free) {
      const slope = weighted
        .filter((f) => f.lo / f.weight <= from && f.hi / f.weight >= bend)
        .reduce((a, f) => a + f.weight, 0);
      lambda = slope > 0 ? from + (free - total(from)) / slope : bend;
      break;
    }
    from = bend;
  }
  lambda = Math.max(lambda, from);
  for (const f of frees) f.target = clamp(f, lambda);
}

/** The amounts a share may take: its floor, its ceiling (both as given), and the multiples of the step between. */
function gridBelow(f: Free, x: number, step: number): number {
  if (x >= f.hi) return f.hi;
  const multiple = Math.floor(x / step) * step;
  return multiple <= f.lo ? f.lo : multiple;
}
function gridAbove(f: Free, amount: number, step: number): number | undefined {
  if (amount >= f.hi) return undefined;
  return Math.min((Math.floor(amount / step) + 1) * step, f.hi);
}
function gridUnder(f: Free, amount: number, step: number): number | undefined {
  if (amount <= f.lo) return undefined;
  return Math.max((Math.ceil(amount / step) - 1) * step, f.lo);
}

/**
 * Amounts on each share's grid, summing exactly to `free`: each target taken down to its grid, then the gap
 * handed out by largest remainder (the part of the way to the next grid amount; ties: request order), and a
 * rest smaller than any grid move given to the largest share that stays under its ceiling.
 */
function roundToStep(frees: Free[], free: number, step: number): boolean {
  for (const f of frees) f.amount = gridBelow(f, f.target, step);
  let gap = free - frees.reduce((a, f) => a + f.amount, 0);
  const fraction = (f: Free) => {
    const next = gridAbove(f, f.amount, step);
    return next === undefined ? -1 : (f.target - f.amount) / (next - f.amount);
  };
  const byFraction = [...frees].sort((a, b) => fraction(b) - fraction(a) || a.index - b.index);
  const allZero = frees.every((f) => f.weight === 0);
  // The targets sum to `free` only up to float noise: take back what a rounding gave too much, smallest first.
  for (const f of [...byFraction].reverse()) {
    if (gap >= 0) break;
    const under = gridUnder(f, f.amount, step);
    if (under !== undefined) [gap, f.amount] = [gap + f.amount - under, under];
  }
  for (let moved = true; moved && gap > 0;) {
    moved = false;
    for (const f of byFraction) {
      const next = gridAbove(f, f.amount, step);
      if (next === undefined || next - f.amount > gap || (f.weight === 0 && !allZero)) continue;
      [gap, f.amount, moved] = [gap - (next - f.amount), next, true];
    }
  }
  if (gap === 0) return true;
  const taker = frees
    .filter((f) => (f.weight > 0 || allZero) && f.amount + gap <= f.hi)
    .sort((a, b) => b.amount - a.amount || a.index - b.index)[0];
  if (taker === undefined || gap < 0) return false;
  taker.amount += gap;
  return true;
}

function result(req: AllocationRequest, amounts: readonly number[]): Allocation {
  return req.shares.map((s, i) => ({ regionCode: s.regionCode, amount: (amounts[i] ?? 0) as Cents }));
}
