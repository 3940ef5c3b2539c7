// Exported workbooks: people's text stays text, computed columns are live formulas whose cached values are the
// app's figures, numbers carry formats, headers are frozen and filtered, and the .ods is well formed.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { recompute } from '../../../src/domain/recompute';
import { buildCsv } from '../../../src/io/export/export-csv';
import { buildWorkbook } from '../../../src/io/export/export-workbook';
import { guardZip } from '../../../src/io/guard/zip-guard';
import { INJECTIONS, trickyScenario } from '../tricky-scenario';

const scenario = trickyScenario();
const figures = recompute(scenario);

async function exportAndRead(bookType: 'xlsx' | 'ods', rows?: typeof scenario.positions) {
  const bytes = new Uint8Array(
    await buildWorkbook(scenario, figures, { bookType, rows, exportedAt: '2026-11-22' }),
  );
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellFormula: true,
    cellNF: true,
    cellDates: false,
  });
  const data = (name: string) => wb.Sheets[name]!['!data'] as (XLSX.CellObject | undefined)[][];
  return { bytes, wb, data };
}

/** The whole export in each format, written once for the tests below. */
const EXPORTED = { xlsx: await exportAndRead('xlsx'), ods: await exportAndRead('ods') };

/** One part of the archive, inflated with Node's zlib (an independent inflater). */
function entry(bytes: Uint8Array, name: string): string {
  const e = guardZip(bytes, 'x').find((z) => z.name === name)!;
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  return new TextDecoder().decode(e.method === 8 ? inflateRawSync(raw) : raw);
}

describe.each(['xlsx', 'ods'] as const)('export %s', (bookType) => {
  const { bytes, wb, data } = EXPORTED[bookType];
  const postes = data('Postes');

  it('has the four sheets', () => {
    expect(wb.SheetNames).toEqual(['Synthèse', 'Postes', 'Cofinancements', 'Paramètres']);
  });

  it('writes formula-like text typed by people as text cells, never as formulas', () => {
    const texts = postes
      .slice(1)
      .flatMap((r) => [r[3], r[28]])
      .filter((c) => c !== undefined);
    for (const injection of INJECTIONS) {
      const cells = texts.filter((c) => c!.v === injection);
      expect(cells.length, injection).toBeGreaterThan(0);
      for (const c of cells) {
        expect(c!.t).toBe('s');
        expect(c!.f).toBeUndefined();
      }
    }
    expect(texts.find((c) => c!.v === '+33 EMPLOI')?.t).toBe('s');
  });

  it('writes computed columns as formulas whose cached values are the app figures', () => {
    scenario.positions.forEach((p, i) => {
      const r = postes[i + 1]!;
      const f = figures.positions.get(p.id)!;
      expect(r[16]).toMatchObject({ f: `SUM(K${i + 2}:P${i + 2})`, v: f.coFundingTotal / 100 });
      expect(r[17]?.f).toBe(`IF(I${i + 2}=0,"",J${i + 2}/I${i + 2})`);
      expect(r[17]?.v).toBe(f.stateRate);
      expect(r[18]?.v).toBe(f.coFundingRate);
      expect(r[19]).toMatchObject({ f: `I${i + 2}-J${i + 2}-Q${i + 2}`, v: f.remaining / 100 });
    });
  });

  it('gives regional committed and available, and the national remaining, as formulas with the app figures', () => {
    const summary = data('Synthèse');
    expect(summary[8]?.[1]).toMatchObject({ f: 'B5-B8', v: figures.national.remaining / 100 });
    expect(summary[7]?.[1]?.v).toBe(figures.national.committed / 100);
    figures.regions.forEach((region, k) => {
      const r = summary[11 + k]!;
      expect(r[1]?.v).toBe(region.regionCode);
      expect(r[3]?.f).toMatch(/^SUMIF\(/);
      expect(r[3]?.v).toBe(region.committed / 100);
      expect(r[4]).toMatchObject({ v: region.available / 100 });
    });
  });

  it('stores numbers as numbers with formats and dates as dates', () => {
    const first = postes[1]!;
    expect(first[7]).toMatchObject({ t: 'n', v: 1 });
    expect(first[8]).toMatchObject({ t: 'n', v: 46_000 });
    expect(first[21]).toMatchObject({ t: 'n', v: 46327 });
    if (bookType === 'xlsx') {
      expect(first[8]?.z).toBe('#,##0.00" €"');
      expect(first[17]?.z).toBe('0.00%');
      expect(first[21]?.z).toBe('dd/mm/yyyy');
    }
  });

  it('freezes the header row and sets a filter', () => {
    if (bookType === 'xlsx') {
      const xml = entry(bytes, 'xl/worksheets/sheet2.xml');
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(xml).toContain(`<autoFilter ref="A1:AC${scenario.positions.length + 1}"/>`);
      expect(xml).toContain('<col min="4" max="4" width=');
    } else {
      expect(entry(bytes, 'settings.xml')).toContain(
        '<config:config-item-map-entry config:name="Postes"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>',
      );
      const content = entry(bytes, 'content.xml');
      expect(content).toContain(
        `table:target-range-address="'Postes'.A1:'Postes'.AC${scenario.positions.length + 1}"`,
      );
      expect(content).toContain('of:=SUMIF([$Postes.$B$2:.$B$');
      expect(content).not.toContain('Postes![');
      const entries = guardZip(bytes, 'x');
      expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0 });
    }
  });

  it('exports only the rows the grid shows, with totals over them', async () => {
    const shown = scenario.positions.filter((p) => p.regionCode === '76');
    const sub = await exportAndRead(bookType, shown);
    expect(sub.data('Postes')).toHaveLength(shown.length + 1);
    const summary = sub.data('Synthèse');
    expect(String(summary[2]?.[0]?.v)).toMatch(/^Export filtré : 8 postes sur \d+/);
    expect(summary[7]?.[1]?.v).toBe(222_426);
  });
});

describe('CSV export', () => {
  it('writes a BOM, semicolons, decimal commas and quotes formula-like text', () => {
    const csv = buildCsv(scenario, figures);
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\ufeffIdentifiant;Région;Département;Structure;')).toBe(true);
    expect(lines[1]).toContain(';46000,00;32200,00;5000,00;');
    expect(lines[1]).toContain(';70,00 %;30,00 %;0,00;2022;01/11/2026;31/10/2027;');
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://exemple.test"",""clic"")";`);
    for (const injection of ['+1', '-1+1', '@SUM(A1:A2)', '\t=2+2']) expect(csv).toContain(`;'${injection}`);
  });
});
