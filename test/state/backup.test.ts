// Sauvegarde: everything out to one file and back, all or nothing; hostile or newer files change nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Planner } from '../../src/state/planner.svelte';
import { BACKUP_FORMAT } from '../../src/io/backup-file';

let n = 0;
async function started(): Promise<Planner> {
  const p = new Planner();
  await p.start(`backup-${++n}`);
  return p;
}

describe('backup and restore', () => {
  it('restores every scenario, record and change-log row of another browser', async () => {
    const a = await started();
    await a.editPositionField('occ-2', 'stateAmount', '29 000');
    await a.addScenario(a.scenario, 'Variante', 'scenario', 'Copie');
    const text = await a.backupText();
    expect(a.lastSavedAt).not.toBeNull();

    const b = await started();
    await b.clearDemo();
    const r = await b.restoreBackup(text, 'sauvegarde.json');
    expect(r).toEqual({ ok: true, value: 2 });
    expect(b.scenarios.map((s) => s.name).sort()).toEqual(['Démonstration 2026', 'Variante']);
    const demo = await b.readScenario('demo-2026');
    const original = await a.readScenario('demo-2026');
    expect(demo).toEqual(original);
    const log = await (async () => {
      await b.switchScenario('demo-2026');
      return b.recentChanges(50);
    })();
    expect(
      log.some((c) => c.entityId === 'occ-2' && c.field === 'stateAmount' && c.newValue === 2_900_000),
    ).toBe(true);
  });

  it.each([
    ['not JSON', 'pas du json', /JSON illisible/],
    ['another format', JSON.stringify({ format: 'autre' }), /n'est pas une sauvegarde/],
    [
      'a newer version',
      JSON.stringify({ format: BACKUP_FORMAT, version: 99, scenarios: [] }),
      /version plus récente.*format 99/,
    ],
    [
      'a broken record',
      JSON.stringify({ format: BACKUP_FORMAT, version: 1, scenarios: [{ id: 'x' }] }),
      /scénario n° 1/,
    ],
  ])('refuses %s and writes nothing', async (_name, text, message) => {
    const p = await started();
    const before = await p.readScenario('demo-2026');
    const r = await p.restoreBackup(text, 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    expect(await p.readScenario('demo-2026')).toEqual(before);
  });

  it('drops __proto__ keys and leaves Object.prototype untouched', async () => {
    const a = await started();
    const text = (await a.backupText()).replace(
      '"id":"occ-1"',
      '"__proto__":{"polluted":"yes"},"id":"occ-1"',
    );
    const b = await started();
    const r = await b.restoreBackup(text, 'f.json');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
