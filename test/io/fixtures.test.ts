// The four workbooks of test/fixtures import to exactly the figures of their README.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { eurosToCents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { rankSheets } from '../../src/io/table/find-table';
import { readWorkbookBytes } from '../../src/io/read/read-workbook';
import { applyPlan, FIXTURES, fixture, importBytes, plain, scenario2026 } from './helpers';

it('uses SheetJS 0.20.3 (the version the design card requires)', () => {
  expect(XLSX.version).toBe('0.20.3');
});

describe.each(FIXTURES)('fixture %s', (name) => {
  const preview = importBytes(name, fixture(name), scenario2026());
  const plan = preview.plan!;
  const imported = applyPlan(scenario2026(), preview);
  const figures = recompute(imported);
  const occ = figures.regionByCode.get('76')!;

  it('proposes the positions sheet, not the envelopes sheet', () => {
    const sheets = rankSheets(readWorkbookBytes(name, fixture(name)));
    expect(sheets[0]?.holdsPositions).toBe(true);
    expect(sheets.find((s) => s.sheetName === 'Enveloppes 2026')?.holdsPositions ?? false).toBe(false);
    expect(preview.mappingProblems).toEqual([]);
  });

  it('imports 8 positions in Occitanie with the totals of the README', () => {
    expect(plan.toAdd).toHaveLength(8);
    expect(plan.toAdd.every((p) => p.regionCode === '76')).toBe(true);
    expect(plan.structuresToAdd).toHaveLength(7);
    expect(occ.positionCount).toBe(8);
    expect(occ.fteByRole).toEqual({ facilitateur: 600, coordinateur: 96 });
    expect(occ.totalCost).toBe(eurosToCents(316_380));
    expect(occ.committed).toBe(eurosToCents(222_426));
    expect(occ.coFundingTotal).toBe(eurosToCents(91_654));
    expect(occ.coFundingByCategory).toMatchObject({
      stateOther: eurosToCents(5_000),
      esfPlus: eurosToCents(27_150),
      localAuthority: eurosToCents(49_504),
      private: eurosToCents(10_000),
    });
    expect(occ.remaining).toBe(eurosToCents(2_300));
    expect(occ.available).toBe(eurosToCents(147_574));
    expect(figures.national.remaining).toBe(eurosToCents(4_477_574));
  });

  it('reads dates, departments and follow-up services as typed', () => {
    const aude = plan.toAdd[0]!;
    expect(aude).toMatchObject({
      departmentCode: '11',
      followUpService: 'DDETSPP 11',
      conventionStart: '2026-11-01',
      conventionEnd: '2027-10-31',
      cohort: 2022,
    });
    expect(plan.structuresToAdd[0]).toMatchObject({
      name: "CONSEIL DEPARTEMENTAL DE L'AUDE",
      legalStatus: 'collectiviteTerritoriale',
    });
  });

  it('leaves out the TOTAL row and the footnote, with their reasons, and reports nothing else', () => {
    const ignored = preview.restored!.ignored.map((r) => [r.row, r.reason]);
    // The CSV holds the positions only (no total, no footnote).
    if (name.endsWith('.csv')) expect(ignored).toEqual([]);
    else
      expect(ignored).toEqual([
        [14, 'ligne de total (« TOTAL »)'],
        [15, 'ligne vide'],
        [16, 'note de bas de tableau'],
      ]);
    expect(preview.restored!.diagnostics).toEqual([]);
  });

  it('has exactly the five breaches of the README', () => {
    const messages = figures.breaches.map((b) => plain(b.message));
    expect(messages).toHaveLength(5);
    expect(messages).toContain('Part État 72,00 % > 70 % : dépassement de 960,00 €');
    expect(messages).toContain('État toutes sources 37 200,00 € = 80,87 % > 80 % : dépassement de 400,00 €');
    expect(messages.some((m) => m.startsWith('Reste à financer 2 300,00 €'))).toBe(true);
    expect(messages.some((m) => m.includes('0,40 ETP < minimum de 0,50 ETP'))).toBe(true);
    expect(messages.some((m) => m.includes('NOVA EMPLOI (cohorte 2022)'))).toBe(true);
  });

  it('updates instead of duplicating when the same file is imported again', () => {
    const again = importBytes(name, fixture(name), imported).plan!;
    expect(again.toAdd).toEqual([]);
    expect(again.toUpdate).toEqual([]);
    expect(again.unchanged).toBe(8);
    expect(again.structuresToAdd).toEqual([]);
  });
});
