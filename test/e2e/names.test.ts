// Names, never internal ids, where a person reads: after editing a payment schedule, a structure and an amount,
// and deleting a position in a copy of the demo, the Journal des modifications and the comparison with the
// demo name each position by its structure, role and department, and coded values by their French labels.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, type AppSession } from './browser';
import { cell, cellText, pasteText, typeInCell, waitForDemoRows, waitUntilSaved } from './grid';

/** Ids made by the app (src/state/ids.ts: `pos-…`, `st-…`, `sc-…`) and by the demo (`occ-5`, `gen-76-0`, `st-ud-siae`). */
const INTERNAL_ID = /\b(pos|st|sc|occ|gen|position|structure)-[0-9a-z]+/;

describe('des noms, jamais des identifiants internes', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'names-e2e-')),
      viewport: { width: 1900, height: 1000 },
    });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  it('nomme postes, structures et valeurs dans le journal et la comparaison', async () => {
    const page = app.page;
    const title = () => page.getByRole('heading', { level: 1 }).innerText();
    await page.getByRole('tab', { name: 'Scénarios' }).click();
    await page.getByLabel('Nom du nouveau scénario').fill('Variante noms');
    await page.getByRole('button', { name: 'Dupliquer le scénario actif' }).click();
    await expect.poll(title).toContain('Variante noms');

    await page.getByRole('tab', { name: 'Postes' }).click();
    // A payment schedule, pasted as staff would from a spreadsheet.
    await (await cell(page, 'Postes', 'MONTPELLIER MEDITERRANEE METROPOLE', 'Échéancier')).click();
    await pasteText(page, '50 % avance + 50 % solde');
    await expect
      .poll(() => cellText(page, 'Postes', 'MONTPELLIER MEDITERRANEE METROPOLE', 'Échéancier'))
      .toBe('50 % avance + 50 % solde');
    // A new structure typed on a position (a fresh `st-…` id), and an amount.
    await typeInCell(page, 'Postes', 'UD SIAE', 'Structure', 'UD SIAE AVEYRON');
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE AVEYRON', 'Structure')).toBe('UD SIAE AVEYRON');
    await typeInCell(page, 'Postes', 'UD SIAE AVEYRON', 'Part État', '28 400');
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE AVEYRON', 'Part État')).toBe('28 400,00 €');
    // A position deleted.
    const search = page.getByRole('searchbox', { name: 'Rechercher dans les postes' });
    await search.fill('GE RSE BTP');
    await (await cell(page, 'Postes', 'GE RSE BTP', 'Structure')).click();
    await page.getByRole('button', { name: 'Supprimer le poste' }).click();
    await search.fill('');
    await waitUntilSaved(page);

    await page.getByRole('tab', { name: 'Journal des modifications' }).click();
    const log = page.getByRole('table', { name: /Journal des modifications/ });
    await expect
      .poll(async () => normalizeSpaces(await log.innerText()))
      .toContain('GE RSE BTP — facilitateur (66 – Pyrénées-Orientales)');
    const journal = normalizeSpaces(await log.innerText());
    expect(journal).toMatch(
      /MONTPELLIER MEDITERRANEE METROPOLE — facilitateur \(34 – Hérault\)\s+Échéancier\s+100 % à la signature\s+50 % avance \+ 50 % solde/,
    );
    expect(journal).toMatch(
      /UD SIAE AVEYRON — facilitateur \(12 – Aveyron\)\s+Structure\s+UD SIAE\s+UD SIAE AVEYRON/,
    );
    expect(journal).toMatch(
      /UD SIAE AVEYRON — facilitateur \(12 – Aveyron\)\s+Part État\s+29 400,00 €\s+28 400,00 €/,
    );
    expect(journal).toContain('Suppression du poste GE RSE BTP — facilitateur (66 – Pyrénées-Orientales)');
    expect(journal).not.toMatch(INTERNAL_ID);
    expect(journal).not.toMatch(/atSignature|advanceAndBalance/);

    await page.getByRole('tab', { name: 'Scénarios' }).click();
    await page.getByLabel('Scénario de référence').selectOption({ label: 'Démonstration 2026' });
    await page.getByLabel('Scénario comparé').selectOption({ label: 'Variante noms' });
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    const changes = page.getByRole('table', { name: /Postes ajoutés/ });
    const comparison = normalizeSpaces(await changes.innerText());
    expect(comparison).toMatch(/GE RSE BTP — facilitateur \(66 – Pyrénées-Orientales\)\s+supprimé/);
    expect(comparison).toMatch(
      /MONTPELLIER MEDITERRANEE METROPOLE — facilitateur \(34 – Hérault\)\s+modifié\s+Échéancier\s+100 % à la signature\s+50 % avance \+ 50 % solde/,
    );
    expect(comparison).toMatch(
      /UD SIAE AVEYRON — facilitateur \(12 – Aveyron\)\s+modifié\s+Structure\s+UD SIAE\s+UD SIAE AVEYRON/,
    );
    expect(comparison).not.toMatch(INTERNAL_ID);
    expect(normalizeSpaces(await page.getByRole('table', { name: /Par région/ }).innerText())).not.toMatch(
      INTERNAL_ID,
    );
    expect(app.pageErrors).toEqual([]);
  });
});
