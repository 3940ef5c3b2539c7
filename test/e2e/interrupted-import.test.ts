// The page closed in the middle of a bulk import: on reopening, either every row of the file is there or none
// (one IndexedDB transaction, aborted with the page), never a part of it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { buildWorkbook } from '../../src/io/export/export-workbook';
import { normalizeSpaces, openApp, type AppSession } from './browser';

const ROWS = 1_500;

describe('import interrompu par la fermeture de la page', () => {
  let app: AppSession;
  const dir = mkdtempSync(join(tmpdir(), 'interrupted-import-e2e-'));
  const file = join(dir, 'postes-1500.xlsx');

  beforeAll(async () => {
    const source = generateScenario(ROWS, 7);
    const scenario = { ...source, positions: source.positions.map((p) => ({ ...p, id: `imp-${p.id}` })) };
    writeFileSync(
      file,
      new Uint8Array(await buildWorkbook(scenario, recompute(scenario), { bookType: 'xlsx' })),
    );
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'interrupted-profile-')),
      viewport: { width: 1600, height: 1000 },
    });
    await app.page.getByRole('grid', { name: 'Postes' }).getByRole('row').nth(2).waitFor();
  });
  afterAll(async () => app?.close());

  const rowCount = async (page = app.page) =>
    Number(await page.getByRole('grid', { name: 'Postes' }).getAttribute('aria-rowcount'));

  it('leaves all the rows or none', { timeout: 180_000 }, async () => {
    const page = app.page;
    const before = await rowCount();
    await page.getByLabel('Importer un classeur').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: "Import d'un classeur" });
    await expect
      .poll(async () => normalizeSpaces(await dialog.innerText()), { timeout: 60_000 })
      .toMatch(/\d postes? à ajouter/);
    const text = normalizeSpaces(await dialog.innerText());
    const toAdd = Number((/([\d ]+) postes? à ajouter/.exec(text)?.[1] ?? '0').replace(/ /g, ''));
    expect(toAdd).toBeGreaterThan(100);
    await dialog.getByRole('button', { name: "Valider l'import" }).click();
    await page.waitForTimeout(50);
    await page.close({ runBeforeUnload: false });

    const reopened = await app.newPage();
    await reopened.getByRole('grid', { name: 'Postes' }).getByRole('row').nth(2).waitFor({ timeout: 30_000 });
    const after = await rowCount(reopened);
    expect([before, before + toAdd]).toContain(after);
  });
});
