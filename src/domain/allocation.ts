// The allocation helper (répartition): split an amount across regions by weights, with fixed amounts,
// floors and ceilings, rounded to a step by largest remainder; the shares always sum exactly to the amount.
import type { Cents } from './money';
import { formatEuros } from './format-fr';
import { err, ok, type Result } from './result';

export interface AllocationShareInput {
  regionCode: string;
  /** Non-negative weight (ETP to renew, current ETP, custom indicator, or 1 for equal shares). */
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

type Free = { index: number; weight: number; lo: number; hi: number; target: number; units: number };

export function allocate(req: AllocationRequest): Result<Allocation> {
  const invalid = validate(req);
  if (invalid) return err(invalid);
  const amounts = req.shares.map((s) => pinned(s, req.step) ?? 0);
  const fixedTotal = amounts.reduce((a, b) => a + b, 0);
  const free = req.amount - fixedTotal;
  if (free < 0) {
    return err(
      `Les montants fixes (${formatEuros(fixedTotal as Cents)}) dépassent le montant à répartir (${formatEuros(req.amount)})`,
    );
  }
  const frees: Free[] = [];
  req.shares.forEach((s, index) => {
    if (pinned(s, req.step) !== null) return;
    const lo = s.floor === null ? 0 : Math.ceil(s.floor / req.step);
    const hi = s.ceiling === null ? Infinity : Math.floor(s.ceiling / req.step);
    frees.push({ index, weight: s.weight, lo, hi, target: 0, units: 0 });
  });
  const units = Math.floor(free / req.step);
  const residue = free - units * req.step;
  if (frees.length === 0) {
    return free === 0
      ? ok(result(req, amounts))
      : err('Aucune région sans montant fixe pour recevoir le reste');
  }
  const feasibility = checkFeasible(frees, units);
  if (feasibility) return err(feasibility);
  waterFill(frees, units);
  roundLargestRemainder(frees, units);
  for (const f of frees) amounts[f.index] = f.units * req.step;
  if (residue > 0) {
    const taker = pickResidueTaker(req, frees, amounts, residue);
    if (taker === undefined)
      return err('Les plafonds ne laissent pas de place pour l’arrondi : ajustez le pas ou les plafonds');
    amounts[taker] = (amounts[taker] ?? 0) + residue;
  }
  return ok(result(req, amounts));
}

/** A fixed amount, or the floor when floor and ceiling leave no multiple of the step between them. */
function pinned(s: AllocationShareInput, step: number): number | null {
  if (s.fixed !== null) return s.fixed;
  if (s.floor !== null && s.ceiling !== null && Math.ceil(s.floor / step) > Math.floor(s.ceiling / step))
    return s.floor;
  return null;
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
  return null;
}

function checkFeasible(frees: readonly Free[], units: number): string | null {
  const sumLo = frees.reduce((a, f) => a + f.lo, 0);
  const sumHi = frees.reduce((a, f) => a + f.hi, 0);
  if (sumLo > units) return 'Les planchers dépassent le montant à répartir';
  if (sumHi < units) return 'Les plafonds ne permettent pas de répartir tout le montant';
  const reachable = frees.reduce((a, f) => a + (f.weight > 0 ? f.hi : f.lo), 0);
  if (reachable < units)
    return 'La clé de répartition est nulle pour les régions qui pourraient recevoir le reste';
  return null;
}

/** Continuous targets clamp(λ·w, lo, hi) summing to `units`, λ found by bisection (the sum grows with λ). */
function waterFill(frees: Free[], units: number): void {
  const total = (lambda: number) =>
    frees.reduce((a, f) => a + Math.min(f.hi, Math.max(f.lo, lambda * f.weight)), 0);
  const maxWeight = Math.max(...frees.map((f) => f.weight));
  let lo = 0;
  let hi =
    maxWeight > 0 ? (units + 1) / Math.min(...frees.filter((f) => f.weight > 0).map((f) => f.weight)) : 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < units) lo = mid;
    else hi = mid;
  }
  for (const f of frees) f.target = Math.min(f.hi, Math.max(f.lo, hi * f.weight));
}

/** Integer units: floors of the targets, then +1 by largest fractional part (ties: request order). */
function roundLargestRemainder(frees: Free[], units: number): void {
  for (const f of frees) f.units = Math.min(f.hi, Math.max(f.lo, Math.floor(f.target)));
  let gap = units - frees.reduce((a, f) => a + f.units, 0);
  const byFraction = [...frees].sort(
    (a, b) => b.target - Math.floor(b.target) - (a.target - Math.floor(a.target)) || a.index - b.index,
  );
  while (gap > 0) {
    const before = gap;
    for (const f of byFraction) {
      if (gap === 0) break;
      if (f.units < f.hi && (f.weight > 0 || f.units < f.lo)) {
        f.units += 1;
        gap -= 1;
      }
    }
    if (gap === before) break;
  }
  while (gap < 0) {
    const before = gap;
    for (const f of [...byFraction].reverse()) {
      if (gap === 0) break;
      if (f.units > f.lo) {
        f.units -= 1;
        gap += 1;
      }
    }
    if (gap === before) break;
  }
}

/** The sub-step residue goes to the largest share that stays under its ceiling. */
function pickResidueTaker(
  req: AllocationRequest,
  frees: readonly Free[],
  amounts: number[],
  residue: number,
) {
  const candidates = frees
    .filter((f) => f.weight > 0 || frees.every((g) => g.weight === 0))
    .filter((f) => {
      const ceiling = req.shares[f.index]?.ceiling ?? null;
      return ceiling === null || (amounts[f.index] ?? 0) + residue <= ceiling;
    })
    .sort((a, b) => (amounts[b.index] ?? 0) - (amounts[a.index] ?? 0) || a.index - b.index);
  return candidates[0]?.index;
}

function result(req: AllocationRequest, amounts: readonly number[]): Allocation {
  return req.shares.map((s, i) => ({ regionCode: s.regionCode, amount: (amounts[i] ?? 0) as Cents }));
}
