// Allocation keys (clés de répartition): the weight of each region for the allocation helper, from the
// scenario's own figures (current ETP, ETP to renew) or from the user (custom indicator, equal shares).
import { fteEndingByYear } from './planning';
import type { Position, Role, RuleParams } from './types';

export type AllocationKey = 'fteToRenew' | 'currentFte' | 'custom' | 'equal';
export const ALLOCATION_KEYS: readonly AllocationKey[] = ['fteToRenew', 'currentFte', 'custom', 'equal'];

/**
 * Current ETP per region (facilitateurs + coordinateurs), in hundredths, in the order of `regionCodes`;
 * 0 for a region without figures.
 */
export function currentFteWeights(
  regionCodes: readonly string[],
  regionByCode: ReadonlyMap<string, { fteByRole: Readonly<Record<Role, number>> }>,
): number[] {
  return regionCodes.map((code) => {
    const byRole = regionByCode.get(code)?.fteByRole;
    return byRole ? byRole.facilitateur + byRole.coordinateur : 0;
  });
}

/**
 * ETP to renew per region, in hundredths, in the order of `regionCodes`: the ETP whose current convention
 * ends in `year` — renewable by amendment (`toRenew`) AND at the end of their 3 years (`limitEnds`, which
 * need a new application to be consolidated). Both need credits in `year` if the network is to keep them.
 */
export function fteToRenewWeights(
  regionCodes: readonly string[],
  positions: readonly Position[],
  rules: RuleParams,
  year: number,
): number[] {
  const byRegion = new Map<string, Position[]>(regionCodes.map((code) => [code, []]));
  for (const p of positions) byRegion.get(p.regionCode)?.push(p);
  return regionCodes.map((code) => {
    const ending = fteEndingByYear(byRegion.get(code) ?? [], rules).get(year);
    return ending ? ending.toRenew + ending.limitEnds : 0;
  });
}

/** Weight 1 for every region. */
export function equalWeights(regionCodes: readonly string[]): number[] {
  return regionCodes.map(() => 1);
}
