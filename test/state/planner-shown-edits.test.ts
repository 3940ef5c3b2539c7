// A user's edit is shown at once and stored in the write queue: the figures follow before IndexedDB answers,
// `pendingWrites` says when everything is stored, a refused write puts back what storage holds, and the shown
// scenario ends equal to the stored one whatever happened in between (another tab, a scenario switch).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../src/domain/demo';
import { eurosToCents as e } from '../../src/domain/money';
import type { Scenario } from '../../src/domain/types';
import { Planner } from '../../src/state/planner.svelte';
import type { PlannerDb } from '../../src/storage/db';
import { QUOTA_MESSAGE } from '../../src/storage/errors';
import { loadScenario } from '../../src/storage/scenarios';

let counter = 0;
async function started(name = `shown-${++counter}`): Promise<{ planner: Planner; name: string }> {
  const planner = new Planner();
  await planner.start(name);
  return { planner, name };
}

/** The planner's database handle (protected): to read what is stored and to inject a storage fault. */
const dbOf = (planner: Planner): PlannerDb => (planner as unknown as { db: PlannerDb }).db;

const stateAmount = (s: Scenario, id: string) => s.positions.find((p) => p.id === id)?.stateAmount;

/** The stored scenario without the fields only storage keeps up to date (updatedAt). */
async function stored(planner: Planner): Promise<Scenario> {
  const s = await loadScenario(dbOf(planner), planner.scenario.id);
  if (!s) throw new Error('scénario absent');
  return s;
}

describe('edits shown before they are stored', () => {
  it('moves the figures in the same turn, then says when the write is stored', async () => {
    const { planner } = await started();
    const committed = planner.figures.national.committed;
    const pending = planner.editPositionField('occ-2', 'stateAmount', '29 000');
    // Nothing awaited yet: the edit is shown and counted as being stored.
    expect(planner.figures.national.committed - committed).toBe(e(29_000) - e(29_400));
    expect(planner.pendingWrites).toBe(1);
    expect(stateAmount(await stored(planner), 'occ-2')).toBe(e(29_400));
    expect(await pending).toEqual({ ok: true, value: undefined });
    expect(planner.pendingWrites).toBe(0);
    expect(stateAmount(await stored(planner), 'occ-2')).toBe(e(29_000));
    expect(planner.undoLabel).toBe('Modification d’une cellule');
  });

  it('stores quick successive edits in order, each built on the one before', async () => {
    const { planner, name } = await started();
    const writes = [
      planner.editPositionField('occ-2', 'stateAmount', '29 000'),
      planner.editPositionField('occ-2', 'notes', 'revu'),
      planner.editPositionField('occ-2', 'stateAmount', '28 000'),
      planner.addPosition('76'),
    ];
    expect(planner.pendingWrites).toBe(4);
    const results = await Promise.all(writes);
    expect(planner.pendingWrites).toBe(0);
    expect(results[3]).toMatch(/^pos/);
    const again = new Planner();
    await again.start(name);
    const p = again.scenario.positions.find((x) => x.id === 'occ-2');
    expect(p).toMatchObject({ stateAmount: e(28_000), notes: 'revu' });
    expect(again.scenario.positions).toHaveLength(planner.scenario.positions.length);
    expect(again.figures.national).toEqual(planner.figures.national);
  });

  it('puts back the stored values and shows the message when storage refuses the write', async () => {
    const { planner } = await started();
    const before = planner.figures.national;
    dbOf(planner).changes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const pending = planner.editPositionField('occ-2', 'stateAmount', '29 000');
    expect(planner.figures.national.committed).not.toBe(before.committed); // shown at once…
    const r = await pending;
    expect(r).toEqual({ ok: false, message: QUOTA_MESSAGE });
    expect(planner.writeError).toBe(QUOTA_MESSAGE);
    expect(planner.figures.national).toEqual(before); // …and taken back
    expect(stateAmount(planner.scenario, 'occ-2')).toBe(e(29_400));
    expect(planner.pendingWrites).toBe(0);
    expect(planner.undoLabel).toBeNull();
  });

  it('shows another tab’s edit of another field of the same position once its own edit is stored', async () => {
    const { planner, name } = await started();
    // This tab does not hear the other one (its channel closed): as when the notice has not arrived yet.
    (planner as unknown as { sync: { close(): void } }).sync.close();
    const other = new Planner();
    await other.start(name);
    expect((await other.editPositionField('occ-2', 'notes', 'vu par la DREETS')).ok).toBe(true);
    const pending = planner.editPositionField('occ-2', 'stateAmount', '29 000');
    expect(planner.scenario.positions.find((p) => p.id === 'occ-2')?.notes).not.toBe('vu par la DREETS');
    await pending;
    const shown = planner.scenario.positions.find((p) => p.id === 'occ-2');
    expect(shown).toMatchObject({ stateAmount: e(29_000), notes: 'vu par la DREETS' });
    expect(shown).toEqual((await stored(planner)).positions.find((p) => p.id === 'occ-2'));
  });

  it('an undo queued behind a shown edit leaves the shown scenario equal to the stored one', async () => {
    const { planner } = await started();
    await planner.editPositionField('occ-2', 'stateAmount', '29 000');
    const undo = planner.undo();
    const edit = planner.editPositionField('occ-2', 'notes', 'après annulation');
    await Promise.all([undo, edit]);
    const s = await stored(planner);
    expect(stateAmount(s, 'occ-2')).toBe(e(29_400));
    expect(planner.scenario.positions).toEqual(s.positions);
  });

  it('stores an edit in its own scenario when the user switches scenario before it is stored', async () => {
    const { planner } = await started();
    const first = planner.scenario.id;
    const added = await planner.addScenario(
      emptyScenario('x', '2026-11-22T00:00:00Z'),
      'Variante',
      'grid',
      'Nouveau scénario',
    );
    expect(added.ok).toBe(true);
    const second = planner.scenario.id;
    expect(second).not.toBe(first);
    await planner.switchScenario(first);
    const switching = planner.switchScenario(second);
    const edit = planner.editPositionField('occ-2', 'stateAmount', '29 000'); // made on the first, still shown
    await Promise.all([switching, edit]);
    expect(planner.scenario.id).toBe(second);
    expect(planner.scenario.positions.find((p) => p.id === 'occ-2')).toBeUndefined();
    const firstStored = await loadScenario(dbOf(planner), first);
    expect(stateAmount(firstStored!, 'occ-2')).toBe(e(29_000));
    expect((await loadScenario(dbOf(planner), second))!.positions).toEqual([]);
  });
});
