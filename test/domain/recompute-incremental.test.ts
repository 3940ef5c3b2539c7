// The incremental recomputer gives exactly what a full recompute gives, after any sequence of edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Breach } from '../../src/domain/breach';
import { fte } from '../../src/domain/fte';
import type { Cents } from '../../src/domain/money';
import { recompute, type ScenarioFigures } from '../../src/domain/recompute';
import { createRecomputer, type RecomputePath } from '../../src/domain/recompute-incremental';
import {
  FUNDER_CATEGORIES,
  PURPOSES,
  type CoFunding,
  type Position,
  type Scenario,
  type Structure,
} from '../../src/domain/types';
import { position, scenario, structure } from './helpers';

const REGIONS = ['76', '11', '84', '01'];
/** Not a scenario region: positions may point at it (it gets its own region figures). */
const ODD_REGION = 'ZZ';
const STRUCTURES: Structure[] = [
  structure({ id: 's0', name: 'PLIE A', legalStatus: 'association' }),
  structure({ id: 's1', name: 'VILLE B', legalStatus: 'commune' }),
  structure({ id: 's2', name: 'GIP C', legalStatus: 'gip' }),
  structure({ id: 's3', name: 'DÉPARTEMENT D', legalStatus: 'departement' }),
];
/** Two ids that no structure has. */
const STRUCTURE_IDS = ['s0', 's1', 's2', 's3', 'unknown-1', 'unknown-2'];
/** Hundredths of ETP, many under the 0,5 minimum. */
const FTES = [0, 10, 20, 25, 30, 40, 49, 50, 51, 80, 100, 150];

const arbCoFundings = (cost: number, state: number) =>
  fc.oneof(
    // balanced: the gap split over categories
    fc
      .tuple(
        fc.constantFrom(...FUNDER_CATEGORIES),
        fc.constantFrom(...FUNDER_CATEGORIES),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([a, b, share]): CoFunding[] => {
        const gap = Math.max(0, cost - state);
        const first = Math.floor(gap * share);
        return [
          { funder: 'x', category: a, amount: first as Cents },
          { funder: 'y', category: b, amount: (gap - first) as Cents },
        ];
      }),
    fc.array(
      fc.record({
        funder: fc.constant('z'),
        category: fc.constantFrom(...FUNDER_CATEGORIES),
        amount: fc.integer({ min: 0, max: 2_000_000 }).map((a) => a as Cents),
      }),
      { maxLength: 3 },
    ),
  );

type Fields = Omit<Position, 'id'>;

const arbFields: fc.Arbitrary<Fields> = fc
  .record({
    regionCode: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...REGIONS) },
      { weight: 1, arbitrary: fc.constant(ODD_REGION) },
    ),
    structureId: fc.constantFrom(...STRUCTURE_IDS),
    role: fc.constantFrom<Position['role']>('facilitateur', 'facilitateur', 'coordinateur'),
    fte: fc.constantFrom(...FTES),
    cost: fc.integer({ min: 0, max: 6_000_000 }),
    rate: fc.constantFrom(0, 5_000, 7_000, 7_000, 7_300, 8_500),
    cohort: fc.integer({ min: 2021, max: 2027 }),
    conventionYear: fc.integer({ min: 1, max: 4 }),
    purpose: fc.constantFrom(...PURPOSES),
  })
  .chain((r) => {
    const state = Math.floor((r.cost * r.rate) / 10_000);
    return arbCoFundings(r.cost, state).map((coFundings) => {
      const { id: _id, ...base } = position({
        regionCode: r.regionCode,
        structureId: r.structureId,
        role: r.role,
        fte: fte(r.fte),
        annualCost: r.cost as Cents,
        stateAmount: state as Cents,
        coFundings,
        cohort: r.cohort,
        conventionYear: r.conventionYear,
        purpose: r.purpose,
      });
      return base;
    });
  });

const arbScenario = fc.array(arbFields, { maxLength: 30 }).map((list) =>
  scenario(
    list.map((f, i) => ({ id: `p${i}`, ...f })),
    STRUCTURES,
  ),
);

/** One edit of a scenario: most change a few positions; some take a path that must fall back. */
type Edit =
  | { kind: 'state' | 'cost'; at: number; value: number }
  | { kind: 'fte'; at: number; value: number }
  | { kind: 'role'; at: number }
  | { kind: 'cohort'; at: number; value: number }
  | { kind: 'region'; at: number; value: string }
  | { kind: 'structure'; at: number; value: string }
  | { kind: 'coFundings'; at: number; value: CoFunding[] }
  | { kind: 'replace'; at: number; value: Fields; newId: boolean }
  | { kind: 'several'; edits: Edit[] }
  | { kind: 'same' | 'rename' | 'copy' | 'campaign' | 'structures' | 'regions' | 'append' | 'remove' };

const at = fc.nat();
const arbSimpleEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('state' as const, 'cost' as const),
    at,
    value: fc.integer({ min: 0, max: 6_000_000 }),
  }),
  fc.record({ kind: fc.constant('fte' as const), at, value: fc.constantFrom(...FTES) }),
  fc.record({ kind: fc.constant('role' as const), at }),
  fc.record({ kind: fc.constant('cohort' as const), at, value: fc.integer({ min: 2021, max: 2027 }) }),
  fc.record({
    kind: fc.constant('region' as const),
    at,
    value: fc.constantFrom(...REGIONS, ODD_REGION, 'QQ'),
  }),
  fc.record({
    kind: fc.constant('structure' as const),
    at,
    value: fc.constantFrom(...STRUCTURE_IDS, 'unknown-3'),
  }),
  fc.record({ kind: fc.constant('coFundings' as const), at, value: arbCoFundings(3_000_000, 2_100_000) }),
  fc.record({ kind: fc.constant('replace' as const), at, value: arbFields, newId: fc.boolean() }),
);
const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: arbSimpleEdit },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('several' as const),
      edits: fc.array(arbSimpleEdit, { minLength: 2, maxLength: 6 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'same' as const,
        'rename' as const,
        'copy' as const,
        'campaign' as const,
        'structures' as const,
        'regions' as const,
        'append' as const,
        'remove' as const,
      ),
    }),
  },
);

let fresh = 0;

function editPosition(positions: Position[], e: Edit): void {
  if (positions.length === 0 || !('at' in e)) return;
  const i = e.at % positions.length;
  const p = positions[i] as Position;
  switch (e.kind) {
    case 'state':
      positions[i] = { ...p, stateAmount: e.value as Cents };
      break;
    case 'cost':
      positions[i] = { ...p, annualCost: e.value as Cents };
      break;
    case 'fte':
      positions[i] = { ...p, fte: fte(e.value) };
      break;
    case 'role':
      positions[i] = { ...p, role: p.role === 'facilitateur' ? 'coordinateur' : 'facilitateur' };
      break;
    case 'cohort':
      positions[i] = { ...p, cohort: e.value };
      break;
    case 'region':
      positions[i] = { ...p, regionCode: e.value };
      break;
    case 'structure':
      positions[i] = { ...p, structureId: e.value };
      break;
    case 'coFundings':
      positions[i] = { ...p, coFundings: e.value };
      break;
    case 'replace':
      positions[i] = { id: e.newId ? `new-${fresh++}` : p.id, ...e.value };
      break;
  }
}

function applyEdit(s: Scenario, e: Edit): Scenario {
  switch (e.kind) {
    case 'same':
      return s;
    case 'rename':
      return { ...s, name: `${s.name}′` };
    case 'copy':
      return { ...s, positions: s.positions.slice() };
    case 'campaign':
      return {
        ...s,
        campaign: { ...s.campaign, rules: { ...s.campaign.rules, minFtePerStructureRole: fte(40) } },
      };
    case 'structures':
      return {
        ...s,
        structures: s.structures.map((x, k) => (k === 0 ? { ...x, name: `${x.name} BIS` } : x)),
      };
    case 'regions':
      return {
        ...s,
        regions: s.regions.map((r, k) => (k === 0 ? { ...r, envelope: (r.envelope + 100) as Cents } : r)),
      };
    case 'append':
      return {
        ...s,
        positions: [...s.positions, position({ id: `new-${fresh++}`, regionCode: '11', fte: fte(20) })],
      };
    case 'remove':
      return { ...s, positions: s.positions.slice(1) };
    case 'several': {
      const positions = s.positions.slice();
      for (const x of e.edits) editPosition(positions, x);
      return { ...s, positions };
    }
    default: {
      const positions = s.positions.slice();
      editPosition(positions, e);
      return { ...s, positions };
    }
  }
}

const plainBreach = (b: Breach) => ({
  ruleId: b.ruleId,
  positionId: b.positionId,
  regionCode: b.regionCode,
  relatedPositionIds: [...b.relatedPositionIds],
  field: b.field,
  figures: { ...b.figures },
  message: b.message,
});
const sortKey = (b: Breach) => `${b.ruleId}\u0000${b.positionId}\u0000${b.message}`;

/** Plain data of figures (structure counts read only when asked: reading them changes the recomputer's path). */
function snapshot(f: ScenarioFigures, s: Scenario, readCounts: boolean) {
  return {
    national: { ...f.national },
    regions: f.regions.map((r) => {
      const { structureCount: _count, ...rest } = Object.getOwnPropertyDescriptors(r);
      const values = Object.fromEntries(Object.entries(rest).map(([k, d]) => [k, d.value]));
      return readCounts ? { ...values, structureCount: r.structureCount } : values;
    }),
    regionCodes: [...f.regionByCode.keys()],
    size: f.positions.size,
    positions: s.positions.map((p) => [p.id, f.positions.get(p.id), f.positions.indexOf(p.id)]),
    breaches: f.breaches.map(plainBreach),
    byPosition: [...f.breachesByPosition.entries()]
      .map(([id, list]) => [id, list.map(plainBreach)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  };
}

function expectSameFigures(
  got: ScenarioFigures,
  want: ScenarioFigures,
  s: Scenario,
  readCounts: boolean,
): void {
  const a = snapshot(got, s, readCounts);
  const b = snapshot(want, s, readCounts);
  expect(a.national).toEqual(b.national);
  expect(a.regions).toEqual(b.regions);
  expect(a.regionCodes).toEqual(b.regionCodes);
  expect(a.size).toBe(b.size);
  expect(a.positions).toEqual(b.positions);
  // The set of breaches (what the brief asks)…
  expect([...got.breaches].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1)).map(plainBreach)).toEqual(
    [...want.breaches].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1)).map(plainBreach),
  );
  // …and, as documented, even the same order.
  expect(a.breaches).toEqual(b.breaches);
  expect(a.byPosition).toEqual(b.byPosition);
  expect(got.national.breachCount).toBe(got.breaches.length);
}

describe('createRecomputer', () => {
  it('equals the full recompute after any sequence of edits, and never changes a returned snapshot', () => {
    const paths: Record<string, number> = {};
    fc.assert(
      fc.property(arbScenario, fc.array(fc.tuple(arbEdit, fc.boolean()), { maxLength: 12 }), (s0, edits) => {
        const recomputer = createRecomputer();
        let s = s0;
        let figures = recomputer(s);
        expectSameFigures(figures, recompute(s), s, false);
        for (const [edit, readCounts] of edits) {
          const previous = { figures, s, snap: snapshot(figures, s, false) };
          s = applyEdit(s, edit);
          figures = recomputer(s);
          paths[recomputer.lastPath as RecomputePath] =
            (paths[recomputer.lastPath as RecomputePath] ?? 0) + 1;
          expectSameFigures(figures, recompute(s), s, readCounts);
          expect(snapshot(previous.figures, previous.s, false)).toEqual(previous.snap);
        }
      }),
      { numRuns: 250 },
    );
    // The property must mostly exercise the incremental path, not the fallback.
    expect(paths.incremental ?? 0).toBeGreaterThan((paths.full ?? 0) * 2);
  }, 60_000);

  it('keeps the lazy structure counts of older snapshots right', () => {
    const positions = [
      position({ id: 'a', structureId: 's0', regionCode: '76' }),
      position({ id: 'b', structureId: 's1', regionCode: '76' }),
      position({ id: 'c', structureId: 's1', regionCode: '11' }),
    ];
    const s0 = scenario(positions, STRUCTURES);
    const recomputer = createRecomputer();
    const f0 = recomputer(s0);
    const s1 = { ...s0, positions: [positions[0]!, { ...positions[1]!, structureId: 's0' }, positions[2]!] };
    const f1 = recomputer(s1);
    expect(recomputer.lastPath).toBe('incremental');
    expect(f1.regionByCode.get('76')!.structureCount).toBe(1);
    expect(f0.regionByCode.get('76')!.structureCount).toBe(2); // read after the edit: still the old scenario's
    // Counts now kept up to date by the recomputer (the index was built by the read above).
    const s2 = {
      ...s1,
      positions: [positions[0]!, s1.positions[1]!, { ...positions[2]!, regionCode: '76' }],
    };
    const f2 = recomputer(s2);
    expect(recomputer.lastPath).toBe('incremental');
    expect(f2.regionByCode.get('76')!.structureCount).toBe(2);
    expect(f2.regionByCode.get('11')!.structureCount).toBe(0);
    expect(f1.regionByCode.get('11')!.structureCount).toBe(1);
    expectSameFigures(f2, recompute(s2), s2, true);
  });

  it('re-decides rule 4 on rows that were not edited', () => {
    // s0 facilitateurs: 0,30 + 0,60 → passes; the 0,60 drops to 0,10 → the group (first row: a) fails.
    const a = position({
      id: 'a',
      structureId: 's0',
      fte: fte(30),
      annualCost: 1_000_000 as Cents,
      stateAmount: 700_000 as Cents,
      coFundings: [{ funder: 'x', category: 'private', amount: 300_000 as Cents }],
    });
    const b = { ...a, id: 'b', fte: fte(60) };
    const c = { ...a, id: 'c', structureId: 's1', fte: fte(100) };
    const s0 = scenario([a, b, c], STRUCTURES);
    const recomputer = createRecomputer();
    expect(recomputer(s0).breaches).toEqual([]);
    const s1 = { ...s0, positions: [a, { ...b, fte: fte(10) }, c] };
    const f1 = recomputer(s1);
    expect(recomputer.lastPath).toBe('incremental');
    expect(f1.breaches.map((x) => [x.ruleId, x.positionId, x.relatedPositionIds])).toEqual([
      ['minFte', 'a', ['b']],
    ]);
    expectSameFigures(f1, recompute(s1), s1, true);
    // c (1,00 ETP, s1) gets 0,20: its group had no small position until now.
    const s2 = { ...s1, positions: [s1.positions[0]!, s1.positions[1]!, { ...c, fte: fte(20) }] };
    const f2 = recomputer(s2);
    expect(recomputer.lastPath).toBe('incremental');
    expect(f2.breaches.map((x) => x.positionId)).toEqual(['a', 'c']);
    expectSameFigures(f2, recompute(s2), s2, true);
  });

  it('re-decides rule 5 when the existing coordinator changes', () => {
    const old = position({ id: 'old', role: 'coordinateur', cohort: 2022, structureId: 's0' });
    const young = position({ id: 'young', role: 'coordinateur', cohort: 2026, structureId: 's1' });
    const s0 = scenario([old, young], STRUCTURES);
    const recomputer = createRecomputer();
    expect(recomputer(s0).breaches.map((b) => b.ruleId)).toEqual(['newCoordinator']);
    const s1 = { ...s0, positions: [{ ...old, role: 'facilitateur' as const }, young] };
    expect(recomputer(s1).breaches).toEqual([]);
    expect(recomputer.lastPath).toBe('incremental');
    const s2 = { ...s1, positions: [{ ...old, structureId: 's2' }, young] };
    const f2 = recomputer(s2);
    expect(recomputer.lastPath).toBe('incremental');
    expect(f2.breaches[0]!.message).toContain('GIP C (cohorte 2022)');
    expectSameFigures(f2, recompute(s2), s2, true);
  });

  describe('answers without the incremental path when it must', () => {
    const base = scenario(
      Array.from({ length: 40 }, (_, i) =>
        position({ id: `p${i}`, regionCode: REGIONS[i % 4]!, structureId: `s${i % 3}` }),
      ),
      STRUCTURES,
    );
    const editAt = (
      s: Scenario,
      indices: number[],
      change: Partial<Position> = { stateAmount: 2_900_000 as Cents },
    ) => {
      const positions = s.positions.slice();
      for (const i of indices) positions[i] = { ...positions[i]!, ...change };
      return { ...s, positions };
    };
    const cases: Array<[string, (s: Scenario) => Scenario, RecomputePath]> = [
      ['the same scenario', (s) => s, 'unchanged'],
      ['another name only', (s) => ({ ...s, name: 'Autre' }), 'unchanged'],
      ['a copy of the positions array', (s) => ({ ...s, positions: s.positions.slice() }), 'unchanged'],
      ['one position edited', (s) => editAt(s, [3]), 'incremental'],
      [
        '16 positions edited',
        (s) =>
          editAt(
            s,
            Array.from({ length: 16 }, (_, i) => i),
          ),
        'incremental',
      ],
      [
        '17 positions edited',
        (s) =>
          editAt(
            s,
            Array.from({ length: 17 }, (_, i) => i),
          ),
        'full',
      ],
      ['a position added', (s) => ({ ...s, positions: [...s.positions, position({ id: 'added' })] }), 'full'],
      ['a position removed', (s) => ({ ...s, positions: s.positions.slice(0, -1) }), 'full'],
      ['another campaign object', (s) => ({ ...s, campaign: { ...s.campaign } }), 'full'],
      ['another structures array', (s) => ({ ...s, structures: [...s.structures] }), 'full'],
      ['another regions array', (s) => ({ ...s, regions: [...s.regions] }), 'full'],
      ['a region code never seen', (s) => editAt(s, [5], { regionCode: '99' }), 'full'],
      ['a region code of no scenario region', (s) => editAt(s, [5], { regionCode: '' }), 'full'],
      ['a known region code', (s) => editAt(s, [5], { regionCode: '84' }), 'incremental'],
      ['an amount that is not an integer', (s) => editAt(s, [5], { stateAmount: 0.5 as Cents }), 'full'],
      ['an ETP that is not an integer', (s) => editAt(s, [5], { fte: 0.5 as never }), 'full'],
    ];
    it.each(cases)('%s → %s', (_name, edit, path) => {
      const recomputer = createRecomputer();
      recomputer(base);
      expect(recomputer.lastPath).toBe('full');
      const next = edit(base);
      const figures = recomputer(next);
      expect(recomputer.lastPath).toBe(path);
      expectSameFigures(figures, recompute(next), next, true);
    });

    it('after a non-integer amount, stays on the full recompute until it is gone', () => {
      const recomputer = createRecomputer();
      const s1 = editAt(base, [5], { stateAmount: 0.5 as Cents });
      recomputer(s1);
      const s2 = editAt(s1, [6]);
      recomputer(s2);
      expect(recomputer.lastPath).toBe('full');
      const s3 = editAt(s2, [5], { stateAmount: 2_800_000 as Cents });
      recomputer(s3);
      expect(recomputer.lastPath).toBe('full');
      const s4 = editAt(s3, [7]);
      expectSameFigures(recomputer(s4), recompute(s4), s4, true);
      expect(recomputer.lastPath).toBe('incremental');
    });
  });
});
