// ETP planning (rule 10): ETP whose convention or 3-year limit ends in a year, conventions ending by month.
import { yearOf } from './schedule';
import type { IsoDate, Position, RuleParams } from './types';

export interface FteEnding {
  /** ETP (hundredths) whose current convention ends in the year: renewals by amendment, or end of the post. */
  conventionEnds: number;
  /** ETP (hundredths) whose 3-year limit ends in the year: they need a new application (consolidation). */
  limitEnds: number;
  /** ETP (hundredths) renewable by amendment: convention ends, limit not reached. */
  toRenew: number;
}

/** Year in which the position reaches its maximum convention duration (null when undated). */
export function limitEndYear(p: Position, rules: RuleParams): number | null {
  if (!p.conventionEnd) return null;
  return yearOf(p.conventionEnd) + Math.max(0, rules.maxConventionYears - p.conventionYear);
}

export function fteEndingByYear(positions: readonly Position[], rules: RuleParams): Map<number, FteEnding> {
  const out = new Map<number, FteEnding>();
  const at = (year: number) => {
    let e = out.get(year);
    if (!e) out.set(year, (e = { conventionEnds: 0, limitEnds: 0, toRenew: 0 }));
    return e;
  };
  for (const p of positions) {
    if (!p.conventionEnd) continue;
    const endYear = yearOf(p.conventionEnd);
    const limitYear = limitEndYear(p, rules) ?? endYear;
    at(endYear).conventionEnds += p.fte;
    if (limitYear === endYear) at(endYear).limitEnds += p.fte;
    else at(endYear).toRenew += p.fte;
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** Number of conventions ending in each of `months` months from `from` (YYYY-MM keys, in order). */
export function conventionsEndingByMonth(
  positions: readonly Position[],
  from: IsoDate,
  months: number,
): Map<string, number> {
  const out = new Map<string, number>();
  let y = yearOf(from);
  let m = Number(from.slice(5, 7));
  for (let i = 0; i < months; i++) {
    out.set(`${y}-${String(m).padStart(2, '0')}`, 0);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  for (const p of positions) {
    const key = p.conventionEnd?.slice(0, 7);
    if (key !== undefined && out.has(key)) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
