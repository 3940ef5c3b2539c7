// Ops: inversion for undo, field-level diff for the change log, merge onto the current record, and the one
// applier that storage, the shown scenario and other tabs share.
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import { applyOps, diffFields, invertOps, jsonEqual, mergeOnto, type Op } from '../../src/domain/ops';
import { position, scenario } from './helpers';

const p = position({ id: 'p1' });

describe('invertOps', () => {
  it('swaps before/after and their places, in reverse order', () => {
    const ops: Op[] = [
      { entity: 'position', id: 'p1', before: null, after: p, orderBefore: null, orderAfter: 4 },
      { entity: 'scenarioName', id: 'sc', before: 'A', after: 'B' },
    ];
    expect(invertOps(ops)).toEqual([
      { entity: 'scenarioName', id: 'sc', before: 'B', after: 'A' },
      { entity: 'position', id: 'p1', before: p, after: null, orderBefore: 4, orderAfter: null },
    ]);
    expect(invertOps(invertOps(ops))).toEqual(ops);
  });
});

describe('diffFields', () => {
  const cases: Array<[string, object | null, object | null, ReturnType<typeof diffFields>]> = [
    ['nothing to nothing', null, null, []],
    ['a creation is one * row with the record', null, p, [{ field: '*', oldValue: null, newValue: p }]],
    ['a deletion is one * row with the record', p, null, [{ field: '*', oldValue: p, newValue: null }]],
    ['the same record', p, { ...p }, []],
    [
      'one row per changed field, numbers stay numbers',
      p,
      { ...p, stateAmount: 100 as Cents, notes: 'x' },
      [
        { field: 'stateAmount', oldValue: p.stateAmount, newValue: 100 },
        { field: 'notes', oldValue: '', newValue: 'x' },
      ],
    ],
    [
      'nested values compared deeply and logged whole',
      p,
      { ...p, coFundings: [{ ...p.coFundings[0]!, amount: 1 as Cents }] },
      [{ field: 'coFundings', oldValue: p.coFundings, newValue: [{ ...p.coFundings[0]!, amount: 1 }] }],
    ],
    [
      'a missing field is logged as null',
      { a: 1 },
      { a: 1, b: 2 },
      [{ field: 'b', oldValue: null, newValue: 2 }],
    ],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(diffFields(before, after)).toEqual(expected);
  });
});

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: [] }, { a: {} }, false],
    [null, {}, false],
    [0, -0, true],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(jsonEqual(a, b)).toBe(expected);
  });
});

describe('mergeOnto', () => {
  it('writes only the fields the op changed onto the stored record', () => {
    const stored = { ...p, notes: 'autre onglet' };
    expect(mergeOnto(stored, p, { ...p, fte: 50 as never })).toEqual({ ...stored, fte: 50 });
  });
  it('writes the whole record for a creation or when the record is gone, nothing for a deletion', () => {
    expect(mergeOnto(null, p, { ...p, fte: 50 as never })).toEqual({ ...p, fte: 50 });
    expect(mergeOnto(p, null, { ...p, notes: 'x' })).toEqual({ ...p, notes: 'x' });
    expect(mergeOnto(p, p, null)).toBeNull();
  });
});

describe('applyOps (in memory, by the applier storage uses)', () => {
  const base = scenario([position({ id: 'p1' }), position({ id: 'p2' })]);
  const p1 = base.positions[0]!;

  it('merges an edit onto the current record: a field changed elsewhere is kept', () => {
    const current = applyOps(base, [
      { entity: 'position', id: 'p1', before: p1, after: { ...p1, notes: 'autre onglet' } },
    ]);
    const next = applyOps(current, [
      { entity: 'position', id: 'p1', before: p1, after: { ...p1, fte: 50 as never } },
    ]);
    expect(next.positions[0]).toEqual({ ...p1, notes: 'autre onglet', fte: 50 });
  });

  it('appends a creation, removes a deletion, keeps the others in place', () => {
    const n = position({ id: 'n' });
    const next = applyOps(base, [
      { entity: 'position', id: 'n', before: null, after: n },
      { entity: 'position', id: 'p1', before: p1, after: null },
    ]);
    expect(next.positions.map((p) => p.id)).toEqual(['p2', 'n']);
  });

  it('places a region at its index and renames through a name op', () => {
    const region = base.regions[0]!;
    const next = applyOps(base, [
      { entity: 'region', id: region.regionCode, before: region, after: region, orderAfter: 3 },
      { entity: 'scenarioName', id: base.id, before: base.name, after: 'Variante' },
    ]);
    expect(next.regions.findIndex((r) => r.regionCode === region.regionCode)).toBe(3);
    expect(next.regions).toHaveLength(base.regions.length);
    expect(next.name).toBe('Variante');
  });

  it('returns the same scenario for ops that change nothing, and keeps untouched lists as the same arrays', () => {
    expect(applyOps(base, [{ entity: 'position', id: 'p1', before: p1, after: { ...p1 } }])).toBe(base);
    const next = applyOps(base, [{ entity: 'position', id: 'p1', before: p1, after: { ...p1, notes: 'x' } }]);
    expect(next.regions).toBe(base.regions);
    expect(next.structures).toBe(base.structures);
    expect(next.campaign).toBe(base.campaign);
    expect(next.positions[1]).toBe(base.positions[1]);
  });

  it('refuses an op whose record does not carry its id', () => {
    expect(() => applyOps(base, [{ entity: 'position', id: 'p2', before: null, after: p1 }])).toThrow(
      /ne correspond pas/,
    );
  });

  it('finds rows by the caller’s index without indexing the list, and a row removed and added again', () => {
    const index = new Map(base.positions.map((p, i) => [p.id, i]));
    const next = applyOps(
      base,
      [
        { entity: 'position', id: 'p1', before: p1, after: null },
        { entity: 'position', id: 'p1', before: null, after: { ...p1, notes: 'revenu' } },
        { entity: 'position', id: 'p1', before: p1, after: { ...p1, fte: 25 as never } },
      ],
      (id) => index.get(id),
    );
    expect(next.positions.map((p) => [p.id, p.notes, p.fte])).toEqual([
      ['p2', base.positions[1]!.notes, base.positions[1]!.fte],
      ['p1', 'revenu', 25],
    ]);
  });
});
