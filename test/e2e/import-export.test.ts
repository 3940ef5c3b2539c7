// Workbooks in and out, driven like a person: each workbook of test/fixtures imported into the cleared demo
// (8 positions, 222 426,00 € committed, TOTAL row left out), re-imported without duplicates, undone in one
// step; Annuler writes nothing; exports (.xlsx, .ods, .csv, the grid's view) downloaded and re-imported with
// nothing to change; a remembered column mapping; broken files refused in French; drag and drop;
// accessibility.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, runAxe, type AppSession } from './browser';
import { cellText, summaryCents } from './grid';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The workbooks have a TOTAL row (and a footnote) under the positions; the CSV has only the positions. */
const FIXTURES = [
  { name: 'occitanie-postes.xlsx', totalRow: true },
  { name: 'occitanie-postes.xls', totalRow: true },
  { name: 'occitanie-postes.ods', totalRow: true },
  { name: 'occitanie-postes-cp1252.csv', totalRow: false },
] as const;
const XLSX_FIXTURE = join(FIXTURES_DIR, 'occitanie-postes.xlsx');
/** Σ Part État of the fixtures' 8 positions: 222 426,00 €. */
const FIXTURE_STATE_CENTS = 22_242_600;
const VALIDATE = "Valider l'import";

type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

describe('import et export de classeurs', () => {
  let app: AppSession;
  const downloads = mkdtempSync(join(tmpdir(), 'import-export-e2e-'));

  const page = () => app.page;
  const dialog = () => page().getByRole('dialog', { name: "Import d'un classeur" });
  const dialogText = async (): Promise<string> => normalizeSpaces(await dialog().innerText());
  const engaged = () => summaryCents(page(), 'Engagée');
  const undoButton = () => page().getByRole('button', { name: 'Annuler', exact: true });

  async function openImport(file: FileArg): Promise<Locator> {
    await page().getByLabel('Importer un classeur').setInputFiles(file);
    await dialog().waitFor();
    return dialog();
  }

  /** Waits for the preview and returns its text. */
  async function preview(expected: string): Promise<string> {
    await expect.poll(dialogText, { timeout: 20_000 }).toContain(expected);
    return dialogText();
  }

  async function closeDialog(): Promise<void> {
    await dialog().getByRole('button', { name: 'Annuler', exact: true }).click();
    await dialog().waitFor({ state: 'hidden' });
  }

  async function occitaniePositions(): Promise<string> {
    await page().getByRole('tab', { name: 'Régions' }).click();
    const count = await cellText(page(), 'Régions', 'Occitanie', 'Postes');
    await page().getByRole('tab', { name: 'Postes' }).click();
    return count;
  }

  async function download(buttonName: string): Promise<{ path: string; name: string }> {
    const [file] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: buttonName, exact: true }).click(),
    ]);
    const name = file.suggestedFilename();
    const path = join(downloads, name);
    await file.saveAs(path);
    return { path, name };
  }

  let demoCleared: Promise<void> | undefined;
  /** Clears the demo once, before the first test that runs, be it the first of the file or one picked with `-t`. */
  const clearDemo = () =>
    (demoCleared ??= (async () => {
      await page()
        .getByRole('button', { name: 'Vider les données de démonstration' })
        .click({ timeout: 15_000 });
      await page().getByRole('button', { name: 'Confirmer la suppression' }).click();
      await expect.poll(engaged).toBe(0);
    })());

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1600, height: 1000 } });
  });
  afterAll(async () => app?.close());
  beforeEach(clearDemo);

  it('part de la démonstration vidée', async () => {
    await expect.poll(engaged).toBe(0);
  });

  for (const { name, totalRow } of FIXTURES) {
    it(`importe ${name} : 8 postes, 222 426,00 € engagés${totalRow ? ', TOTAL ignoré' : ''} ; réimport sans doublon ; annulation en une étape`, async () => {
      let d = await openImport(join(FIXTURES_DIR, name));
      const text = await preview('8 postes à ajouter');
      expect(text).toContain('0 poste à mettre à jour');
      expect(text).toContain('0 inchangé');
      if (totalRow) {
        expect(text).toContain('3 lignes ignorées');
        const ignored = normalizeSpaces(await d.getByRole('table', { name: 'Lignes ignorées' }).innerText());
        expect(ignored).toMatch(/14\s+ligne de total \(« TOTAL »\)/);
      } else expect(text).toContain('0 ligne ignorée');
      expect(await d.getByRole('combobox', { name: 'Feuille' }).count()).toBe(1);
      await d.getByRole('button', { name: VALIDATE }).click();
      await d.waitFor({ state: 'hidden' });
      const done = page().getByText(/^Import terminé/);
      await expect
        .poll(async () => normalizeSpaces(await done.innerText()))
        .toBe('Import terminé : 8 postes ajoutés, 0 mis à jour');
      await expect.poll(engaged).toBe(FIXTURE_STATE_CENTS);
      expect(await occitaniePositions()).toBe('8');
      expect(await undoButton().getAttribute('title')).toBe(
        `Annuler : Import de « ${name} » (8 postes) (Ctrl+Z)`,
      );

      d = await openImport(join(FIXTURES_DIR, name));
      const again = await preview('8 inchangés');
      expect(again).toContain('0 poste à ajouter');
      expect(again).toContain('0 poste à mettre à jour');
      expect(await d.getByRole('button', { name: VALIDATE }).isDisabled()).toBe(true);
      await closeDialog();
      expect(await occitaniePositions()).toBe('8');

      await undoButton().click();
      await expect.poll(engaged).toBe(0);
      expect(await occitaniePositions()).toBe('0');
    });
  }

  it('Annuler dans la fenêtre d’import n’écrit rien', async () => {
    await openImport(XLSX_FIXTURE);
    await preview('8 postes à ajouter');
    await closeDialog();
    expect(await engaged()).toBe(0);
    expect(await occitaniePositions()).toBe('0');
    expect(
      await page()
        .getByText(/^Import terminé/)
        .count(),
    ).toBe(0);
  });

  it('un export .xlsx, .ods ou .csv se réimporte sans rien ajouter ni modifier', async () => {
    const d = await openImport(XLSX_FIXTURE);
    await preview('8 postes à ajouter');
    await d.getByRole('button', { name: VALIDATE }).click();
    await expect.poll(engaged).toBe(FIXTURE_STATE_CENTS);
    for (const ext of ['xlsx', 'ods', 'csv']) {
      const file = await download(`Exporter (.${ext})`);
      expect(file.name).toMatch(new RegExp(`^planificateur-campagne-2026-\\d{4}-\\d\\d-\\d\\d\\.${ext}$`));
      await expect
        .poll(async () =>
          normalizeSpaces(
            await page()
              .getByText(/^Fichier « .* » téléchargé/)
              .innerText(),
          ),
        )
        .toBe(`Fichier « ${file.name} » téléchargé (8 postes).`);
      await openImport(file.path);
      const text = await preview('8 inchangés');
      expect(text).toContain('0 poste à ajouter');
      expect(text).toContain('0 poste à mettre à jour');
      expect(await dialog().getByRole('button', { name: VALIDATE }).isDisabled()).toBe(true);
      await closeDialog();
    }
    expect(
      normalizeSpaces(
        await page()
          .getByText(/Dernier enregistrement dans un fichier : /)
          .innerText(),
      ),
    ).toMatch(/Dernier enregistrement dans un fichier : \d\d\/\d\d\/\d{4} à \d\d:\d\d/);
    expect(await engaged()).toBe(FIXTURE_STATE_CENTS);
  });

  it('Exporter la vue n’écrit que les postes que la grille montre', async () => {
    const search = page().getByRole('searchbox', { name: /Rechercher dans les postes/ });
    await search.fill('BTP');
    const file = await download('Exporter la vue (.xlsx)');
    expect(file.name).toMatch(/^planificateur-campagne-2026-vue-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(
      normalizeSpaces(
        await page()
          .getByText(/^Fichier « .* » téléchargé/)
          .innerText(),
      ),
    ).toBe(`Fichier « ${file.name} » téléchargé (1 poste).`);
    await openImport(file.path);
    const text = await preview('1 inchangé');
    expect(text).toContain('0 poste à ajouter');
    // Ctrl+Z in the modal does not undo the import behind it.
    await dialog().getByRole('heading', { name: "Import d'un classeur" }).focus();
    await page().keyboard.press('Control+z');
    await closeDialog();
    await search.fill('');
    expect(await engaged()).toBe(FIXTURE_STATE_CENTS);
  });

  it('retient la correspondance des colonnes corrigée pour les fichiers aux mêmes titres', async () => {
    let d = await openImport(XLSX_FIXTURE);
    await preview('8 inchangés');
    const suivi = d.getByRole('combobox', { name: /Champ de la colonne D/ });
    const notes = d.getByRole('combobox', { name: /Champ de la colonne P/ });
    await suivi.selectOption({ label: 'Ne pas importer' });
    await notes.selectOption({ label: 'Service de suivi' });
    await preview('8 postes à mettre à jour');
    await d.getByRole('button', { name: VALIDATE }).click();
    await d.waitFor({ state: 'hidden' });

    d = await openImport(XLSX_FIXTURE);
    const text = await preview('8 inchangés');
    expect(text).toContain('La correspondance des colonnes enregistrée lors d’un import précédent');
    expect(await d.getByRole('combobox', { name: /Champ de la colonne P/ }).inputValue()).toBe(
      'followUpService',
    );
    expect(await runAxe(page())).toEqual([]);

    // Back to the proposed mapping: the Suivi convention values come back and the mapping is forgotten.
    await d
      .getByRole('combobox', { name: /Champ de la colonne D/ })
      .selectOption({ label: 'Service de suivi' });
    await d.getByRole('combobox', { name: /Champ de la colonne P/ }).selectOption({ label: 'Observations' });
    await preview('8 postes à mettre à jour');
    await d.getByRole('button', { name: VALIDATE }).click();
    await d.waitFor({ state: 'hidden' });
    await openImport(XLSX_FIXTURE);
    expect(await preview('8 inchangés')).not.toContain('import précédent');
    await closeDialog();
    expect(await engaged()).toBe(FIXTURE_STATE_CENTS);
  });

  it('refuse un fichier illisible, vide ou tronqué avec un message en français, sans rien écrire', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    const xlsx = readFileSync(XLSX_FIXTURE);
    const cases: { file: FileArg; message: RegExp }[] = [
      {
        file: { name: 'budget.xlsx', mimeType: 'application/octet-stream', buffer: random },
        message: /Le fichier « budget\.xlsx » n'est pas un classeur lisible/,
      },
      {
        file: { name: 'vide.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) },
        message: /Le fichier « vide\.xlsx » est vide \(0 octet\)/,
      },
      {
        file: { name: 'coupé.xlsx', mimeType: 'application/octet-stream', buffer: xlsx.subarray(0, 3000) },
        message: /Le fichier « coupé\.xlsx » est incomplet ou endommagé/,
      },
    ];
    for (const { file, message } of cases) {
      const d = await openImport(file);
      const alert = d.getByRole('alert');
      await expect.poll(async () => normalizeSpaces(await alert.innerText())).toMatch(message);
      expect(await d.getByRole('button', { name: VALIDATE }).count()).toBe(0);
      await closeDialog();
      expect(await engaged()).toBe(FIXTURE_STATE_CENTS);
    }
  });

  it('importe un classeur déposé sur la page, avec une indication pendant le glisser', async () => {
    const bytes = readFileSync(XLSX_FIXTURE).toString('base64');
    const transfer = await page().evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'déposé.xlsx'));
      return dt;
    }, bytes);
    await page().dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page().getByText("Déposez le classeur ici pour l'importer").waitFor();
    await page().dispatchEvent('main', 'drop', { dataTransfer: transfer });
    const d = dialog();
    await d.waitFor();
    expect(await preview('8 inchangés')).toContain('Fichier « déposé.xlsx »');
    expect(await page().getByText("Déposez le classeur ici pour l'importer").count()).toBe(0);
    await closeDialog();
  });

  it('n’a aucune erreur de page ni requête vers un autre site', async () => {
    // SheetJS logs this from the import worker when it reads the conditional number formats LibreOffice writes in
    // .ods styles (values are unaffected): noise of the library, not an error of the page.
    const sheetJsNoise = /^console\.error: ODS number format may be incorrect: /;
    expect(app.pageErrors.filter((e) => !sheetJsNoise.test(e))).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
