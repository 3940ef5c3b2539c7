// The import session: read (progress, stop, cancel, refusals), preview, mapping (remembered for the same headers),
// commit as one applyOps call with source `import` — or nothing when storage refuses or the scenario moved — and the
// whole path over a real (fake) IndexedDB planner: 8 positions, 222 426,00 € committed, undone in one step.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../src/domain/result';
import type { Scenario, Structure } from '../../src/domain/types';
import { REFUSAL } from '../../src/io/errors';
import type { NamedBlob, ReadInWorkerOptions } from '../../src/io/read/import-client';
import { readWorkbookBytes } from '../../src/io/read/read-workbook';
import type { Op } from '../../src/domain/ops';
import type { MetaKey } from '../../src/storage/rows';
import { ImportSession, type ImportTarget, type WorkbookReader } from '../../src/state/import-session.svelte';
import { countLines, importDoneMessage } from '../../src/state/import-summary';
import { Planner } from '../../src/state/planner.svelte';
import { fixture, scenario2026 } from '../io/helpers';

const XLSX = 'occitanie-postes.xlsx';

function file(name: string, bytes: Uint8Array = fixture(name)): NamedBlob {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** Reads in the test's thread, telling every stage like the worker does. */
const reader: WorkbookReader = async (f, options: ReadInWorkerOptions) => {
  for (const stage of ['guard', 'verify', 'parse', 'extract'] as const) options.onProgress?.(stage);
  return readWorkbookBytes(f.name, new Uint8Array(await f.arrayBuffer()));
};

class FakeTarget implements ImportTarget {
  scenario: Scenario = scenario2026();
  structuresById = new Map<string, Structure>();
  settings = new Map<MetaKey, unknown>();
  writes: { ops: Op[]; label: string; source: string }[] = [];
  refuse: string | null = null;

  async applyOps(build: (s: Scenario) => Op[], label: string, source: 'import'): Promise<Result<void>> {
    const ops = build(this.scenario);
    if (this.refuse) return err(this.refuse);
    if (ops.length > 0) this.writes.push({ ops, label, source });
    return ok(undefined);
  }
  async readSetting<T>(key: MetaKey): Promise<T | undefined> {
    return structuredClone(this.settings.get(key)) as T | undefined;
  }
  async writeSetting(key: MetaKey, value: unknown): Promise<Result<void>> {
    this.settings.set(key, structuredClone(value));
    return ok(undefined);
  }
}

async function ready(target: ImportTarget, name = XLSX) {
  const session = new ImportSession(target, reader);
  await session.start(file(name));
  expect(session.phase).toBe('ready');
  return session;
}

describe('ImportSession', () => {
  it('reads, previews and commits the plan as one applyOps with source import', async () => {
    const target = new FakeTarget();
    const stages: string[] = [];
    const session = new ImportSession(target, async (f, o) =>
      reader(f, { ...o, onProgress: (s) => (stages.push(s), o.onProgress?.(s)) }),
    );
    const started = session.start(file(XLSX));
    expect(session.phase).toBe('reading');
    expect(session.fileName).toBe(XLSX);
    await started;
    expect(stages).toEqual(['guard', 'verify', 'parse', 'extract']);
    expect(session.phase).toBe('ready');
    expect(session.sheets.map((s) => s.sheetName)).toContain('Enveloppes 2026');
    expect(countLines(session.summary!)).toEqual([
      '8 postes à ajouter',
      '0 poste à mettre à jour',
      '0 inchangé',
      '3 lignes ignorées',
      '7 structures à créer',
    ]);
    expect(session.summary!.ignored[0]).toEqual({ row: 14, reason: 'ligne de total (« TOTAL »)' });

    await session.commit();
    expect(target.writes).toHaveLength(1);
    const [write] = target.writes;
    expect(write!.label).toBe(`Import de « ${XLSX} » (8 postes)`);
    expect(write!.source).toBe('import');
    expect(write!.ops.filter((o) => o.entity === 'structure')).toHaveLength(7);
    expect(write!.ops.filter((o) => o.entity === 'position')).toHaveLength(8);
    expect(session.phase).toBe('closed');
    expect(session.done).toEqual({ fileName: XLSX, added: 8, updated: 0 });
    expect(importDoneMessage(8, 0)).toBe('Import terminé : 8 postes ajoutés, 0 mis à jour');
  });

  it('writes nothing when storage refuses, and says so naming the file', async () => {
    const target = new FakeTarget();
    target.refuse = 'Stockage plein : libérez de la place.';
    const session = await ready(target);
    await session.commit();
    expect(target.writes).toEqual([]);
    expect(session.phase).toBe('ready');
    expect(session.commitError).toContain(`« ${XLSX} »`);
    expect(session.commitError).toContain('Stockage plein');
  });

  it('recomputes the preview instead of writing when the scenario changed since the preview', async () => {
    const target = new FakeTarget();
    const session = await ready(target);
    target.scenario = { ...target.scenario, name: 'Autre' };
    await session.commit();
    expect(target.writes).toEqual([]);
    expect(session.phase).toBe('ready');
    expect(session.notice).toMatch(/l’aperçu a été recalculé/);
    await session.commit();
    expect(target.writes).toHaveLength(1);
  });

  it('stops the reading on Arrêter la lecture and closes on Annuler, ignoring a late result', async () => {
    const waiting: WorkbookReader = (f, o) =>
      new Promise((_, reject) => o.signal?.addEventListener('abort', () => reject(REFUSAL.aborted(f.name))));
    const stopped = new ImportSession(new FakeTarget(), waiting);
    const reading = stopped.start(file(XLSX));
    stopped.stop();
    await reading;
    expect(stopped.phase).toBe('refused');
    expect(stopped.refusal).toEqual({
      kind: 'aborted',
      message: `La lecture du fichier « ${XLSX} » a été annulée. Aucune donnée n'a été importée.`,
    });

    let release: () => void = () => undefined;
    const slow: WorkbookReader = async (f, o) => {
      await new Promise<void>((r) => (release = r));
      return reader(f, o);
    };
    const cancelled = new ImportSession(new FakeTarget(), slow);
    const late = cancelled.start(file(XLSX));
    expect(cancelled.cancel()).toBe(true);
    release();
    await late;
    expect(cancelled.phase).toBe('closed');
    expect(cancelled.preview).toBeNull();
  });

  it('shows a refused file, and a file without a table of positions, as refusals', async () => {
    const refused = new ImportSession(new FakeTarget(), reader);
    await refused.start(file('vide.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(refused.phase).toBe('refused');
    expect(refused.refusal!.message).toMatch(/^Le fichier « vide\.xlsx »/);

    const text = new TextEncoder().encode('Nom;Prénom\nDupont;Jean\n');
    const noTable = new ImportSession(new FakeTarget(), reader);
    await noTable.start(file('contacts.csv', text));
    expect(noTable.phase).toBe('refused');
    expect(noTable.refusal).toEqual({
      kind: 'noTable',
      message: expect.stringMatching(
        /Aucune feuille du fichier « contacts\.csv » ne ressemble à un tableau de postes/,
      ),
    });
  });

  it('blocks the commit while a required field has no column, and remembers a corrected mapping', async () => {
    const target = new FakeTarget();
    let session = await ready(target);
    const structure = session.preview!.mapping.indexOf('structureName');
    session.chooseField(structure, null);
    expect(session.summary).toBeNull();
    expect(session.preview!.mappingProblems).toEqual([
      "Aucune colonne n'est associée à « Structure (bénéficiaire) ».",
    ]);
    await session.commit();
    expect(target.writes).toEqual([]);

    session.chooseField(structure, 'structureName');
    const notes = session.preview!.mapping.indexOf('notes');
    session.chooseField(notes, null);
    await session.commit();
    expect(target.writes).toHaveLength(1);
    expect(Object.values(target.settings.get('importMappings') as object)).toHaveLength(1);

    session = await ready(target);
    expect(session.notice).toMatch(/correspondance des colonnes enregistrée/);
    expect(session.preview!.mapping[notes]).toBeNull();
  });
});

describe('ImportSession with the planner', () => {
  it('imports the fixture into the cleared demo in one undo step', async () => {
    const planner = new Planner();
    await planner.start(`import-session-${Math.random().toString(36).slice(2)}`);
    await planner.clearDemo();
    const session = new ImportSession(planner, reader);
    await session.start(file(XLSX));
    await session.commit();
    expect(planner.scenario.positions).toHaveLength(8);
    expect(planner.figures.national.committed).toBe(22_242_600);
    expect(planner.undoLabel).toBe(`Import de « ${XLSX} » (8 postes)`);

    const again = new ImportSession(planner, reader);
    await again.start(file(XLSX));
    expect(countLines(again.summary!).slice(0, 3)).toEqual([
      '0 poste à ajouter',
      '0 poste à mettre à jour',
      '8 inchangés',
    ]);
    const apply = vi.spyOn(planner, 'applyOps');
    await again.commit();
    expect(apply).not.toHaveBeenCalled();

    await planner.undo();
    expect(planner.scenario.positions).toHaveLength(0);
    expect(planner.scenario.structures).toHaveLength(0);
    expect(planner.figures.national.committed).toBe(0);
  });
});
