// Ops: inversion for undo, field-level diff for the change log, merge onto the stored record.
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import { diffFields, invertOps, jsonEqual, mergeOnto, type Op } from '../../src/domain/ops';
import { scenarioOps } from '../../src/storage/scenario-ops';
import { position, sampleScenario } from './helpers';

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

describe('scenarioOps', () => {
  it('gives ops only storage will drop when both scenarios are the same', () => {
    const ops = scenarioOps(sampleScenario(), sampleScenario());
    expect(ops.every((op) => jsonEqual(op.before, op.after))).toBe(true);
  });
  it('deletes what is gone before placing every record at its index', () => {
    const current = sampleScenario();
    const next = { ...current, positions: [current.positions[2]!, position({ id: 'n' })] };
    const positionOps = scenarioOps(current, next).filter((op) => op.entity === 'position');
    expect(positionOps.map((op) => [op.id, op.after === null ? 'delete' : op.orderAfter])).toEqual([
      ['p10', 'delete'],
      ['p2', 'delete'],
      ['p1', 0],
      ['n', 1],
    ]);
  });
});
