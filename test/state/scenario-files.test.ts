// Scenario files over the real planner and a (fake) IndexedDB: a saved file opens as a new active scenario
// with the same data and its change log; a taken name gets the file's date; consolidation waits for every
// choice, then creates the national scenario.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/domain/money';
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import type { Scenario } from '../../src/domain/types';
import { readWorkbookBytes } from '../../src/io/read/read-workbook';
import { buildScenarioFile } from '../../src/io/scenario-file/scenario-file-write';
import { Planner } from '../../src/state/planner.svelte';
import { ScenarioFiles } from '../../src/state/scenario-files.svelte';

let counter = 0;

async function setup() {
  const dbName = `scenario-files-${++counter}`;
  const planner = new Planner();
  await planner.start(dbName);
  const readWorkbook = async (f: { name: string; arrayBuffer(): Promise<ArrayBuffer> }) =>
    readWorkbookBytes(f.name, await f.arrayBuffer());
  return { planner, files: new ScenarioFiles(planner, { readWorkbook }) };
}

const blob = (name: string, bytes: ArrayBuffer) => ({
  name,
  size: bytes.byteLength,
  arrayBuffer: async () => bytes,
});

function regional(code: string, seed: number): Scenario {
  const s = generateScenario(360, seed);
  const positions = s.positions.filter((p) => p.regionCode === code);
  const used = new Set(positions.map((p) => p.structureId));
  return {
    ...s,
    regions: s.regions.map((r) => (r.regionCode === code ? r : { ...r, envelope: 0 as Cents })),
    structures: s.structures.filter((x) => used.has(x.id)),
    positions,
  };
}

const fileOf = (s: Scenario) =>
  buildScenarioFile(s, recompute(s), [], { appVersion: '0.1.0', exportedAt: '2026-11-22T10:00:00.000Z' });

describe('ScenarioFiles', () => {
  it('enregistre puis ouvre comme nouveau scénario actif, avec le journal', async () => {
    const { planner, files } = await setup();
    await planner.editPositionField('occ-2', 'stateAmount', '29 000');
    const original = planner.scenario;
    const saved = await files.save();
    expect(saved!.fileName).toMatch(/^scenario-Démonstration-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await files.readForOpening(blob(saved!.fileName, saved!.bytes));
    expect(files.open.kind).toBe('preview');
    await files.confirmOpening();
    expect(planner.scenario.id).not.toBe(original.id);
    expect(planner.scenario.name).toMatch(/^Démonstration 2026 \(fichier du \d\d\/\d\d\/\d{4}\)$/);
    expect(planner.scenario.positions).toEqual(original.positions);
    expect(planner.scenario.structures).toEqual(original.structures);
    expect(planner.scenario.regions).toEqual(original.regions);
    expect(planner.scenario.campaign).toEqual(original.campaign);
    const log = await planner.recentChanges(10);
    expect(log[0]).toMatchObject({ source: 'restore', field: 'journal' });
    expect(
      log.some((r) => r.entityId === 'occ-2' && r.field === 'stateAmount' && r.newValue === 2_900_000),
    ).toBe(true);
    expect(files.openNotice).toEqual({
      text: expect.stringMatching(/Journal repris : 2 lignes\.$/),
      error: false,
    });
  });

  it('refuse un fichier qui n’est pas un scénario, sans rien écrire', async () => {
    const { planner, files } = await setup();
    const before = planner.scenario.id;
    await files.readForOpening(blob('vide.xlsx', new ArrayBuffer(0)));
    expect(files.open.kind).toBe('idle');
    expect(files.openNotice?.error).toBe(true);
    expect(planner.scenario.id).toBe(before);
  });

  it('consolide après le choix de chaque conflit', async () => {
    const { planner, files } = await setup();
    const parts = [regional('76', 2), regional('11', 2), regional('76', 5)];
    await files.readForConsolidation(
      await Promise.all(parts.map(async (s, i) => blob(`f${i}.xlsx`, await fileOf(s)))),
    );
    expect(files.conflicts.map((c) => c.id)).toEqual(['region:76']);
    expect(files.consolidation.ok).toBe(false);
    files.choose('region:76', { keep: 2 });
    expect(files.pending).toBe(0);
    await files.createConsolidated();
    expect(planner.scenario.name).toMatch(/^Consolidation nationale \d{4}-\d{2}-\d{2}$/);
    const expected = recompute(parts[1]!).national.committed + recompute(parts[2]!).national.committed;
    expect(planner.figures.national.committed).toBe(expected);
    expect(files.consolidationFiles).toEqual([]);
  });
});
