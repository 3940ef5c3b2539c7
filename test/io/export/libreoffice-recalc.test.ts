// The exported workbooks recalculated by an independent program give the app's figures: every formula cell of
// the .xlsx and .ods exports (Postes computed columns, Synthèse national and regional figures and totals) is
// computed by LibreOffice Calc from a file whose cached values were removed, then compared with the domain's
// figures (recompute) to the cent. LibreOffice is required: without it this test fails and says what to install.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { generateScenario } from '../../../src/domain/demo/generate';
import type { Cents } from '../../../src/domain/money';
import { recompute } from '../../../src/domain/recompute';
import type { Position, Scenario } from '../../../src/domain/types';
import { occitanieScenario } from '../../domain/helpers';
import { buildWorkbook } from '../../../src/io/export/export-workbook';
import { buildScenarioFile } from '../../../src/io/scenario-file/scenario-file-write';
import {
  convertToXlsx,
  formulaCachedValues,
  recalcProfile,
  resolveSoffice,
  rewriteCachedValues,
} from './libreoffice';
import { expectedFigures, formulaCells, mismatches, type Expected } from './recalc-expected';

/** 400 generated positions with co-fundings, plus a zero cost (rates left empty) and an odd-cents excess. */
function generatedScenario(): Scenario {
  const s = generateScenario(400, 7);
  const base = s.positions[20]!;
  const edge: Position[] = [
    { ...base, id: 'edge-zero-cost', annualCost: 0 as Cents, stateAmount: 0 as Cents, coFundings: [] },
    {
      ...base,
      id: 'edge-cents',
      annualCost: 4_123_457 as Cents,
      stateAmount: 2_886_419 as Cents,
      coFundings: [
        { funder: 'FSE+', category: 'esfPlus', amount: 617_283 as Cents },
        { funder: 'Ville', category: 'localAuthority', amount: 619_877 as Cents },
        { funder: 'Fondation', category: 'private', amount: 1 as Cents },
      ],
    },
  ];
  return { ...s, positions: [...s.positions, ...edge] };
}

interface Case {
  name: string;
  scenario: Scenario;
  /** Exported rows (the grid's filter); default all. */
  rows?: readonly Position[];
  bookType: 'xlsx' | 'ods';
  /** Wrong cached values instead of none: LibreOffice must recalculate what the file claims. */
  poison?: number;
  /** The scenario file (`Enregistrer le scénario`): the same workbook plus its own sheets. */
  scenarioFile?: boolean;
}

const occitanie = occitanieScenario();
const generated = generatedScenario();
const filtered = generated.positions.filter((p) => ['11', '76', '84', '01'].includes(p.regionCode));
const POISON = 987_654_321.09;
const CASES: Case[] = [
  { name: 'occitanie', scenario: occitanie, bookType: 'xlsx' },
  { name: 'occitanie', scenario: occitanie, bookType: 'ods' },
  { name: 'generated', scenario: generated, bookType: 'xlsx' },
  { name: 'generated', scenario: generated, bookType: 'ods' },
  { name: 'generated-filtered', scenario: generated, rows: filtered, bookType: 'xlsx' },
  { name: 'generated-filtered', scenario: generated, rows: filtered, bookType: 'ods' },
  { name: 'generated-scenario-file', scenario: generated, bookType: 'xlsx', scenarioFile: true },
  { name: 'occitanie-poisoned', scenario: occitanie, bookType: 'xlsx', poison: POISON },
  { name: 'occitanie-poisoned', scenario: occitanie, bookType: 'ods', poison: POISON },
];

interface Prepared {
  file: string;
  /** The export as the app writes it, read back with its formulas and cached values. */
  exported: XLSX.WorkBook;
  /** The formula cells of the file given to LibreOffice and their cached values, from its XML. */
  given: { formulas: number; cached: string[] };
  changedCells: number;
  expected: Map<string, Expected>;
}

const read = (bytes: Uint8Array) =>
  XLSX.read(bytes, { type: 'array', dense: true, cellFormula: true, cellDates: false });

const work = mkdtempSync(join(tmpdir(), 'lo-recalc-'));
const prepared = new Map<Case, Prepared>();
let converted: Map<string, string> | undefined;
let failure: unknown;
let seconds = 0;

beforeAll(async () => {
  try {
    const soffice = resolveSoffice();
    for (const c of CASES) {
      const shown = c.rows ?? c.scenario.positions;
      const figures = recompute(c.scenario);
      const exportedAt = '2026-11-22T10:00:00.000Z';
      // The files as people get them: written as the export worker writes them.
      const app = new Uint8Array(
        c.scenarioFile
          ? await buildScenarioFile(c.scenario, figures, [], { appVersion: '0.1.0', exportedAt })
          : await buildWorkbook(c.scenario, figures, {
              bookType: c.bookType,
              rows: c.rows,
              exportedAt,
            }),
      );
      const given = rewriteCachedValues(app, c.bookType, c.poison ?? null);
      const file = join(work, `${c.name}-${c.bookType}.${c.bookType}`);
      writeFileSync(file, given.bytes);
      prepared.set(c, {
        file,
        exported: read(app),
        given: formulaCachedValues(given.bytes, c.bookType),
        changedCells: given.formulaCells,
        // The figures of the exported positions, as the domain computes them (the filtered export's Synthèse
        // covers only its rows).
        expected: expectedFigures(recompute({ ...c.scenario, positions: [...shown] }), shown, read(app)),
      });
    }
    const started = performance.now();
    converted = await convertToXlsx(
      soffice,
      recalcProfile(join(work, 'profile')),
      [...prepared.values()].map((p) => p.file),
      join(work, 'out'),
    );
    seconds = (performance.now() - started) / 1000;
  } catch (error) {
    failure = error;
  }
}, 300_000);

afterAll(() => {
  if (seconds > 0)
    console.info(`LibreOffice : ${CASES.length} fichiers recalculés en ${seconds.toFixed(1)} s`);
  rmSync(work, { recursive: true, force: true });
});

/** LibreOffice's recalculated workbook for a case; rethrows the setup failure (e.g. LibreOffice missing). */
function recalculated(c: Case): { p: Prepared; lo: XLSX.WorkBook } {
  if (failure) throw failure;
  const p = prepared.get(c)!;
  return { p, lo: read(new Uint8Array(readFileSync(converted!.get(p.file)!))) };
}

/** Cells of `actual` that `wanted` lacks (extra) and the reverse (missing), by `Sheet!A1`. */
function keyDiff(actual: ReadonlyMap<string, unknown>, wanted: ReadonlyMap<string, unknown>) {
  return {
    missing: [...wanted.keys()].filter((k) => !actual.has(k)),
    extra: [...actual.keys()].filter((k) => !wanted.has(k)),
  };
}

/** At most 20 messages, the count in the assertion's label. */
function expectNone(messages: string[], label: string): void {
  expect(messages.slice(0, 20), `${label} : ${messages.length} cellule(s) différente(s)`).toEqual([]);
}

it.each(CASES.map((c) => [`${c.name}.${c.bookType}`, c] as const))(
  '%s recalculated by LibreOffice gives the app figure in every formula cell, to the cent',
  (_, c) => {
    const { p, lo } = recalculated(c);
    const cells = formulaCells(p.exported);
    // Every formula cell has a domain figure, and the file LibreOffice got had no cached value (or a wrong one).
    expect(keyDiff(cells, p.expected), 'cellules formules sans chiffre du domaine').toEqual({
      missing: [],
      extra: [],
    });
    expect(p.changedCells).toBe(cells.size);
    expect(p.given.formulas, 'cellules formules du fichier donné à LibreOffice').toBe(cells.size);
    expect(p.given.cached, 'valeurs en cache du fichier donné à LibreOffice').toEqual(
      c.poison === undefined ? [] : Array<string>(cells.size).fill(String(c.poison)),
    );
    // The app's cached values are the domain figures (what a reader that does not recalculate shows).
    expectNone(mismatches(cells, p.expected, 'valeur en cache'), 'valeurs en cache de l’application');
    // LibreOffice kept every formula and computed the domain figure in each.
    const computed = formulaCells(lo);
    expect(keyDiff(computed, cells), 'cellules formules après LibreOffice').toEqual({
      missing: [],
      extra: [],
    });
    expectNone(mismatches(computed, p.expected, 'LibreOffice'), 'valeurs calculées par LibreOffice');
  },
  60_000,
);
