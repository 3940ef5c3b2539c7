// Two tabs of one browser (two planners on one database, BroadcastChannel as in the browser): a small change
// carries its ops and the other tab applies them; a large or malformed notice makes it read everything again.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { eurosToCents as e } from '../../src/domain/money';
import type { Op } from '../../src/domain/ops';
import { Planner } from '../../src/state/planner.svelte';
import type { Scenario } from '../../src/domain/types';
import type { PlannerDb } from '../../src/storage/db';
import { loadScenario } from '../../src/storage/scenarios';
import { MAX_NOTICE_RECORDS, TabSync, type ChangeNotice } from '../../src/state/tab-sync';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

let counter = 0;
async function twoTabs(): Promise<[Planner, Planner]> {
  const name = `tab-sync-${++counter}`;
  const a = new Planner();
  await a.start(name);
  const b = new Planner();
  await b.start(name);
  for (const p of [a, b]) closers.push(() => (p as unknown as { sync: TabSync | null }).sync?.close());
  return [a, b];
}

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('délai dépassé');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('TabSync', () => {
  function pair(): [TabSync, ChangeNotice[]] {
    const received: ChangeNotice[] = [];
    const sender = new TabSync(() => undefined);
    const receiver = new TabSync((n) => received.push(n));
    closers.push(
      () => sender.close(),
      () => receiver.close(),
    );
    return [sender, received];
  }

  const op = (id: string): Op => ({ entity: 'position', id, before: null, after: null });

  it('carries the ops of a small change with its revisions, none of a large one', async () => {
    const [sender, received] = pair();
    sender.notify('sc', { ops: [op('p1')], revisionBefore: 4, revision: 5 });
    const many = Array.from({ length: MAX_NOTICE_RECORDS + 1 }, (_, i) => op(`p${i}`));
    sender.notify('sc', { ops: many, revisionBefore: 5, revision: 6 });
    sender.notify('sc');
    await until(() => received.length === 3);
    expect(received.map((n) => n.change)).toEqual([
      { ops: [op('p1')], revisionBefore: 4, revision: 5 },
      undefined,
      undefined,
    ]);
    expect(received.every((n) => n.scenarioId === 'sc' && n.tabId === sender.tabId)).toBe(true);
  });

  it('reads a malformed change as "read everything again" and ignores other fields', async () => {
    const received: ChangeNotice[] = [];
    const receiver = new TabSync((n) => received.push(n));
    const raw = new BroadcastChannel('etp-planner-changes');
    closers.push(
      () => receiver.close(),
      () => raw.close(),
    );
    raw.postMessage({
      scenarioId: 'sc',
      tabId: 'x',
      change: {
        ops: [{ entity: 'position', id: 1, before: null, after: null }],
        revisionBefore: 1,
        revision: 2,
      },
      extra: 1,
    });
    raw.postMessage({ scenarioId: 'sc', tabId: 'x', change: { ops: [op('p1')], revisionBefore: 2 } });
    raw.postMessage({
      scenarioId: 'sc',
      tabId: 'x',
      change: { ops: [{ entity: '__proto__', id: 'p' }], revisionBefore: 2, revision: 3 },
    });
    raw.postMessage({ scenarioId: 42, tabId: 'x' });
    await until(() => received.length === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([
      { scenarioId: 'sc', tabId: 'x' },
      { scenarioId: 'sc', tabId: 'x' },
      { scenarioId: 'sc', tabId: 'x' },
    ]);
  });
});

describe('two planners on one database', () => {
  it('shows the other tab’s edit, add and delete by applying its ops, nothing read again', async () => {
    const [a, b] = await twoTabs();
    const untouched = b.scenario.positions.find((p) => p.id === 'occ-3');
    expect(untouched).toBeDefined();

    await a.editPositionField('occ-2', 'stateAmount', '29 000');
    await until(() => b.scenario.positions.find((p) => p.id === 'occ-2')?.stateAmount === e(29_000));
    expect(b.figures.national).toEqual(a.figures.national);
    // Not reloaded: the records the change did not touch are the very same objects.
    expect(b.scenario.positions.find((p) => p.id === 'occ-3')).toBe(untouched);

    const added = await a.addPosition('76');
    await until(() => b.scenario.positions.some((p) => p.id === added));
    await a.deletePositions(['occ-2']);
    await until(() => !b.scenario.positions.some((p) => p.id === 'occ-2'));
    expect(b.scenario.positions.map((p) => p.id).sort()).toEqual(
      a.scenario.positions.map((p) => p.id).sort(),
    );
    expect(b.figures.national).toEqual(a.figures.national);
    expect(b.scenario.positions.find((p) => p.id === 'occ-3')).toBe(untouched);
  });

  it('shows the other tab’s envelope, rename and undo', async () => {
    const [a, b] = await twoTabs();
    await a.setNationalEnvelope('5 000 000');
    await until(() => b.figures.national.envelope === e(5_000_000));
    await a.renameScenario('Variante B');
    await until(() => b.scenario.name === 'Variante B');
    await a.undo();
    await until(() => b.scenario.name !== 'Variante B');
    expect(b.scenario.name).toBe(a.scenario.name);
    await a.undo();
    await until(() => b.figures.national.envelope === a.figures.national.envelope);
    expect(b.figures.national.envelope).not.toBe(e(5_000_000));
  });
});

describe('two planners writing at the same time', () => {
  it('end showing exactly what is stored, whatever the order their writes and notices crossed in', async () => {
    const [a, b] = await twoTabs();
    const db = (p: Planner) => (p as unknown as { db: PlannerDb }).db;
    const ids = ['occ-1', 'occ-2', 'occ-3'];
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const id = ids[i % ids.length]!;
      writes.push(a.editPositionField(id, 'notes', `a${i}`));
      writes.push(b.editPositionField(ids[(i + 1) % ids.length]!, 'stateAmount', String(20_000 + i)));
      if (i % 4 === 3) writes.push(b.addPosition('76'), a.undo());
    }
    await Promise.all(writes);
    const stored = await loadScenario(db(a), a.scenario.id);
    const sorted = (s: Scenario | undefined) =>
      [...(s?.positions ?? [])].sort((x, y) => (x.id < y.id ? -1 : 1));
    await until(() => JSON.stringify(sorted(a.scenario)) === JSON.stringify(sorted(stored)));
    await until(() => JSON.stringify(sorted(b.scenario)) === JSON.stringify(sorted(stored)));
    expect(a.figures.national).toEqual(b.figures.national);
  });
});
