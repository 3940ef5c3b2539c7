// The shown scenario follows storage by applying ops in revision order: shown = stored + pending edits, always.
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import type { Op } from '../../src/domain/ops';
import type { Position, Scenario } from '../../src/domain/types';
import { ShownScenario } from '../../src/state/shown-scenario.svelte';
import { position, scenario } from '../domain/helpers';

const base: Scenario = scenario([position({ id: 'p1' }), position({ id: 'p2' })]);
const find = (s: Scenario, id: string) => s.positions.find((p) => p.id === id) as Position;

/** An edit of some fields of a position, built on the record `from`. */
function edit(from: Position, fields: Partial<Position>): Op {
  return { entity: 'position', id: from.id, before: from, after: { ...from, ...fields } };
}

const stored = (ops: Op[], revisionBefore: number, scenarioId = base.id) => ({
  scenarioId,
  ops,
  revisionBefore,
  revision: revisionBefore + 1,
});

describe('ShownScenario', () => {
  it('shows an edit at once and keeps the same object once storage applied it with nothing in between', () => {
    const shown = new ShownScenario(base, 7);
    const op = edit(find(base, 'p1'), { notes: 'vu' });
    const pending = shown.propose([op]);
    const onScreen = shown.scenario;
    expect(find(onScreen, 'p1').notes).toBe('vu');
    expect(shown.hasPending).toBe(true);
    expect(shown.settle(pending, stored([op], 7))).toBe(true);
    expect(shown.scenario).toBe(onScreen); // not redrawn
    expect(shown.revision).toBe(8);
    expect(shown.hasPending).toBe(false);
  });

  it('takes a refused edit off the screen and keeps the edits made after it', () => {
    const shown = new ShownScenario(base, 0);
    const first = shown.propose([edit(find(base, 'p1'), { notes: 'refusé' })]);
    shown.propose([edit(find(shown.scenario, 'p2'), { notes: 'gardé' })]);
    shown.refuse(first);
    expect(find(shown.scenario, 'p1').notes).toBe(find(base, 'p1').notes);
    expect(find(shown.scenario, 'p2').notes).toBe('gardé');
  });

  it('applies another tab’s ops under a pending edit: both fields kept, the edit still shown', () => {
    const shown = new ShownScenario(base, 3);
    const mine = edit(find(base, 'p1'), { stateAmount: 100 as Cents });
    shown.propose([mine]);
    expect(shown.receive(stored([edit(find(base, 'p1'), { notes: 'autre onglet' })], 3))).toBe('applied');
    expect(find(shown.scenario, 'p1')).toMatchObject({ stateAmount: 100, notes: 'autre onglet' });
    expect(shown.revision).toBe(4);
  });

  it('after quick edits, one stored and one pending, applies another tab’s ops onto all that storage holds', () => {
    const shown = new ShownScenario(base, 0);
    const first = edit(find(base, 'p1'), { notes: 'un' });
    const pendingFirst = shown.propose([first]);
    const second = edit(find(shown.scenario, 'p1'), { stateAmount: 200 as Cents });
    shown.propose([second]);
    expect(shown.settle(pendingFirst, stored([first], 0))).toBe(true);
    expect(shown.receive(stored([edit(find(base, 'p2'), { notes: 'autre onglet' })], 1))).toBe('applied');
    expect(find(shown.scenario, 'p1')).toMatchObject({ notes: 'un', stateAmount: 200 });
    expect(find(shown.scenario, 'p2').notes).toBe('autre onglet');
    expect(shown.revision).toBe(2);
  });

  it('keeps ops heard ahead until the missing revision comes, then applies them in storage’s order', () => {
    const shown = new ShownScenario(base, 10);
    const p1 = find(base, 'p1');
    const second = { ...p1, notes: 'deuxième' };
    // Storage wrote 10 → 11 (« premier ») then 11 → 12 (« deuxième »); the second notice arrives first.
    expect(shown.receive(stored([edit(p1, { notes: 'deuxième' })], 11))).toBe('waiting');
    expect(shown.waiting).toBe(true);
    expect(find(shown.scenario, 'p1').notes).toBe(p1.notes);
    expect(shown.receive(stored([edit(p1, { notes: 'premier' })], 10))).toBe('applied');
    expect(find(shown.scenario, 'p1')).toEqual(second);
    expect(shown.revision).toBe(12);
    expect(shown.waiting).toBe(false);
    // Heard twice: already applied.
    expect(shown.receive(stored([edit(p1, { notes: 'premier' })], 10))).toBe('known');
  });

  it('says when a revision is missing: the caller reads the scenario again', () => {
    const shown = new ShownScenario(base, 5);
    const op = edit(find(base, 'p1'), { notes: 'x' });
    const pending = shown.propose([op]);
    // This tab's write went in after another tab's write it never heard of (5 → 6).
    expect(shown.settle(pending, stored([op], 6))).toBe(false);
    const reread: Scenario = {
      ...base,
      positions: [{ ...find(base, 'p1'), notes: 'x', fte: 50 as Position['fte'] }, find(base, 'p2')],
    };
    shown.reset(reread, 7);
    expect(shown.scenario).toBe(reread);
    expect(shown.revision).toBe(7);
    // An op older than what is held, on a revision already passed, cannot be placed.
    expect(shown.receive({ ...stored([op], 4), revision: 8 })).toBe('gap');
  });

  it('ignores ops of another scenario, and an edit stored in a scenario no longer shown', () => {
    const shown = new ShownScenario(base, 0);
    const op = edit(find(base, 'p1'), { notes: 'ailleurs' });
    expect(shown.receive(stored([op], 0, 'autre'))).toBe('known');
    const pending = shown.propose([op]);
    const other = { ...base, id: 'autre', positions: [] };
    shown.reset(other, 40);
    expect(shown.scenario).toBe(other);
    expect(shown.settle(pending, stored([op], 0, base.id))).toBe(true);
    expect(shown.scenario).toBe(other);
    expect(shown.revision).toBe(40);
  });
});
