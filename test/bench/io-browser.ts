// The import as a person sees it, in the built app (dist/) in the system Chromium driven by playwright-core:
//
// - io.import_preview_shown.10k: a 10 000-position .xlsx exported by the app is chosen in `Importer un classeur`
//   until the dialog says `10 000 postes à ajouter` (reading in the worker, copy, preview on the page, rendering).
// - io.import_commit_shown.10k: click on `Valider l'import` until the notice `Import terminé…` is in the page: the
//   write into the browser's IndexedDB in one transaction (records, change log, undo entry), then the new scenario,
//   its figures and the grid.
// - io.export_shown.10k: then a click on `Exporter (.xlsx)` until the notice `Fichier « … » téléchargé` (the
//   scenario sent to the export worker, the workbook written and deflated there, the download handed over);
//   io.export_shown_again.10k: the same export once more (the worker kept from the first one, its code warm).
// - Each with its `….max_long_task_ms`: the longest task of the page meanwhile (how long it stopped answering).
//
// Timed in the page: capture-phase listeners note performance.now() at the input's `change` and at the click, a
// MutationObserver notes it when the expected text is in the DOM. Each run opens the app in Chromium with a fresh
// profile on disk (empty IndexedDB: the demo, then `Vider les données de démonstration`), not timed.
//
// A profile on disk, as a person has, not an incognito context: incognito keeps IndexedDB in memory, and that
// backend gets slower with every record a transaction writes (10 000 puts ≈ 2,2 s, 20 000 ≈ 7 s on the 2-core VM,
// against 1,3 s and 3 s on disk). BENCH_IO_INCOGNITO=1 measures that case (a person in a private window).
//
// Diagnostics (not needed for the figures):
// - BENCH_IO_TRACE=1 counts the requests of every read-write IndexedDB transaction made after the click, per store
//   and method, and prints when each one started and completed, and when the notice appeared (relative to the
//   click): the transaction against the work on the page after it. The counting wrappers slow the page down a
//   little.
// - BENCH_IO_PROFILE=<dir> records a CPU profile of the page from the click to the notice (see cpu-profile.ts);
//   BENCH_IO_DIST=<dir> serves another build, e.g. `npx vite build --minify false --outDir /tmp/dist-nomin`.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { buildWorkbook } from '../../src/io/export/export-workbook';
import { summarize, type Metric } from './report';
import { createProfiler, type Profiler } from './cpu-profile';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium';
import { serveDist } from '../e2e/static-server';

const COUNT = 10_000;
const RUNS = 3;

interface IoProbe {
  changeAt: number | null;
  previewAt: number | null;
  clickAt: number | null;
  doneAt: number | null;
  /** The page's long tasks (over 50 ms), from the PerformanceObserver. */
  tasks: LongTask[];
}

interface LongTask {
  start: number;
  duration: number;
}

/** The longest of the tasks that overlap [from, to] (0 when none), in ms. */
function longestTask(tasks: readonly LongTask[], from: number, to: number): number {
  const during = tasks.filter((t) => t.start + t.duration > from && t.start < to);
  return Math.max(0, ...during.map((t) => t.duration));
}

/** Runs in the page: the probe of one import. */
function installProbe(): void {
  const probe: IoProbe = { changeAt: null, previewAt: null, clickAt: null, doneAt: null, tasks: [] };
  (window as unknown as { __ioProbe: IoProbe }).__ioProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const ac = new AbortController();
  document.addEventListener(
    'change',
    (e) => {
      if ((e.target as HTMLElement | null)?.id === 'import-file') probe.changeAt = performance.now();
    },
    { capture: true, signal: ac.signal },
  );
  document.addEventListener(
    'click',
    (e) => {
      const button = (e.target as HTMLElement | null)?.closest('button');
      if (button?.textContent?.trim() === "Valider l'import") probe.clickAt = performance.now();
    },
    { capture: true, signal: ac.signal },
  );
  const observer = new MutationObserver(() => {
    if (probe.previewAt === null) {
      const text = document.querySelector('dialog[open]')?.textContent ?? '';
      if (/10\s000 postes à ajouter/.test(text)) probe.previewAt = performance.now();
    } else if (probe.clickAt !== null && document.body.textContent?.includes('Import terminé')) {
      probe.doneAt = performance.now();
      observer.disconnect();
      ac.abort();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

interface IdbTrace {
  /** Transactions: mode, start (transaction()) and end (complete/abort) in page time, requests made. */
  transactions: { mode: string; start: number; end: number | null; requests: Record<string, number> }[];
}

/**
 * Runs in the page before the app (BENCH_IO_TRACE=1): counts the requests of every IndexedDB transaction per
 * store and method, and notes when it starts and completes. Diagnostic only.
 */
function installIdbTrace(): void {
  const trace: IdbTrace = { transactions: [] };
  (window as unknown as { __idbTrace: IdbTrace }).__idbTrace = trace;
  const current = new WeakMap<IDBTransaction, IdbTrace['transactions'][number]>();
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
    const tx = transaction.apply(this, args);
    const entry = { mode: tx.mode, start: performance.now(), end: null as number | null, requests: {} };
    trace.transactions.push(entry);
    current.set(tx, entry);
    const end = () => (entry.end = performance.now());
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  };
  const count = (proto: object, kind: string, methods: string[], txOf: (self: never) => IDBTransaction) => {
    for (const m of methods) {
      const original = (proto as Record<string, (...a: unknown[]) => unknown>)[m];
      if (!original) continue;
      (proto as Record<string, unknown>)[m] = function (this: never, ...a: unknown[]) {
        const entry = current.get(txOf(this));
        if (entry) {
          const name = `${(this as { name: string }).name}.${kind}${m}`;
          entry.requests[name] = (entry.requests[name] ?? 0) + 1;
        }
        return original.apply(this, a);
      };
    }
  };
  const storeMethods = [
    'get',
    'getAll',
    'getAllKeys',
    'put',
    'add',
    'delete',
    'count',
    'openCursor',
    'openKeyCursor',
  ];
  count(IDBObjectStore.prototype, '', storeMethods, (s: IDBObjectStore) => s.transaction);
  count(IDBIndex.prototype, 'index.', storeMethods, (i: IDBIndex) => i.objectStore.transaction);
}

async function oneImport(
  newContext: () => Promise<BrowserContext>,
  url: string,
  file: string,
  profiler: ((page: Page) => Promise<Profiler>) | null,
): Promise<ImportTimes & { export: number; exportLongestTask: number; exportAgain: number }> {
  const context = await newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn(`Erreur de la page : ${e.message}`));
    // tsx compiles this file with esbuild's keepNames: a function serialised for the page may call `__name`.
    await page.addInitScript('globalThis.__name ??= (f) => f;');
    if (process.env.BENCH_IO_TRACE) await page.addInitScript(installIdbTrace);
    await page.goto(url);
    await page.getByRole('button', { name: 'Vider les données de démonstration' }).click({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    const p = profiler ? await profiler(page) : null;
    const r = await timedImport(page, file, p);
    if (process.env.BENCH_IO_TRACE) await printIdbTrace(page);
    await p?.report('import-commit');
    const e = await timedExport(page);
    const again = await timedExport(page);
    return { ...r, export: e.duration, exportLongestTask: e.longestTask, exportAgain: again.duration };
  } finally {
    await context.close();
  }
}

/** The transactions made since the click on `Valider l'import`, relative to it. */
async function printIdbTrace(page: Page): Promise<void> {
  const { trace, probe } = await page.evaluate(() => ({
    trace: (window as unknown as { __idbTrace: IdbTrace }).__idbTrace,
    probe: (window as unknown as { __ioProbe: IoProbe }).__ioProbe,
  }));
  const click = probe.clickAt ?? 0;
  for (const t of trace.transactions.filter((x) => x.start >= click)) {
    const total = Object.values(t.requests).reduce((a, b) => a + b, 0);
    console.log(
      `  transaction ${t.mode} : début +${(t.start - click).toFixed(0)} ms, fin +${((t.end ?? NaN) - click).toFixed(0)} ms, ` +
        `${total} requêtes ${JSON.stringify(t.requests)}`,
    );
  }
  console.log(`  notice affichée : +${((probe.doneAt ?? NaN) - click).toFixed(0)} ms`);
}

async function timedImport(page: Page, file: string, profiler: Profiler | null): Promise<ImportTimes> {
  await page.evaluate(installProbe);
  const probe = () => page.evaluate(() => (window as unknown as { __ioProbe: IoProbe }).__ioProbe);
  await page.getByLabel('Importer un classeur').setInputFiles(file);
  await page.waitForFunction(
    () => (window as unknown as { __ioProbe: IoProbe }).__ioProbe.previewAt !== null,
    null,
    {
      timeout: 60_000,
    },
  );
  const dialog = page.getByRole('dialog', { name: "Import d'un classeur" });
  await profiler?.start();
  await dialog.getByRole('button', { name: "Valider l'import" }).click();
  await page.waitForFunction(
    () => (window as unknown as { __ioProbe: IoProbe }).__ioProbe.doneAt !== null,
    null,
    {
      timeout: 60_000,
    },
  );
  await profiler?.pause();
  const p = await probe();
  const [change, preview, click, done] = [p.changeAt ?? 0, p.previewAt ?? 0, p.clickAt ?? 0, p.doneAt ?? 0];
  return {
    preview: preview - change,
    previewLongestTask: longestTask(p.tasks, change, preview),
    commit: done - click,
    commitLongestTask: longestTask(p.tasks, click, done),
  };
}

/** One import and export as a person sees them: durations and the longest task of the page in each, in ms. */
interface ImportTimes {
  preview: number;
  previewLongestTask: number;
  commit: number;
  commitLongestTask: number;
}

interface ExportProbe {
  clickAt: number | null;
  doneAt: number | null;
  tasks: LongTask[];
}

/** From a click on `Exporter (.xlsx)` to the notice that the file was handed over, and the longest task meanwhile. */
async function timedExport(page: Page): Promise<{ duration: number; longestTask: number }> {
  await page.evaluate(() => {
    const probe: ExportProbe = { clickAt: null, doneAt: null, tasks: [] };
    (window as unknown as { __exportProbe: ExportProbe }).__exportProbe = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    document.addEventListener(
      'click',
      (e) => {
        const button = (e.target as HTMLElement | null)?.closest('button');
        if (button?.textContent?.trim() === 'Exporter (.xlsx)') probe.clickAt = performance.now();
      },
      { capture: true },
    );
    // The notice of an earlier export goes when the export starts: the new one must appear after that.
    let noticeGone = false;
    const observer = new MutationObserver(() => {
      if (probe.clickAt === null) return;
      const shown = /Fichier « [^»]+ » téléchargé/.test(document.body.textContent ?? '');
      if (!shown) noticeGone = true;
      else if (noticeGone) {
        probe.doneAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Exporter (.xlsx)', exact: true }).click(),
  ]);
  await page.waitForFunction(
    () => (window as unknown as { __exportProbe: ExportProbe }).__exportProbe.doneAt !== null,
    null,
    { timeout: 60_000 },
  );
  const p = await page.evaluate(() => (window as unknown as { __exportProbe: ExportProbe }).__exportProbe);
  const from = p.clickAt ?? 0;
  const to = p.doneAt ?? 0;
  return { duration: to - from, longestTask: longestTask(p.tasks, from, to) };
}

export async function benchIoBrowser(): Promise<Record<string, Metric>> {
  const executablePath = resolveChromium();
  const dir = mkdtempSync(join(tmpdir(), 'etp-bench-io-'));
  const file = join(dir, 'postes-10000.xlsx');
  const scenario = structuredClone(generateScenario(COUNT));
  writeFileSync(
    file,
    new Uint8Array(await buildWorkbook(scenario, recompute(scenario), { bookType: 'xlsx' })),
  );
  console.log(
    `io navigateur : charge de la machine ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const server = await serveDist(process.env.BENCH_IO_DIST || undefined);
  const onDisk = !process.env.BENCH_IO_INCOGNITO;
  const options = { locale: 'fr-FR', viewport: { width: 1366, height: 900 } };
  const launch = { executablePath, headless: true, args: [...CHROMIUM_ARGS] };
  let browser: Browser | null = null;
  try {
    if (!onDisk) browser = await chromium.launch(launch);
    const newContext = async (): Promise<BrowserContext> => {
      if (browser) return browser.newContext(options);
      const profile = mkdtempSync(join(dir, 'profil-'));
      return chromium.launchPersistentContext(profile, { ...launch, ...options });
    };
    const preview: number[] = [];
    const commit: number[] = [];
    const exported: number[] = [];
    const exportedAgain: number[] = [];
    const exportTasks: number[] = [];
    const previewTasks: number[] = [];
    const commitTasks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const profileDir = process.env.BENCH_IO_PROFILE;
      const profiler = profileDir ? (page: Page) => createProfiler(page, profileDir) : null;
      const r = await oneImport(newContext, server.url, file, profiler);
      preview.push(r.preview);
      commit.push(r.commit);
      exported.push(r.export);
      exportedAgain.push(r.exportAgain);
      exportTasks.push(r.exportLongestTask);
      previewTasks.push(r.previewLongestTask);
      commitTasks.push(r.commitLongestTask);
      console.log(
        `io navigateur${onDisk ? ' (profil sur disque)' : ''}, import ${run + 1} (tâche la plus longue entre ` +
          `parenthèses) : aperçu ${r.preview.toFixed(0)} ms (${r.previewLongestTask.toFixed(0)} ms), validation ` +
          `${r.commit.toFixed(0)} ms (${r.commitLongestTask.toFixed(0)} ms) ; export ${r.export.toFixed(0)} ms ` +
          `(${r.exportLongestTask.toFixed(0)} ms), à nouveau ${r.exportAgain.toFixed(0)} ms`,
      );
    }
    return {
      'io.import_preview_shown.10k': summarize(preview, 2000),
      'io.import_commit_shown.10k': summarize(commit, 1000),
      'io.import_preview_shown.10k.max_long_task_ms': summarize(previewTasks, null),
      'io.import_commit_shown.10k.max_long_task_ms': summarize(commitTasks, null),
      'io.export_shown.10k': summarize(exported, null),
      'io.export_shown.10k.max_long_task_ms': summarize(exportTasks, null),
      'io.export_shown_again.10k': summarize(exportedAgain, null),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
