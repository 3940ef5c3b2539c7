// Remembered column mappings (what storage gives back is checked; only corrected mappings are kept, 30 at most)
// and the exports: the file handed over, its name, the grid's rows only, the save noted after a full export.
import { describe, expect, it } from 'vitest';
import { recompute } from '../../src/domain/recompute';
import { readWorkbookBytes } from '../../src/io/read/read-workbook';
import { FileExport, type SaveFile } from '../../src/state/import-export.svelte';
import { MAX_REMEMBERED, readRemembered, remember, rememberedFor } from '../../src/state/import-mappings';
import { importBytes, scenario2026, applyPlan, fixture } from '../io/helpers';

describe('remembered mappings', () => {
  it('keeps only well-formed entries from storage', () => {
    expect(readRemembered(null)).toEqual({});
    expect(readRemembered([['fte']])).toEqual({});
    expect(
      readRemembered({
        '3-abc': ['structureName', null, 'fte'],
        '2-def': ['structureName', 'noSuchField'],
        __proto__: ['fte'],
        'not a key': ['fte'],
        '1-ghi': 'fte',
      }),
    ).toEqual({ '3-abc': ['structureName', null, 'fte'] });
  });

  it('applies a mapping only to a table with as many columns', () => {
    const stored = { '2-abc': ['structureName', 'fte'] as const };
    expect(rememberedFor(stored, '2-abc', 2)).toEqual(['structureName', 'fte']);
    expect(rememberedFor(stored, '2-abc', 3)).toBeUndefined();
    expect(rememberedFor(stored, 'toString', 0)).toBeUndefined();
  });

  it('remembers a corrected mapping, forgets one equal to the proposal, keeps the latest 30', () => {
    const proposal = ['structureName', 'notes'] as const;
    const corrected = ['structureName', null] as const;
    let stored = remember({}, '2-a', corrected, proposal);
    expect(stored).toEqual({ '2-a': ['structureName', null] });
    stored = remember(stored, '2-a', proposal, proposal);
    expect(stored).toEqual({});
    for (let i = 0; i < MAX_REMEMBERED + 5; i++) stored = remember(stored, `2-k${i}`, corrected, proposal);
    const keys = Object.keys(stored);
    expect(keys).toHaveLength(MAX_REMEMBERED);
    expect(keys[0]).toBe('2-k5');
    expect(keys.at(-1)).toBe(`2-k${MAX_REMEMBERED + 4}`);
  });
});

describe('FileExport', () => {
  const imported = importBytes('f.xlsx', fixture('occitanie-postes.xlsx'), scenario2026());
  const scenario = applyPlan(scenario2026(), imported);
  const figures = recompute(scenario);

  function exporter() {
    const saved: { data: ArrayBuffer | string; name: string; mime: string }[] = [];
    const save: SaveFile = (data, name, mime) => saved.push({ data, name, mime });
    let marks = 0;
    const source = { scenario, figures, markSaved: async () => void marks++ };
    const fileExport = new FileExport(source, save, (n, view, ext) => `${n}${view ? ' vue' : ''}.${ext}`);
    return { fileExport, saved, marks: () => marks };
  }

  it('hands over a workbook of every position and notes the save', async () => {
    const { fileExport, saved, marks } = exporter();
    await fileExport.run('xlsx');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('Test import.xlsx');
    expect(saved[0]!.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const back = importBytes('back.xlsx', saved[0]!.data as ArrayBuffer, scenario);
    expect(back.plan!.unchanged).toBe(8);
    expect(fileExport.message).toEqual({
      tone: 'success',
      text: 'Fichier « Test import.xlsx » téléchargé (8 postes).',
    });
    expect(marks()).toBe(1);
  });

  it('exports the grid’s rows in the grid’s order, without noting a save', async () => {
    const { fileExport, saved, marks } = exporter();
    const ids = [scenario.positions[5]!.id, scenario.positions[2]!.id, 'deleted-meanwhile'];
    await fileExport.run('view', ids);
    const workbook = readWorkbookBytes('vue.xlsx', new Uint8Array(saved[0]!.data as ArrayBuffer));
    const postes = workbook.sheets.find((s) => s.name === 'Postes')!;
    expect(postes.rows.slice(1, 3).map((r) => r[0])).toEqual(ids.slice(0, 2));
    expect(saved[0]!.name).toBe('Test import vue.xlsx');
    expect(fileExport.message?.text).toContain('(2 postes)');
    expect(marks()).toBe(0);
  });

  it('says why when there is no view to export, and writes CSV as text', async () => {
    const { fileExport, saved } = exporter();
    await fileExport.run('view', null);
    expect(fileExport.message?.tone).toBe('error');
    await fileExport.run('view', []);
    expect(fileExport.message?.text).toMatch(/Aucun poste n’est affiché/);
    expect(saved).toEqual([]);
    await fileExport.run('csv');
    expect(typeof saved[0]!.data).toBe('string');
    expect(saved[0]!.mime).toBe('text/csv;charset=utf-8');
  });
});
