// io benchmark part, for test/bench/run.ts (add ['io', benchIo] to PARTS): a 10 000-position workbook exported
// by the app, read as the worker reads it (guards, streamed size check, SheetJS), passed through a structured
// clone and the allowlist copy (what postMessage and import-client do), then found, mapped, restored and
// planned into an empty 2026 scenario (the preview); and the export of the same scenario, as the export worker
// writes it (deflated by the platform).
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { buildWorkbook } from '../../src/io/export/export-workbook';
import { previewImport } from '../../src/io/plan/import-preview';
import { readWorkbookBytesVerified } from '../../src/io/read/read-workbook';
import { copyWorkbookData } from '../../src/io/workbook-data';
import { summarize, type Metric } from '../bench/report';

async function timeAsync(run: () => Promise<unknown>, warmup = 2, runs = 8): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function benchIo(): Promise<Record<string, Metric>> {
  const scenario = structuredClone(generateScenario(10_000));
  const figures = recompute(scenario);
  const empty = { ...scenario, structures: [], positions: [] };
  const metrics: Record<string, Metric> = {};

  // What the export worker runs: the workbook deflated by the platform.
  metrics['io.export.10k'] = summarize(
    await timeAsync(() => buildWorkbook(scenario, figures, { bookType: 'xlsx' })),
    1000,
  );
  metrics['io.export_ods.10k'] = summarize(
    await timeAsync(() => buildWorkbook(scenario, figures, { bookType: 'ods' }), 1, 3),
    null,
  );

  const xlsx = new Uint8Array(await buildWorkbook(scenario, figures, { bookType: 'xlsx' }));
  metrics['io.import_preview.10k'] = summarize(
    await timeAsync(async () => {
      const read = await readWorkbookBytesVerified('postes.xlsx', xlsx.slice());
      const workbook = copyWorkbookData(structuredClone(read), 'postes.xlsx');
      if (!workbook) throw new Error('copie refusée');
      let n = 0;
      const result = previewImport(workbook, empty, { newId: (k) => `${k}-${++n}` });
      if (!result.ok || result.preview.plan?.toAdd.length !== 10_000) throw new Error('aperçu incomplet');
    }),
    2000,
  );
  Object.assign(metrics, await benchLoad());
  for (const [key, m] of Object.entries(metrics)) console.log(`${key}: médiane ${m.median_ms.toFixed(0)} ms`);
  return metrics;
}

/** Load cases of the hardening issue (information, no target): export of 100 000 rows, preview of 20 000. */
async function benchLoad(): Promise<Record<string, Metric>> {
  const big = structuredClone(generateScenario(100_000));
  const bigFigures = recompute(big);
  const metrics: Record<string, Metric> = {};
  metrics['io.export.100k'] = summarize(
    await timeAsync(() => buildWorkbook(big, bigFigures, { bookType: 'xlsx' }), 0, 3),
    null,
  );
  const mid = structuredClone(generateScenario(20_000, 3));
  const xlsx = new Uint8Array(await buildWorkbook(mid, recompute(mid), { bookType: 'xlsx' }));
  const empty = { ...mid, structures: [], positions: [] };
  metrics['io.import_preview.20k'] = summarize(
    await timeAsync(
      async () => {
        const read = await readWorkbookBytesVerified('postes.xlsx', xlsx.slice());
        const workbook = copyWorkbookData(structuredClone(read), 'postes.xlsx');
        let n = 0;
        const result = workbook && previewImport(workbook, empty, { newId: (k) => `${k}-${++n}` });
        if (!result?.ok || result.preview.plan?.toAdd.length !== 20_000) throw new Error('aperçu incomplet');
      },
      0,
      3,
    ),
    null,
  );
  return metrics;
}
