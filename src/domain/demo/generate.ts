// Deterministic generation of plausible positions across the 18 regions, for the demo and the benchmarks.
import { DEPARTMENTS } from '../reference/departments';
import { fte } from '../fte';
import type { Cents } from '../money';
import type { CoFunding, LegalStatus, Position, RegionBudget, Scenario, Structure } from '../types';
import { campaign2026, exampleRegionBudgets } from './campaign-2026';

/** Small seeded PRNG (mulberry32): same seed, same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS: ReadonlyArray<readonly [string, LegalStatus]> = [
  ['PLIE', 'association'],
  ['Maison de l’emploi', 'association'],
  ['Conseil départemental', 'departement'],
  ['Communauté d’agglomération', 'epci'],
  ['GIP Insertion', 'gip'],
  ['Ville', 'commune'],
];
const FSE_FUNDER = { funder: 'FSE+', category: 'esfPlus' } as const;
const LOCAL_FUNDER = { funder: 'Conseil départemental', category: 'localAuthority' } as const;

interface GenContext {
  rand: () => number;
  structures: Map<string, Structure>;
  positions: Position[];
}

/** One position in a region; about 3 % carry a deliberate breach so the demo shows the checks. */
function addPosition(ctx: GenContext, regionCode: string, n: number, role: Position['role']): void {
  const deps = DEPARTMENTS.filter((d) => d.regionCode === regionCode);
  const dep = deps[Math.floor(ctx.rand() * deps.length)] ?? deps[0];
  if (!dep) return;
  const [hostKind, legalStatus] = HOSTS[Math.floor(ctx.rand() * HOSTS.length)] ?? HOSTS[0]!;
  const name = `${hostKind} ${dep.name}`.toUpperCase();
  const sid = `st-${regionCode}-${dep.code}-${hostKind.length}-${Math.floor(n / 7)}`;
  if (!ctx.structures.has(sid)) {
    ctx.structures.set(sid, { id: sid, name, siret: '', legalStatus, departmentCode: dep.code });
  }
  const h =
    role === 'coordinateur'
      ? 50 + Math.floor(ctx.rand() * 6) * 10
      : [50, 80, 100, 100, 100, 150][Math.floor(ctx.rand() * 6)]!;
  const cost = Math.round(((38_000 + ctx.rand() * 14_000) * h) / 100) * 100;
  const breach = ctx.rand() < 0.03;
  const state = Math.floor((cost * (breach ? 7_300 : 7_000)) / 10_000);
  const fse = Math.floor((cost - state) * (ctx.rand() < 0.4 ? 0.5 : 0));
  const coFundings: CoFunding[] = [
    { ...FSE_FUNDER, amount: fse as Cents },
    { ...LOCAL_FUNDER, amount: (cost - state - fse) as Cents },
  ].filter((c) => c.amount > 0);
  const cohort = role === 'coordinateur' ? 2022 : [2022, 2023, 2024, 2025, 2026][Math.floor(ctx.rand() * 5)]!;
  const year = Math.min(3, 2026 - cohort + 1);
  ctx.positions.push({
    id: `gen-${regionCode}-${n}`,
    regionCode,
    departmentCode: dep.code,
    structureId: sid,
    role,
    fte: fte(h),
    annualCost: cost as Cents,
    stateAmount: state as Cents,
    coFundings,
    cohort,
    conventionStart: '2026-11-01',
    conventionEnd: '2027-10-31',
    conventionYear: cohort <= 2024 ? 1 : year,
    paymentSchedule: 'atSignature',
    followUpService: role === 'coordinateur' ? 'DREETS' : `DDETS ${dep.code}`,
    purpose: cohort <= 2023 ? 'consolidation' : ctx.rand() < 0.1 ? 'largeProject' : 'ongoing',
    whiteZone: ctx.rand() < 0.05,
    notes: '',
  });
}

/** Positions filling about `share` of each region's envelope (demo), skipping the listed regions. */
export function generateForEnvelopes(
  regions: readonly RegionBudget[],
  share: number,
  skip: readonly string[],
  seed = 2026,
) {
  const ctx: GenContext = { rand: seededRandom(seed), structures: new Map(), positions: [] };
  for (const r of regions) {
    if (skip.includes(r.regionCode)) continue;
    const count = Math.max(1, Math.round((r.envelope * share) / 3_300_000));
    addPosition(ctx, r.regionCode, 0, 'coordinateur');
    for (let n = 1; n < count; n++) addPosition(ctx, r.regionCode, n, 'facilitateur');
  }
  return { structures: [...ctx.structures.values()], positions: ctx.positions };
}

/** A 2026 scenario with `count` positions spread over the 18 regions (benchmarks, load tests). */
export function generateScenario(count: number, seed = 1): Scenario {
  const regions = exampleRegionBudgets();
  const ctx: GenContext = { rand: seededRandom(seed), structures: new Map(), positions: [] };
  for (let n = 0; n < count; n++) {
    const region = regions[n % regions.length]!;
    addPosition(
      ctx,
      region.regionCode,
      Math.floor(n / regions.length),
      n < regions.length ? 'coordinateur' : 'facilitateur',
    );
  }
  const now = '2026-11-22T00:00:00.000Z';
  return {
    id: `generated-${count}`,
    name: `Généré (${count} postes)`,
    campaign: campaign2026(),
    regions,
    structures: [...ctx.structures.values()],
    positions: ctx.positions,
    createdAt: now,
    updatedAt: now,
  };
}
