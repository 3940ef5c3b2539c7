// The Tableau de bord driven like a person: every chart draws the demo figures, and its data table (the same
// model the chart is fed) agrees with the Synthèse nationale and the Régions grid; an edit in the Postes grid
// changes the charts; `Enregistrer l'image` saves a PNG of the canvas's size; a click on a region's bar filters
// the Postes grid; no page error, no foreign request, no serious accessibility violation.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, runAxe, type AppSession } from './browser';
import { cellText, euroTextToCents, summaryCents, typeInCell, waitForDemoRows } from './grid';

const TITLES = {
  envelopes: 'Enveloppe, engagé et disponible par région',
  purposes: "Utilisation de l'enveloppe nationale",
  financing: 'Plan de financement par région et par financeur',
  fteByRole: 'ETP par fonction et par région',
  fteByCohort: 'ETP par cohorte AAP et par région',
  endings: 'Conventions arrivant à échéance par mois (24 mois)',
  renewals: 'ETP à renouveler par année',
  aeCp: 'AE et CP par année civile',
} as const;

interface Row {
  header: string;
  cells: string[];
}

const figure = (page: Page, title: string): Locator =>
  page.getByRole('figure', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });

/** The rows (body then foot) of a chart's data table, opening `Voir les données` when closed. */
async function tableRows(page: Page, title: string): Promise<Row[]> {
  const f = figure(page, title);
  const details = f.locator('details');
  if ((await details.getAttribute('open')) === null) await f.getByText('Voir les données').click();
  const table = f.getByRole('table', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });
  await table.waitFor();
  const rows = await table.locator('tbody tr, tfoot tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      header: (tr.querySelector('th')?.textContent ?? '').trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
    })),
  );
  return rows.map((r) => ({ header: normalizeSpaces(r.header), cells: r.cells.map(normalizeSpaces) }));
}

async function tableRow(page: Page, title: string, header: string): Promise<string[]> {
  const row = (await tableRows(page, title)).find((r) => r.header === header);
  if (!row) throw new Error(`Ligne « ${header} » absente du tableau « ${title} »`);
  return row.cells;
}

const fteToHundredths = (text: string) => Math.round(Number(text.replace(/ /g, '').replace(',', '.')) * 100);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

describe('tableau de bord', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'planner-e2e-')),
      viewport: { width: 1600, height: 1000 },
    });
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());
  // Each test starts on the Tableau de bord, where the one before leaves it: so does a test picked alone (`-t`).
  beforeEach(async () => showTab(app.page, 'Tableau de bord'));

  it('dessine chaque graphique dans un canevas décrit, avec son bouton et son tableau', async () => {
    const page = app.page;
    await showTab(page, 'Tableau de bord');
    for (const title of Object.values(TITLES)) {
      const f = figure(page, title);
      await f.waitFor();
      const canvas = f.getByRole('img');
      expect(normalizeSpaces((await canvas.getAttribute('aria-label')) ?? '')).not.toBe('');
      const size = await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
      expect(size[0]).toBeGreaterThan(0);
      expect(size[1]).toBeGreaterThan(0);
      await expect.poll(() => f.getByRole('button', { name: "Enregistrer l'image" }).count()).toBe(1);
      expect((await tableRows(page, title)).length).toBeGreaterThan(0);
    }
  });

  it('montre les enveloppes, engagés et disponibles de la grille Régions et de la synthèse', async () => {
    const page = app.page;
    const rows = await tableRows(page, TITLES.envelopes);
    expect(rows.filter((r) => r.header !== 'Total')).toHaveLength(18);
    const total = rows.find((r) => r.header === 'Total')!;
    expect(euroTextToCents(total.cells[0]!)).toBe(await summaryCents(page, 'Répartie'));
    expect(euroTextToCents(total.cells[1]!)).toBe(await summaryCents(page, 'Engagée'));
    await showTab(page, 'Régions');
    for (const region of ['Occitanie', 'Île-de-France', 'Mayotte']) {
      const grid = await Promise.all(
        ['Enveloppe', 'Engagé', 'Disponible'].map((c) => cellText(page, 'Régions', region, c)),
      );
      expect(rows.find((r) => r.header === region)?.cells).toEqual(grid);
    }
    await showTab(page, 'Tableau de bord');
  });

  it('partage l’enveloppe nationale entre objets, disponible régional et réserve, au centime', async () => {
    const page = app.page;
    const rows = await tableRows(page, TITLES.purposes);
    const cents = (header: string) => euroTextToCents(rows.find((r) => r.header === header)!.cells[0]!);
    const parts = rows
      .filter((r) => r.header !== 'Enveloppe nationale')
      .map((r) => euroTextToCents(r.cells[0]!));
    expect(sum(parts)).toBe(await summaryCents(page, 'Enveloppe nationale'));
    expect(cents('Enveloppe nationale')).toBe(await summaryCents(page, 'Enveloppe nationale'));
    expect(cents('Reste à allouer : réserve non répartie')).toBe(await summaryCents(page, 'Réserve'));
    expect(
      cents('Reste à allouer : réserve non répartie') +
        cents('Reste à allouer : disponible dans les enveloppes régionales'),
    ).toBe(await summaryCents(page, 'Reste à allouer'));
    const byPurpose = await page
      .getByRole('region', { name: 'Synthèse nationale' })
      .locator('details dl > div')
      .evaluateAll((divs) =>
        divs.map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '']),
      );
    expect(byPurpose).toHaveLength(4);
    for (const [label, amount] of byPurpose) expect(cents(label!)).toBe(euroTextToCents(amount!));
  });

  it('empile les financements jusqu’au coût total de chaque région', async () => {
    const page = app.page;
    const rows = await tableRows(page, TITLES.financing);
    for (const r of rows) {
      const values = r.cells.map(euroTextToCents);
      expect(sum(values.slice(0, -1)), r.header).toBe(values.at(-1));
    }
    expect(euroTextToCents((await tableRow(page, TITLES.financing, 'Total'))[0]!)).toBe(
      await summaryCents(page, 'Engagée'),
    );
  });

  it('compte les ETP par fonction comme la grille Régions, et par cohorte au même total', async () => {
    const page = app.page;
    const byRole = await tableRow(page, TITLES.fteByRole, 'Occitanie');
    const byCohort = await tableRow(page, TITLES.fteByCohort, 'Occitanie');
    expect(byCohort.at(-1)).toBe(byRole.at(-1));
    expect(sum(byCohort.slice(0, -1).map(fteToHundredths))).toBe(fteToHundredths(byCohort.at(-1)!));
    const totalRole = (await tableRow(page, TITLES.fteByRole, 'Total')).at(-1);
    expect((await tableRow(page, TITLES.fteByCohort, 'Total')).at(-1)).toBe(totalRole);
    expect((await tableRow(page, TITLES.renewals, 'Total')).at(-1)).toBe(totalRole);
    await showTab(page, 'Régions');
    expect(byRole.slice(0, 2)).toEqual([
      await cellText(page, 'Régions', 'Occitanie', 'ETP facilitateurs'),
      await cellText(page, 'Régions', 'Occitanie', 'ETP coordinateurs'),
    ]);
    const positions = await cellText(page, 'Régions', 'Total', 'Postes');
    await showTab(page, 'Tableau de bord');
    const endings = await tableRows(page, TITLES.endings);
    expect(endings.slice(0, 24).map((r) => r.header)[0]).toBe('nov. 2026');
    expect(endings.find((r) => r.header === 'oct. 2027')?.cells).toEqual([positions]);
    expect((await tableRow(page, TITLES.endings, 'Total'))[0]).toBe(positions);
  });

  it('donne les AE et CP par année, nationales puis d’une région', async () => {
    const page = app.page;
    expect(euroTextToCents((await tableRow(page, TITLES.aeCp, 'Total'))[0]!)).toBe(
      await summaryCents(page, 'Engagée'),
    );
    await figure(page, TITLES.aeCp)
      .getByRole('combobox', { name: 'Région' })
      .selectOption({ label: 'Occitanie' });
    await expect.poll(() => figure(page, `${TITLES.aeCp} — Occitanie`).count()).toBe(1);
    const occitanie = (await tableRow(page, TITLES.envelopes, 'Occitanie'))[1];
    expect((await tableRow(page, `${TITLES.aeCp} — Occitanie`, 'Total'))[0]).toBe(occitanie);
  });

  it('enregistre une image PNG de la taille du canevas', async () => {
    const page = app.page;
    const f = figure(page, TITLES.envelopes);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      f.getByRole('button', { name: "Enregistrer l'image" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('enveloppes-par-region-aap-2026.png');
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const size = await f.getByRole('img').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(size);
  });

  it('suit une saisie dans la grille Postes (tableau et dessin)', async () => {
    const page = app.page;
    const canvas = figure(page, TITLES.envelopes).getByRole('img');
    const picture = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const before = await tableRow(page, TITLES.envelopes, 'Occitanie');
    const financing = await tableRow(page, TITLES.financing, 'Occitanie');
    const image = await picture();
    await showTab(page, 'Postes');
    const old = euroTextToCents(await cellText(page, 'Postes', 'UD SIAE', 'Part État'));
    await typeInCell(page, 'Postes', 'UD SIAE', 'Part État', '150 000');
    await expect.poll(() => cellText(page, 'Postes', 'UD SIAE', 'Part État')).toContain('150 000,00 €');
    await showTab(page, 'Tableau de bord');
    const delta = 15_000_000 - old;
    await expect
      .poll(async () => euroTextToCents((await tableRow(page, TITLES.envelopes, 'Occitanie'))[1]!))
      .toBe(euroTextToCents(before[1]!) + delta);
    expect(euroTextToCents((await tableRow(page, TITLES.envelopes, 'Occitanie'))[2]!)).toBe(
      euroTextToCents(before[2]!) - delta,
    );
    expect(euroTextToCents((await tableRow(page, TITLES.financing, 'Occitanie'))[0]!)).toBe(
      euroTextToCents(financing[0]!) + delta,
    );
    expect(await picture()).not.toBe(image);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(async () => (await tableRow(page, TITLES.envelopes, 'Occitanie'))[1]).toBe(before[1]);
    await expect.poll(picture).toBe(image);
  });

  it('filtre la grille Postes sur la région dont on clique la barre', async () => {
    const page = app.page;
    const index = (await tableRows(page, TITLES.envelopes)).findIndex((r) => r.header === 'Occitanie');
    const canvas = figure(page, TITLES.envelopes).getByRole('img');
    await canvas.scrollIntoViewIfNeeded();
    // Where the bars of the envelope colour (#000091) are: the lowest pixel row crossing all 18 of them.
    const point = await canvas.evaluate((c: HTMLCanvasElement, i: number) => {
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const blue = (x: number, y: number) => {
        const k = (y * width + x) * 4;
        return data[k] === 0 && data[k + 1] === 0 && data[k + 2] === 145;
      };
      for (let y = height - 1; y >= 0; y--) {
        const runs: Array<[number, number]> = [];
        for (let x = 0; x < width; x++) {
          if (!blue(x, y)) continue;
          const last = runs.at(-1);
          if (last && last[1] === x - 1) last[1] = x;
          else runs.push([x, x]);
        }
        if (runs.length === 18) {
          const [from, to] = runs[i]!;
          const scale = c.width / c.clientWidth;
          return { x: (from + to) / 2 / scale, y: (y - 3) / scale };
        }
      }
      return null;
    }, index);
    expect(point).not.toBeNull();
    await canvas.click({ position: point! });
    await expect
      .poll(() => page.getByRole('tab', { name: 'Postes', exact: true }).getAttribute('aria-selected'))
      .toBe('true');
    const toolbar = page.getByRole('group', { name: 'Actions sur les postes' });
    expect(normalizeSpaces(await toolbar.innerText())).toContain('Région affichée : Occitanie');
  });

  it('n’a aucune violation d’accessibilité grave, ni erreur, ni requête externe', async () => {
    const page = app.page;
    await showTab(page, 'Tableau de bord');
    await figure(page, TITLES.envelopes).waitFor();
    expect(await runAxe(page, '#panel-dashboard')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
