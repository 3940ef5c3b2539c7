// io benchmark part (`npm run bench` or `node --import tsx test/bench/run.ts io`):
//
// - io.export.10k, io.export_ods.10k (info), io.import_preview.10k: from test/io/bench-io.ts — a 10 000-position
//   workbook exported by the app, read as the worker reads it (guards, streamed size check, SheetJS), copied as
//   postMessage and import-client do (structured clone, allowlist copy), then found, mapped, restored and planned
//   into an empty 2026 scenario; the export of the same scenario.
// - io.import_commit.10k: the plan of that preview (10 000 positions and their structures) turned into ops by
//   src/state/import-summary.ts and written by the real storage code, applyChange (records, change-log rows and the
//   undo entry in one transaction), on fake-indexeddb in Node. Not a stand-in for the browser: it keeps everything
//   in memory, while Chromium's browser process spends about 0,1 ms on each of the ~350 requests of the transaction
//   (records packed in buckets, ADR 0005) and writes to disk. So this figure is the JavaScript cost of the commit
//   (storage code, Dexie, change log); the figure a person waits for is the in-browser one below.
// - io.import_preview_shown.10k, io.import_commit_shown.10k: the same in the built app in Chromium, from the file
//   chosen to the preview shown and from `Valider l'import` to the success notice (see io-browser.ts).
import 'fake-indexeddb/auto';
import { emptyScenario } from '../../src/domain/demo';
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { buildWorkbook } from '../../src/io/export/export-workbook';
import { previewImport } from '../../src/io/plan/import-preview';
import { readWorkbookBytesVerified } from '../../src/io/read/read-workbook';
import { copyWorkbookData } from '../../src/io/workbook-data';
import { importLabel, importOps } from '../../src/state/import-summary';
import { applyChange } from '../../src/storage/changes';
import { openPlannerDb } from '../../src/storage/db';
import { createScenario } from '../../src/storage/scenarios';
import { benchIo as benchIoFiles } from '../io/bench-io';
import { benchIoBrowser } from './io-browser';
import { summarize, type Metric } from './report';

const COUNT = 10_000;
const COMMIT_WARMUP = 1;
const COMMIT_RUNS = 5;

/** The ops of importing a 10 000-position workbook exported by the app into an empty scenario. */
async function importOpsOf10k() {
  const source = structuredClone(generateScenario(COUNT));
  const bytes = new Uint8Array(await buildWorkbook(source, recompute(source), { bookType: 'xlsx' }));
  const read = await readWorkbookBytesVerified('postes.xlsx', bytes);
  const workbook = copyWorkbookData(structuredClone(read), 'postes.xlsx');
  if (!workbook) throw new Error('copie refusée');
  const empty = emptyScenario('bench-empty', new Date().toISOString());
  let n = 0;
  const result = previewImport(workbook, empty, { newId: (k) => `${k}-${++n}` });
  const plan = result.ok ? result.preview.plan : null;
  if (!plan || plan.toAdd.length !== COUNT) throw new Error('aperçu incomplet');
  return { ops: importOps(plan), label: importLabel('postes.xlsx', plan) };
}

async function benchCommit(): Promise<Metric> {
  const { ops, label } = await importOpsOf10k();
  const db = await openPlannerDb(`bench-io-${Date.now()}`);
  const samples: number[] = [];
  try {
    for (let run = 0; run < COMMIT_WARMUP + COMMIT_RUNS; run++) {
      // A fresh empty scenario per run (not timed): the import adds every record.
      const scenarioId = `bench-${run}`;
      await createScenario(db, emptyScenario(scenarioId, new Date().toISOString()), {
        who: 'Banc d’essai',
        source: 'demo',
        label: 'Scénario vide',
      });
      const t0 = performance.now();
      const result = await applyChange(db, { scenarioId, ops, label, who: 'Banc d’essai', source: 'import' });
      const t1 = performance.now();
      if (result.ops.length !== ops.length)
        throw new Error(`${result.ops.length} ops écrites sur ${ops.length}`);
      if (run >= COMMIT_WARMUP) samples.push(t1 - t0);
    }
  } finally {
    db.close();
  }
  return summarize(samples, 1000);
}

export async function benchIo(): Promise<Record<string, Metric>> {
  const metrics = await benchIoFiles();
  metrics['io.import_commit.10k'] = await benchCommit();
  console.log(
    `io.import_commit.10k: médiane ${metrics['io.import_commit.10k'].median_ms.toFixed(0)} ms (fake-indexeddb : coût JavaScript, sans les entrées-sorties du navigateur)`,
  );
  Object.assign(metrics, await benchIoBrowser());
  for (const key of ['io.import_preview_shown.10k', 'io.import_commit_shown.10k'])
    console.log(`${key}: médiane ${metrics[key]?.median_ms.toFixed(0)} ms (navigateur)`);
  return metrics;
}
