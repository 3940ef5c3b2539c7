// The planner state over a real (fake) IndexedDB: first start seeds the demo, edits are stored before shown,
// undo/redo, paste as one step, envelopes, clear demo, and a second planner (a reload) sees everything.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Planner } from '../../src/state/planner.svelte';
import { eurosToCents as e } from '../../src/domain/money';

let counter = 0;
async function started(name = `planner-${++counter}`): Promise<{ planner: Planner; name: string }> {
  const planner = new Planner();
  await planner.start(name);
  return { planner, name };
}

describe('Planner', () => {
  it('seeds the demo campaign on first start and finds it again on reload', async () => {
    const { planner, name } = await started();
    expect(planner.status).toBe('ready');
    expect(planner.isDemo).toBe(true);
    expect(planner.figures.national.envelope).toBe(e(4_700_000));
    const again = new Planner();
    await again.start(name);
    expect(again.scenario.positions.length).toBe(planner.scenario.positions.length);
    expect(again.isDemo).toBe(true);
  });

  it('an edit of Part État moves committed, remaining and the region by exactly that amount', async () => {
    const { planner, name } = await started();
    const before = planner.figures;
    const r = await planner.editPositionField('occ-2', 'stateAmount', '29 000,00');
    expect(r.ok).toBe(true);
    const after = planner.figures;
    const delta = e(29_000) - e(29_400);
    expect(after.national.committed - before.national.committed).toBe(delta);
    expect(after.national.remaining - before.national.remaining).toBe(-delta);
    expect(after.regionByCode.get('76')!.available - before.regionByCode.get('76')!.available).toBe(-delta);
    const reloaded = new Planner();
    await reloaded.start(name);
    expect(reloaded.scenario.positions.find((p) => p.id === 'occ-2')!.stateAmount).toBe(e(29_000));
    const log = await reloaded.recentChanges(10);
    expect(log[0]).toMatchObject({
      entityId: 'occ-2',
      field: 'stateAmount',
      oldValue: e(29_400),
      newValue: e(29_000),
      source: 'grid',
    });
  });

  it('refuses an unreadable value, keeps the old one and writes nothing', async () => {
    const { planner } = await started();
    const r = await planner.editPositionField('occ-2', 'stateAmount', '12,5 k€');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('montant illisible « 12,5 k€ »') });
    expect(planner.scenario.positions.find((p) => p.id === 'occ-2')!.stateAmount).toBe(e(29_400));
    expect((await planner.recentChanges(10)).filter((c) => c.source !== 'demo')).toEqual([]);
  });

  it('a breach appears past 70 % and goes when lowered', async () => {
    const { planner } = await started();
    await planner.editPositionField('occ-2', 'stateAmount', '30 000');
    expect(planner.figures.breachesByPosition.get('occ-2')?.map((b) => b.ruleId)).toContain('stateShare');
    await planner.editPositionField('occ-2', 'stateAmount', '29 400');
    expect(planner.figures.breachesByPosition.get('occ-2')).toBeUndefined();
  });

  it('pastes a block as one undoable step, listing unreadable cells', async () => {
    const { planner } = await started();
    const out = await planner.pasteCells([
      { positionId: 'occ-2', field: 'annualCost', text: '43 000' },
      { positionId: 'occ-2', field: 'stateAmount', text: '30 100' },
      { positionId: 'occ-3', field: 'annualCost', text: 'beaucoup' },
    ]);
    expect(out.applied).toBe(2);
    expect(out.problems).toEqual([
      expect.objectContaining({ positionId: 'occ-3', message: expect.stringContaining('illisible') }),
    ]);
    expect(planner.undoLabel).toBe('Collage de 2 cellules');
    await planner.undo();
    const p = planner.scenario.positions.find((x) => x.id === 'occ-2')!;
    expect([p.annualCost, p.stateAmount]).toEqual([e(42_000), e(29_400)]);
    await planner.redo();
    expect(planner.scenario.positions.find((x) => x.id === 'occ-2')!.stateAmount).toBe(e(30_100));
  });

  it('adds, duplicates and deletes positions; delete is undoable and the history survives a reload', async () => {
    const { planner, name } = await started();
    const count = planner.scenario.positions.length;
    const id = await planner.addPosition('53');
    expect(planner.scenario.positions).toHaveLength(count + 1);
    const copy = await planner.duplicatePosition('occ-1');
    expect(planner.scenario.positions.find((p) => p.id === copy)).toMatchObject({
      structureId: 'st-conseil-departemental-de-l-aude',
    });
    await planner.deletePositions([id, copy]);
    expect(planner.scenario.positions).toHaveLength(count);
    const reloaded = new Planner();
    await reloaded.start(name);
    expect(reloaded.undoLabel).toBe('Suppression de 2 postes');
    await reloaded.undo();
    expect(reloaded.scenario.positions).toHaveLength(count + 2);
  });

  it('edits regional and national envelopes', async () => {
    const { planner } = await started();
    expect((await planner.setRegionEnvelope('76', '400 000')).ok).toBe(true);
    expect(planner.figures.regionByCode.get('76')!.available).toBe(e(400_000 - 222_426));
    expect(planner.figures.national.allotted).toBe(e(4_420_000));
    expect((await planner.setNationalEnvelope('5 000 000 €')).ok).toBe(true);
    expect(planner.figures.national.reserve).toBe(e(580_000));
    expect((await planner.setNationalEnvelope('-3')).ok).toBe(false);
  });

  it('clears the demo to an empty 2026 campaign with the 18 regions', async () => {
    const { planner, name } = await started();
    await planner.clearDemo();
    expect(planner.isDemo).toBe(false);
    expect(planner.scenario.positions).toEqual([]);
    expect(planner.scenario.regions).toHaveLength(18);
    expect(planner.figures.national.envelope).toBe(e(4_700_000));
    const reloaded = new Planner();
    await reloaded.start(name);
    expect(reloaded.isDemo).toBe(false);
    expect(reloaded.scenario.positions).toEqual([]);
  });
});
