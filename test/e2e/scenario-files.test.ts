// Scenario files driven like a person in the built app: save the scenario (a download), open that file as a
// new scenario (same committed total, journal carried over), and consolidate three regional files plus a
// fourth that claims a region already claimed: the conflict is shown, resolved, and the national scenario's
// totals are the sums of the regional ones. No page error, no request leaving the origin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/domain/demo/generate';
import type { Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { Scenario } from '../../src/domain/types';
import { buildScenarioFile } from '../../src/io/scenario-file/scenario-file-write';
import { normalizeSpaces, openApp, runAxe, type AppSession } from './browser';
import { summaryCents, waitForDemoRows } from './grid';

const work = mkdtempSync(join(tmpdir(), 'planner-e2e-files-'));

/** A generated national scenario cut down to one region: its positions and structures, only its envelope. */
function regional(code: string, seed: number): Scenario {
  const source = generateScenario(540, seed);
  const positions = source.positions.filter((p) => p.regionCode === code);
  const used = new Set(positions.map((p) => p.structureId));
  return {
    ...source,
    id: `region-${code}-${seed}`,
    name: `Région ${code}`,
    regions: source.regions.map((r) => (r.regionCode === code ? r : { ...r, envelope: 0 as Cents })),
    structures: source.structures.filter((s) => used.has(s.id)),
    positions,
  };
}

async function writeScenarioFile(name: string, scenario: Scenario): Promise<string> {
  const path = join(work, name);
  const bytes = await buildScenarioFile(scenario, recompute(scenario), [], {
    appVersion: '0.1.0',
    exportedAt: '2026-11-22T10:00:00.000Z',
  });
  writeFileSync(path, new Uint8Array(bytes));
  return path;
}

async function title(app: AppSession): Promise<string> {
  return normalizeSpaces(await app.page.getByRole('heading', { level: 1 }).innerText());
}

describe('fichiers de scénario', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ userDataDir: mkdtempSync(join(tmpdir(), 'planner-e2e-')) });
    await waitForDemoRows(app.page);
    await app.page.getByRole('tab', { name: 'Scénarios' }).click();
  });
  afterAll(async () => app?.close());

  it('enregistre le scénario puis le rouvre comme nouveau scénario, au centime près', async () => {
    const page = app.page;
    const committed = await summaryCents(page, 'Engagée');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer le scénario' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^scenario-Démonstration-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = join(work, download.suggestedFilename());
    await download.saveAs(saved);

    await page.getByLabel('Ouvrir un scénario').setInputFiles(saved);
    const preview = page.getByRole('region', { name: /^Aperçu de « scenario-Démonstration-2026/ });
    await preview.waitFor();
    expect(normalizeSpaces(await preview.innerText())).toContain('Aucune anomalie de lecture.');
    await page.getByRole('button', { name: 'Ouvrir comme nouveau scénario' }).click();
    await expect.poll(() => title(app)).toMatch(/— Démonstration 2026 \(fichier du \d\d\/\d\d\/\d{4}\)$/);
    expect(await summaryCents(page, 'Engagée')).toBe(committed);
    await expect
      .poll(async () => normalizeSpaces(await page.getByText(/^Scénario « Démonstration 2026/).innerText()))
      .toMatch(/ouvert : 108 postes\. Journal repris : \d+ lignes\.$/);

    await page.getByRole('tab', { name: 'Journal des modifications' }).click();
    const log = page.getByRole('table', { name: /Journal des modifications/ });
    await expect
      .poll(async () => normalizeSpaces(await log.getByRole('row').nth(1).innerText()))
      .toContain(`Journal repris du fichier « ${download.suggestedFilename()} »`);
    await page.getByRole('tab', { name: 'Scénarios' }).click();
  });

  it('refuse un fichier qui n’est pas un scénario et ne change rien', async () => {
    const page = app.page;
    const before = await title(app);
    const path = join(work, 'pas-un-scenario.xlsx');
    writeFileSync(path, 'Ceci n’est pas un classeur');
    await page.getByLabel('Ouvrir un scénario').setInputFiles(path);
    const refusal = page.getByRole('alert').filter({ hasText: 'pas-un-scenario.xlsx' });
    await refusal.waitFor();
    expect(normalizeSpaces(await refusal.innerText())).toMatch(/pas-un-scenario\.xlsx/);
    expect(await title(app)).toBe(before);
  });

  it('consolide trois fichiers régionaux, montre le conflit d’un quatrième et reproduit les totaux', async () => {
    const page = app.page;
    const regions = [regional('76', 3), regional('11', 3), regional('84', 3)];
    const rival = { ...regional('76', 8), name: 'Occitanie, autre version' };
    const paths = await Promise.all([
      writeScenarioFile('occitanie.xlsx', regions[0]!),
      writeScenarioFile('ile-de-france.xlsx', regions[1]!),
      writeScenarioFile('auvergne-rhone-alpes.xlsx', regions[2]!),
      writeScenarioFile('occitanie-bis.xlsx', rival),
    ]);
    await page.getByLabel('Consolider des fichiers régionaux').setInputFiles(paths);
    const conflict = page.getByRole('group', {
      name: 'Région Occitanie (76) : revendiquée par « occitanie.xlsx » et « occitanie-bis.xlsx »',
    });
    await conflict.waitFor();
    const create = page.getByRole('button', { name: 'Créer le scénario national consolidé' });
    expect(await create.isDisabled()).toBe(true);
    expect(await conflict.getByRole('radio').allInnerTexts()).toHaveLength(3);
    // DSFR draws the radio over its label: a person clicks the label.
    await conflict.getByText('Garder le fichier « occitanie.xlsx »', { exact: true }).click();
    expect(await conflict.getByLabel('Garder le fichier « occitanie.xlsx »').isChecked()).toBe(true);
    const report = page.getByRole('table', { name: 'Origine de chaque région' });
    await expect
      .poll(async () =>
        normalizeSpaces(await report.getByRole('row').filter({ hasText: 'Occitanie' }).innerText()),
      )
      .toContain('occitanie.xlsx');
    expect(await create.isDisabled()).toBe(false);
    await create.click();

    await expect.poll(() => title(app)).toMatch(/— Consolidation nationale \d{4}-\d{2}-\d{2}$/);
    const sum = (pick: (s: Scenario) => number) => regions.reduce((a, s) => a + pick(s), 0);
    expect(await summaryCents(page, 'Engagée')).toBe(sum((s) => recompute(s).national.committed));
    expect(await summaryCents(page, 'Répartie')).toBe(sum((s) => recompute(s).national.allotted));
    expect(await runAxe(page)).toEqual([]);
  });

  it('sans erreur de page ni requête vers l’extérieur', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
