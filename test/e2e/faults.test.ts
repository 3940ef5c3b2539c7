// Faults an import must survive, in the real browser (issue #7): the storage full (Chromium's quota for the app's
// origin forced small through the DevTools protocol), the import worker that dies, the import worker that hangs.
// Each time: the French message, nothing written to IndexedDB, and the app usable at once.
//
// Storage full: Chromium checks an IndexedDB transaction against the quota when it commits, but its IndexedDB
// remembers the free space the quota manager last reported and spends from that figure (decreasing to nothing over
// 30 s) without asking again. Overriding the quota (`Storage.overrideQuotaForOrigin`) after the app has written
// therefore changes nothing for up to 30 s: the cached free space, gigabytes, still allows every write. So the quota
// is forced small before the app first opens its database, like a nearly full disk from the start: the demo fits,
// a workbook of 2 000 positions does not. `Storage.getUsageAndQuota` shows the override;
// `navigator.storage.estimate()` does not (Chromium reports a fixed quota to pages).
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { REFUSAL } from '../../src/io/errors';
import { buildWorkbook } from '../../src/io/export/export-workbook';
import { readTimeoutMs } from '../../src/io/limits';
import { QUOTA_MESSAGE } from '../../src/storage/errors';
import { normalizeSpaces, openApp, type AppSession } from './browser';
import { cellText, typeInCell, waitForDemoRows } from './grid';

const FIXTURE_NAME = 'occitanie-postes.xlsx';
const FIXTURE = fileURLToPath(new URL(`../fixtures/${FIXTURE_NAME}`, import.meta.url));
const VALIDATE = "Valider l'import";
/** The planner's IndexedDB database (src/storage/db.ts, DEFAULT_DB_NAME). */
const DB_NAME = 'etp-planner';

const importDialog = (page: Page) => page.getByRole('dialog', { name: "Import d'un classeur" });
const dialogText = async (page: Page) => normalizeSpaces(await importDialog(page).innerText());
const rowCount = async (page: Page) =>
  Number(await page.getByRole('grid', { name: 'Postes' }).getAttribute('aria-rowcount'));

async function openImport(page: Page, file: string): Promise<void> {
  await page.getByLabel('Importer un classeur').setInputFiles(file);
  await importDialog(page).waitFor();
}

async function closeImport(page: Page): Promise<void> {
  await importDialog(page).getByRole('button', { name: 'Annuler', exact: true }).click();
  await importDialog(page).waitFor({ state: 'hidden' });
}

/** Waits for the preview and returns its counts (`1 929 postes à ajouter`, `71 postes à mettre à jour`). */
async function previewCounts(page: Page, timeout = 60_000): Promise<{ toAdd: number; toUpdate: number }> {
  await expect.poll(() => dialogText(page), { timeout }).toMatch(/\d postes? à ajouter/);
  const text = await dialogText(page);
  const count = (pattern: RegExp) => Number((pattern.exec(text)?.[1] ?? 'NaN').replace(/ /g, ''));
  return { toAdd: count(/([\d ]+) postes? à ajouter/), toUpdate: count(/([\d ]+) postes? à mettre à jour/) };
}

/** Waits for the success notice of an import and returns its title. */
async function importDone(page: Page): Promise<string> {
  await importDialog(page).waitFor({ state: 'hidden', timeout: 60_000 });
  const done = page.getByText(/^Import terminé/);
  await done.waitFor();
  return normalizeSpaces(await done.innerText());
}

/** What IndexedDB holds, read directly (not through the app): positions, change-log rows, undo entries, notes. */
async function readStores(
  page: Page,
): Promise<{ positions: number; changes: number; history: number; notes: string[] }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open'));
    });
    try {
      const tx = db.transaction(['positionBuckets', 'changes', 'history'], 'readonly');
      const ask = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('request'));
        });
      const [changes, history, buckets] = await Promise.all([
        ask(tx.objectStore('changes').count()),
        ask(tx.objectStore('history').count()),
        ask(tx.objectStore('positionBuckets').getAll()),
      ]);
      // Positions are packed in bucket rows (src/storage/buckets.ts).
      const rows = (buckets as { records: { notes?: unknown }[] }[]).flatMap((bucket) => bucket.records);
      const notes = rows.map((row) => String(row.notes ?? ''));
      return { positions: rows.length, changes, history, notes };
    } finally {
      db.close();
    }
  }, DB_NAME);
}

/** Positions, change-log rows and undo entries stored. */
async function stored(page: Page): Promise<{ positions: number; changes: number; history: number }> {
  const { positions, changes, history } = await readStores(page);
  return { positions, changes, history };
}

/** The notes of the stored positions. */
async function storedNotes(page: Page): Promise<string[]> {
  return (await readStores(page)).notes;
}

describe('stockage plein pendant un import (quota de Chromium réduit)', () => {
  const ROWS = 2_000;
  /** Bytes: holds the demo (about 260 kB on disk), not 2 000 more positions (about 4 MB). */
  const QUOTA = 1_000_000;
  const NOTE = 'Saisie malgré le stockage presque plein';
  const dir = mkdtempSync(join(tmpdir(), 'faults-quota-e2e-'));
  const file = join(dir, `postes-${ROWS}.xlsx`);
  let app: AppSession;
  let cdp: CDPSession;
  let origin: string;
  let before: Awaited<ReturnType<typeof stored>>;
  let rowsBefore: number;
  /** The preview of the generated workbook against the demo (some of its positions match demo ones). */
  let plan: { toAdd: number; toUpdate: number };

  const usageAndQuota = () => cdp.send('Storage.getUsageAndQuota', { origin });

  beforeAll(async () => {
    const source = generateScenario(ROWS, 11);
    const scenario = { ...source, positions: source.positions.map((p) => ({ ...p, id: `imp-${p.id}` })) };
    writeFileSync(
      file,
      new Uint8Array(await buildWorkbook(scenario, recompute(scenario), { bookType: 'xlsx' })),
    );
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'faults-quota-profile-')),
      viewport: { width: 1900, height: 1000 },
      navigate: false,
    });
    origin = new URL(app.baseUrl).origin;
    // The override lives as long as this DevTools session; it must come before the app's first write.
    cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
    await app.page.goto(app.baseUrl);
    await waitForDemoRows(app.page, 30_000);
  });
  afterAll(async () => app?.close());

  it('the quota of the origin is forced small and the demo fits in it', async () => {
    const { usage, quota, overrideActive } = await usageAndQuota();
    expect(overrideActive).toBe(true);
    expect(quota).toBe(QUOTA);
    expect(usage).toBeGreaterThan(0);
    expect(usage).toBeLessThan(QUOTA);
  });

  it(
    'refuses the import with the « stockage plein » message and writes nothing',
    { timeout: 120_000 },
    async () => {
      const page = app.page;
      before = await stored(page);
      rowsBefore = await rowCount(page);
      await openImport(page, file);
      plan = await previewCounts(page);
      expect(plan.toAdd).toBeGreaterThan(ROWS / 2);
      expect(plan.toAdd + plan.toUpdate).toBe(ROWS);
      await importDialog(page).getByRole('button', { name: VALIDATE }).click();

      const alert = importDialog(page).getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      const text = normalizeSpaces(await alert.innerText());
      expect(text).toContain('Import non enregistré');
      expect(text).toContain(
        `L’import du fichier « postes-${ROWS}.xlsx » n’a pas été enregistré : ${QUOTA_MESSAGE} Aucune donnée n’a été importée.`,
      );

      expect(await stored(page)).toEqual(before);
      expect(await rowCount(page)).toBe(rowsBefore);
      expect(await page.getByText(/^Import terminé/).count()).toBe(0);
      // The preview stays, so the import can be validated again once space is freed.
      expect(await importDialog(page).getByRole('button', { name: VALIDATE }).isEnabled()).toBe(true);
      await closeImport(page);
      expect(await stored(page)).toEqual(before);
      expect(await rowCount(page)).toBe(rowsBefore);
    },
  );

  it('keeps working under the same quota: an edit that fits is saved', async () => {
    const page = app.page;
    expect((await usageAndQuota()).overrideActive).toBe(true);
    await typeInCell(page, 'Postes', 'UD SIAE', 'Observations', NOTE);
    await expect.poll(() => cellText(page, 'Postes', NOTE, 'Observations')).toBe(NOTE);
    await expect.poll(() => storedNotes(page)).toContain(NOTE);
    // No write error shown (the page's alert regions stay empty).
    expect((await page.getByRole('alert').allInnerTexts()).filter((t) => t.trim() !== '')).toEqual([]);
  });

  it(
    'imports the same file once the space is there again (the refusal was the quota, not the file)',
    { timeout: 120_000 },
    async () => {
      const page = app.page;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      expect((await usageAndQuota()).overrideActive).toBe(false);
      const edited = await stored(page);

      await openImport(page, file);
      expect(await previewCounts(page)).toEqual(plan);
      await importDialog(page).getByRole('button', { name: VALIDATE }).click();
      const fr = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
      expect(await importDone(page)).toBe(
        `Import terminé : ${fr(plan.toAdd)} postes ajoutés, ${fr(plan.toUpdate)} mis à jour`,
      );
      expect((await stored(page)).positions).toBe(edited.positions + plan.toAdd);
      expect(await rowCount(page)).toBe(rowsBefore + plan.toAdd);
      // What the import takes on disk is more than the quota that refused it.
      expect((await usageAndQuota()).usage).toBeGreaterThan(QUOTA);
      expect(app.pageErrors).toEqual([]);
      expect(app.foreignRequests).toEqual([]);
    },
  );
});

describe("lecteur de fichiers (worker d'import) qui s'arrête ou ne répond plus", () => {
  /** The built worker: dist/assets/import-worker-<hash>.js (new Worker(new URL('./import-worker.ts', …))). */
  const WORKER_SCRIPT = /\/assets\/import-worker-[^/]+\.js$/;
  let app: AppSession;
  /** Import workers the page started, and whether each has ended (terminated or dead). */
  const workers: { url: string; closed: boolean }[] = [];

  /** Serves `body` instead of the import worker until `unroute`; returns how many times it was served. */
  async function fakeWorker(body: string): Promise<{ served: () => number; restore: () => Promise<void> }> {
    let served = 0;
    const handler = async (route: Route) => {
      served++;
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    };
    await app.page.route(WORKER_SCRIPT, handler);
    return { served: () => served, restore: () => app.page.unroute(WORKER_SCRIPT, handler) };
  }

  /** The fixture imports at once with the real worker: 8 positions added, then undone (one step). */
  async function importFixtureThenUndo(): Promise<void> {
    const page = app.page;
    const before = await stored(page);
    await openImport(page, FIXTURE);
    await expect.poll(() => dialogText(page), { timeout: 20_000 }).toContain('8 postes à ajouter');
    await importDialog(page).getByRole('button', { name: VALIDATE }).click();
    expect(await importDone(page)).toBe('Import terminé : 8 postes ajoutés, 0 mis à jour');
    expect((await stored(page)).positions).toBe(before.positions + 8);
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect.poll(async () => (await stored(page)).positions).toBe(before.positions);
  }

  let demoCleared: Promise<void> | undefined;
  /** Clears the demo once, before the first test that runs, be it the first of the file or one picked with `-t`. */
  const clearDemo = () =>
    (demoCleared ??= (async () => {
      await app.page
        .getByRole('button', { name: 'Vider les données de démonstration' })
        .click({ timeout: 15_000 });
      await app.page.getByRole('button', { name: 'Confirmer la suppression' }).click();
      await expect.poll(async () => (await stored(app.page)).positions).toBe(0);
    })());

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1600, height: 1000 } });
    app.page.on('worker', (worker) => {
      if (!WORKER_SCRIPT.test(worker.url())) return;
      const entry = { url: worker.url(), closed: false };
      workers.push(entry);
      worker.on('close', () => (entry.closed = true));
    });
  });
  afterAll(async () => app?.close());
  beforeEach(clearDemo);

  it('starts from the cleared demo', async () => {
    await expect.poll(async () => (await stored(app.page)).positions).toBe(0);
  });

  const CRASHES = [
    { when: 'au démarrage', body: "throw new Error('lecteur arrêté au démarrage (test)');" },
    {
      when: 'après son premier message',
      body:
        "self.onmessage = () => { self.postMessage({ type: 'progress', stage: 'guard' }); " +
        "throw new Error('lecteur arrêté en cours de lecture (test)'); };",
    },
  ];

  for (const { when, body } of CRASHES) {
    it(`a worker that dies ${when}: French message, nothing written, the next import works`, async () => {
      const page = app.page;
      const before = await stored(page);
      const started = workers.length;
      const fake = await fakeWorker(body);
      try {
        await openImport(page, FIXTURE);
        const alert = importDialog(page).getByRole('alert');
        await alert.waitFor({ timeout: 20_000 });
        const text = normalizeSpaces(await alert.innerText());
        expect(text).toContain('Fichier refusé');
        expect(text).toContain(REFUSAL.crashed(FIXTURE_NAME).message);
        expect(fake.served()).toBe(1);
        expect(await importDialog(page).getByRole('button', { name: VALIDATE }).count()).toBe(0);
        await expect
          .poll(() => workers.slice(started).map((w) => w.closed), { timeout: 10_000 })
          .toEqual([true]);
        expect(await stored(page)).toEqual(before);
        await closeImport(page);
      } finally {
        await fake.restore();
      }
      await importFixtureThenUndo();
    });
  }

  it(
    'a worker that never answers is stopped at the time limit and reported; the next import works',
    { timeout: 90_000 },
    async () => {
      const page = app.page;
      const limit = readTimeoutMs(statSync(FIXTURE).size);
      expect(limit).toBeLessThan(11_000);
      const before = await stored(page);
      const started = workers.length;
      // Busy for ever after its first progress message, like a parser stuck on a pathological file.
      const fake = await fakeWorker(
        "self.onmessage = () => { self.postMessage({ type: 'progress', stage: 'parse' }); for (;;) {} };",
      );
      try {
        const t0 = Date.now();
        await openImport(page, FIXTURE);
        // The page stays responsive while the worker spins: the progress and the stop button are there.
        const progress = importDialog(page).getByRole('status');
        await expect
          .poll(async () => normalizeSpaces(await progress.innerText()))
          .toBe('Étape 3 sur 5 : lecture des feuilles…');
        expect(await importDialog(page).getByRole('button', { name: 'Arrêter la lecture' }).count()).toBe(1);
        expect(workers.slice(started).map((w) => w.closed)).toEqual([false]);

        const alert = importDialog(page).getByRole('alert');
        await alert.waitFor({ timeout: limit + 10_000 });
        const elapsed = Date.now() - t0;
        expect(elapsed).toBeGreaterThanOrEqual(limit);
        expect(elapsed).toBeLessThan(limit + 10_000);
        const text = normalizeSpaces(await alert.innerText());
        expect(text).toContain('Fichier refusé');
        expect(text).toContain(REFUSAL.timeout(FIXTURE_NAME, limit).message);
        expect(text).toContain(`a dépassé 10 s`);
        expect(fake.served()).toBe(1);
        // Stopped, not left spinning: the worker has ended (tearing down a thread busy in a loop took up to
        // 2 s on a loaded 2-core VM).
        await expect
          .poll(() => workers.slice(started).map((w) => w.closed), { timeout: 10_000 })
          .toEqual([true]);
        expect(await importDialog(page).getByRole('button', { name: 'Arrêter la lecture' }).count()).toBe(0);
        expect(await stored(page)).toEqual(before);
        await closeImport(page);
      } finally {
        await fake.restore();
      }
      await importFixtureThenUndo();
      expect(app.pageErrors).toEqual([]);
      expect(app.foreignRequests).toEqual([]);
    },
  );
});
