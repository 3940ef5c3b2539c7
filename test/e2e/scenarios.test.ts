// Scenarios driven like a person: duplicate, edit, compare, rename, activate, delete and restore; the
// multi-year view gives AE and CP consistent with the national summary.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, runAxe, type AppSession } from './browser';
import { euroTextToCents, summaryCents, typeInCell, waitForDemoRows } from './grid';

describe('scénarios', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'scenarios-e2e-')),
      viewport: { width: 1900, height: 1000 },
    });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  const title = () => app.page.getByRole('heading', { level: 1 }).innerText();
  let demoCommitted = 0;

  let duplicated: Promise<void> | undefined;
  /** Duplicates the demo as « Variante A » once: in the first test, or in a later one picked alone with `-t`. */
  const duplicateDemo = () =>
    (duplicated ??= (async () => {
      const page = app.page;
      demoCommitted = await summaryCents(page, 'Engagée');
      await page.getByRole('tab', { name: 'Scénarios' }).click();
      await page.getByLabel('Nom du nouveau scénario').fill('Variante A');
      await page.getByRole('button', { name: 'Dupliquer le scénario actif' }).click();
      await expect.poll(title).toContain('Variante A');
    })());

  it('duplique le scénario actif, qui devient actif avec son nom affiché', async () => {
    const page = app.page;
    await duplicateDemo();
    await expect.poll(title).toContain('Variante A');
    // The list is read back from storage after the switch: it may follow the title by a frame or two.
    const rows = page.getByRole('table', { name: 'Scénarios de ce navigateur' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
  });

  it('compare la variante modifiée au scénario de départ', async () => {
    const page = app.page;
    await duplicateDemo();
    await page.getByRole('tab', { name: 'Postes' }).click();
    await typeInCell(page, 'Postes', 'UD SIAE', 'Part État', '28 400');
    await page.getByRole('tab', { name: 'Scénarios' }).click();
    await page.getByLabel('Scénario de référence').selectOption({ label: 'Démonstration 2026' });
    await page.getByLabel('Scénario comparé').selectOption({ label: 'Variante A' });
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    const regions = page.getByRole('table', { name: /Par région/ });
    const occitanie = normalizeSpaces(
      await regions.getByRole('row').filter({ hasText: 'Occitanie' }).innerText(),
    );
    expect(occitanie).toContain('-1 000,00 €');
    expect(occitanie).toContain('+1 000,00 €');
    const changes = normalizeSpaces(await page.getByRole('table', { name: /Postes ajoutés/ }).innerText());
    expect(changes).toMatch(
      /UD SIAE — facilitateur \(12 – Aveyron\)\s+modifié\s+Part État\s+29 400,00 €\s+28 400,00 €/,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter la comparaison (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^comparaison-demonstration-2026-variante-a-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
  });

  it('renomme, réactive, supprime puis rétablit un scénario', async () => {
    const page = app.page;
    await page.getByLabel('Nom du scénario actif').fill('Variante A — DREETS');
    await page.getByRole('button', { name: 'Renommer' }).click();
    await expect.poll(title).toContain('Variante A — DREETS');
    expect(await summaryCents(page, 'Engagée')).toBe(demoCommitted - 100_000);
    await page.getByRole('button', { name: 'Activer le scénario « Démonstration 2026 »' }).click();
    await expect.poll(title).toContain('Démonstration 2026');
    expect(await summaryCents(page, 'Engagée')).toBe(demoCommitted);
    await page.getByRole('button', { name: 'Supprimer le scénario « Variante A — DREETS »' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Scénarios de ce navigateur' }).getByRole('row').count())
      .toBe(2);
    await page.getByRole('button', { name: 'Rétablir le scénario supprimé' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Scénarios de ce navigateur' }).getByRole('row').count())
      .toBe(3);
    expect(await runAxe(page)).toEqual([]);
  });

  it('donne les AE et CP par année, cohérents avec la part État engagée', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Pluriannuel' }).click();
    const table = page.getByRole('table', { name: 'AE et CP par année civile' });
    const total = table.getByRole('row').filter({ hasText: 'Total national' });
    await total.waitFor();
    const cells = await total.getByRole('cell').allInnerTexts();
    const ae2026 = euroTextToCents(cells[0] ?? '');
    expect(ae2026).toBe(await summaryCents(page, 'Engagée'));
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
