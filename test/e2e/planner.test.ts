// The planner screen driven like a person: demo on first start, typing in Part État, breaches, reload,
// paste of a block, undo/redo, two tabs, the change log, clearing the demo, accessibility.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, runAxe, type AppSession } from './browser';
import { cell, cellText, pasteText, summaryCents, typeInCell, waitUntilSaved, waitForDemoRows } from './grid';

const profile = () => mkdtempSync(join(tmpdir(), 'planner-e2e-'));

describe('écran du planificateur', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ userDataDir: profile(), viewport: { width: 1900, height: 1000 } });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  it('ouvre la démonstration, étiquetée comme telle', async () => {
    expect(await app.page.getByText(/^Données de démonstration : /).count()).toBe(1);
    expect(await summaryCents(app.page, 'Enveloppe nationale')).toBe(470_000_000);
  });

  it('une saisie de la Part État change le reste à allouer et le disponible de la région du même montant', async () => {
    const page = app.page;
    const remaining = await summaryCents(page, 'Reste à allouer');
    await page.getByRole('tab', { name: 'Régions' }).click();
    const available = await cellText(page, 'Régions', 'Occitanie', 'Disponible');
    await page.getByRole('tab', { name: 'Postes' }).click();
    await typeInCell(page, 'Postes', 'UD SIAE', 'Part État', '29 000,50');
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE', 'Part État')).toBe('29 000,50 €');
    expect(await summaryCents(page, 'Reste à allouer')).toBe(remaining + 39_950);
    await page.getByRole('tab', { name: 'Régions' }).click();
    const after = await cellText(page, 'Régions', 'Occitanie', 'Disponible');
    expect(toCents(after) - toCents(available)).toBe(39_950);
    await page.getByRole('tab', { name: 'Postes' }).click();
  });

  it('garde la saisie après un rechargement, une fois « Enregistré » affiché', async () => {
    await waitUntilSaved(app.page);
    await app.page.reload();
    await waitForDemoRows(app.page);
    expect(await cellText(app.page, 'Postes', 'UD SIAE', 'Part État')).toBe('29 000,50 €');
  });

  it('refuse une valeur illisible et garde l’ancienne', async () => {
    await typeInCell(app.page, 'Postes', 'UD SIAE', 'Part État', '12,5 k€');
    await expect
      .poll(async () =>
        normalizeSpaces(
          await app.page
            .getByText(/montant illisible « 12,5 k€ »/)
            .first()
            .innerText(),
        ),
      )
      .toContain('12,5 k€');
    expect(await cellText(app.page, 'Postes', 'UD SIAE', 'Part État')).toBe('29 000,50 €');
  });

  it('signale le dépassement des 70 % puis le retire quand on baisse', async () => {
    const page = app.page;
    await typeInCell(page, 'Postes', 'UD SIAE', 'Part État', '30 000');
    const c = await cell(page, 'Postes', 'UD SIAE', 'Part État');
    await expect
      .poll(async () => normalizeSpaces(await c.innerText()))
      .toContain('Part État 71,43 % > 70 % : dépassement de 600,00 €');
    await typeInCell(page, 'Postes', 'UD SIAE', 'Part État', '29 400');
    await expect.poll(async () => normalizeSpaces(await c.innerText())).toBe('29 400,00 €');
  });

  it('colle un bloc 3 × 2 et l’annule puis le rétablit en une étape', async () => {
    const page = app.page;
    const start = await cell(page, 'Postes', 'UD SIAE', 'Coût annuel');
    await start.click();
    // 3 rows × 2 columns, as copied from LibreOffice (French decimals, trailing newline).
    await pasteText(page, '43 000\t30 100\n44 000,50\t30 800\n48 000\t33 600\n');
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE', 'Part État')).toBe('30 100,00 €');
    expect(await cellText(page, 'Postes', 'UD SIAE', 'Coût annuel')).toBe('43 000,00 €');
    expect(await cellText(page, 'Postes', 'PLIE EST HERAULTAIS', 'Coût annuel')).toBe('44 000,50 €');
    expect(await cellText(page, 'Postes', 'PLIE EST HERAULTAIS', 'Part État')).toBe('30 800,00 €');
    expect(await cellText(page, 'Postes', 'NOVA EMPLOI', 'Part État')).toBe('33 600,00 €');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE', 'Coût annuel')).toBe('42 000,00 €');
    expect(await cellText(page, 'Postes', 'PLIE EST HERAULTAIS', 'Coût annuel')).toBe('44 500,00 €');
    await page.getByRole('button', { name: 'Rétablir' }).click();
    await expect.poll(() => cellText(page, 'Postes', 'PLIE EST HERAULTAIS', 'Part État')).toBe('30 800,00 €');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellText(page, 'Postes', 'PLIE EST HERAULTAIS', 'Part État')).toBe('31 150,00 €');
  });

  it('ajoute et supprime un poste, chaque action annulable', async () => {
    const page = app.page;
    const rows = () => page.getByRole('grid', { name: 'Postes' }).getAttribute('aria-rowcount');
    const before = Number(await rows());
    await page.getByRole('button', { name: 'Ajouter un poste' }).click();
    await expect.poll(async () => Number(await rows())).toBe(before + 1);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(async () => Number(await rows())).toBe(before);
    const search = page.getByRole('searchbox', { name: 'Rechercher dans les postes' });
    await search.fill('GE RSE BTP');
    await (await cell(page, 'Postes', 'GE RSE BTP', 'Structure')).click();
    await page.getByRole('button', { name: 'Supprimer le poste' }).click();
    await search.fill('');
    await expect.poll(async () => Number(await rows())).toBe(before - 1);
    // Back in the grid: in the search box Ctrl+Z is the browser's own undo of the typed text.
    await (await cell(page, 'Postes', 'UD SIAE', 'Structure')).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Number(await rows())).toBe(before);
    await page.keyboard.press('Control+y');
    await expect.poll(async () => Number(await rows())).toBe(before - 1);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(async () => Number(await rows())).toBe(before);
  });

  it('tient le journal des modifications', async () => {
    const page = app.page;
    await page.getByRole('textbox', { name: /Votre nom/ }).fill('Camille Martin, DREETS Occitanie');
    await page.getByRole('textbox', { name: /Votre nom/ }).press('Tab');
    await typeInCell(page, 'Postes', 'NOVA EMPLOI', 'Cohorte', '2023');
    await page.getByRole('tab', { name: 'Journal des modifications' }).click();
    const table = page.getByRole('table', { name: /Journal des modifications/ });
    await expect
      .poll(async () => normalizeSpaces(await table.getByRole('row').nth(1).innerText()))
      .toContain('Camille Martin');
    const text = normalizeSpaces(await table.innerText());
    expect(text).toMatch(/Cohorte\s+2022\s+2023/);
    expect(text).toContain('Collage');
    expect(text).toContain('Annulation');
    expect(text).toMatch(/Part État\s+29 000,50 €\s+30 000,00 €/);
    await page.getByRole('tab', { name: 'Postes' }).click();
  });

  it('n’a aucune violation d’accessibilité grave ni erreur de page', async () => {
    expect(await runAxe(app.page)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('deux onglets', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ userDataDir: profile(), viewport: { width: 1900, height: 1000 } });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  it('voient les modifications l’un de l’autre en moins d’une seconde', async () => {
    const other = await app.newPage();
    await other.setViewportSize({ width: 1900, height: 1000 });
    await waitForDemoRows(other);
    await typeInCell(app.page, 'Postes', 'UD SIAE', 'Part État', '28 000');
    await expect.poll(() => cellText(app.page, 'Postes', 'UD SIAE', 'Part État')).toBe('28 000,00 €');
    const start = Date.now();
    await expect
      .poll(() => cellText(other, 'Postes', 'UD SIAE', 'Part État'), { timeout: 5_000 })
      .toBe('28 000,00 €');
    expect(Date.now() - start).toBeLessThan(1_500);
    await typeInCell(other, 'Postes', 'GE RSE BTP', 'Part État', '28 000');
    await expect
      .poll(() => cellText(app.page, 'Postes', 'GE RSE BTP', 'Part État'), { timeout: 5_000 })
      .toBe('28 000,00 €');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('vider la démonstration', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ userDataDir: profile() });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  it('demande confirmation et laisse une campagne 2026 vide avec 18 régions', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Vider les données de démonstration' }).click();
    await page.getByRole('button', { name: 'Garder les données' }).click();
    expect(
      await page
        .getByRole('grid', { name: 'Postes' })
        .getByRole('row')
        .filter({ hasText: 'UD SIAE' })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Vider les données de démonstration' }).click();
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => page.getByText(/^Données de démonstration : /).count()).toBe(0);
    expect(await summaryCents(page, 'Engagée')).toBe(0);
    expect(await summaryCents(page, 'Enveloppe nationale')).toBe(470_000_000);
    await page.getByRole('tab', { name: 'Régions' }).click();
    expect(await page.getByRole('grid', { name: 'Régions' }).getAttribute('aria-rowcount')).toMatch(/^\d+$/);
    for (const name of ['Occitanie', 'Mayotte', 'Île-de-France']) {
      expect(
        await page.getByRole('grid', { name: 'Régions' }).getByRole('row').filter({ hasText: name }).count(),
      ).toBe(1);
    }
    await page.reload();
    await page.getByRole('region', { name: 'Synthèse nationale' }).waitFor();
    expect(await page.getByText(/^Données de démonstration : /).count()).toBe(0);
  });
});

function toCents(text: string): number {
  const t = text.replace(/[ €]/g, '').replace(',', '.');
  return Math.round(Number(t) * 100);
}
