// Ops that turn one complete scenario into another (whole-scenario replacement).
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/domain/ops';
import { scenarioOps } from '../../src/storage/scenario-ops';
import { position, sampleScenario } from './helpers';

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
