// The plan matches by the app's id, else by structure + role + department; never duplicates; only changes
// what the file gives.
import { describe, expect, it } from 'vitest';
import { campaign2026 } from '../../../src/domain/demo/campaign-2026';
import { occitanieData } from '../../../src/domain/demo/occitanie';
import { proposeMapping } from '../../../src/io/table/column-mapping';
import { findTable } from '../../../src/io/table/find-table';
import { planImport } from '../../../src/io/plan/import-plan';
import { restoreRows } from '../../../src/io/restore/restore-rows';
import type { CellValue } from '../../../src/io/workbook-data';
import { idMaker, scenario2026 } from '../helpers';

const current = () => {
  const { structures, positions } = occitanieData();
  return scenario2026(positions, structures);
};

function plan(header: string[], rows: CellValue[][]) {
  const table = findTable({ name: 'Postes', rows: [header, ...rows], merges: [] })!;
  const restored = restoreRows(table, proposeMapping(table.headers).mapping, {
    campaign: campaign2026(),
    newId: idMaker(),
  });
  return planImport(current(), restored);
}

const SHORT = ['Structure', 'Département', 'Fonction', 'ETP', 'Coût annuel', 'Part État'];

describe('planImport', () => {
  it('matches by structure, role and department, and changes only the fields the file gives', () => {
    const p = plan(SHORT, [['nova emploi', '31', 'Facilitateur', '1,00', 48000, 33600]]);
    expect(p.toAdd).toEqual([]);
    expect(p.toUpdate).toHaveLength(1);
    const u = p.toUpdate[0]!;
    expect(u.changedFields).toEqual(['stateAmount']);
    expect(u.after).toEqual({ ...u.before, stateAmount: 3_360_000 });
    expect(u.after.notes).toBe('Salaire revalorisé');
  });

  it('matches by the app id when the file has it, even if the structure changed', () => {
    const p = plan(
      ['Identifiant', ...SHORT],
      [['occ-6', 'GE RSE BTP 66', '66', 'Facilitateur', '1,00', 41000, 28700]],
    );
    expect(p.toUpdate.map((u) => [u.before.id, u.changedFields])).toEqual([['occ-6', ['structureId']]]);
    expect(p.structuresToAdd.map((s) => s.name)).toEqual(['GE RSE BTP 66']);
  });

  it('adds a position matched by neither, with a new structure', () => {
    const p = plan(SHORT, [['NOUVELLE STRUCTURE', '09', 'Facilitateur', '0,50', 20000, 14000]]);
    expect(p.toAdd).toHaveLength(1);
    expect(p.toAdd[0]).toMatchObject({
      regionCode: '76',
      departmentCode: '09',
      structureId: p.structuresToAdd[0]!.id,
    });
  });

  it('reports the same position twice in a file and imports it once', () => {
    const p = plan(SHORT, [
      ['NOVA EMPLOI', '31', 'Facilitateur', '1,00', 48000, 34560],
      ['Nova Emploi', '31', 'facilitatrice', '1,00', 48000, 30000],
    ]);
    expect(p.unchanged + p.toUpdate.length + p.toAdd.length).toBe(1);
    expect(p.diagnostics.map((d) => [d.row, d.message])).toEqual([
      [3, 'poste en double : même structure, fonction et département que la ligne 2 (ligne non importée)'],
    ]);
  });

  it('reports an id given twice', () => {
    const p = plan(
      ['Identifiant', ...SHORT],
      [
        ['occ-1', "CONSEIL DEPARTEMENTAL DE L'AUDE", '11', 'Facilitateur', '1,00', 46000, 32200],
        ['occ-1', 'UD SIAE', '12', 'Facilitateur', '1,00', 42000, 29400],
      ],
    );
    expect(p.diagnostics.map((d) => d.message)).toEqual([
      "poste en double : l'identifiant « occ-1 » figure déjà ligne 2 (ligne non importée)",
    ]);
  });

  it('keeps the funders of unchanged categories when the file gives amounts per category', () => {
    const header = [...SHORT, 'FSE+', 'Collectivités'];
    const p = plan(header, [['PLIE EST HERAULTAIS', '34', 'Facilitateur', '1,00', 44500, 31150, 13350, 0]]);
    expect(p.unchanged).toBe(1);
    const q = plan(header, [['UD SIAE', '12', 'Facilitateur', '1,00', 42000, 29400, 8400, 5000]]);
    expect(q.toUpdate[0]?.after.coFundings).toEqual([
      { funder: 'FSE+', category: 'esfPlus', amount: 840_000 },
      { funder: 'Collectivités', category: 'localAuthority', amount: 500_000 },
    ]);
  });

  it('updates the legal status of an existing structure when the file gives one', () => {
    const p = plan(
      [...SHORT, 'Statut juridique'],
      [['UD SIAE', '12', 'Facilitateur', '1,00', 42000, 29400, 'GIP']],
    );
    expect(p.structuresToUpdate.map((u) => [u.before.name, u.changedFields, u.after.legalStatus])).toEqual([
      ['UD SIAE', ['legalStatus'], 'gip'],
    ]);
  });
});
