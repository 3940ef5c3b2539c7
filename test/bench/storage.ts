// storage benchmark part (`npm run bench`, or `node --import tsx test/bench/run.ts storage` after `vite build`):
//
// - storage.upgrade_start.10k: the first start of this build on a database the previous release left (schema
//   version 2, one row per position; 10 000 generated positions): from the navigation to the first Postes row,
//   the version-3 upgrade (records packed in buckets, ADR 0005) included. It runs once per browser profile.
// - storage.start_after_upgrade.10k: the next start (a reload) of the same profile, for comparison.
//
// Each run writes the version-2 database in a fresh Chromium profile on disk (not timed), with the raw IndexedDB
// API from a same-origin page where the app does not run (test/e2e/older-version.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateScenario } from '../../src/domain/demo/generate';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/chromium';
import { installedDatabase, writeOlderVersion } from '../e2e/older-version';
import { serveDist } from '../e2e/static-server';
import { V2_ROWS } from '../storage/fixtures/v2-rows';
import { summarize, type Metric } from './report';

const COUNT = 10_000;
const RUNS = 3;

/** The frozen version-2 scenario row and settings, with COUNT generated positions and their structures. */
function version2Rows(): Record<string, object[]> {
  const generated = generateScenario(COUNT);
  const [scenario] = (V2_ROWS.scenarios ?? []) as Record<string, unknown>[];
  const scenarioId = String(scenario?.id);
  return {
    scenarios: [{ ...scenario, regions: generated.regions }],
    meta: [...(V2_ROWS.meta ?? [])],
    positions: generated.positions.map((p, order) => ({ ...p, scenarioId, order })),
    structures: generated.structures.map((s, order) => ({ ...s, scenarioId, order })),
  };
}

/** Milliseconds from the navigation (or reload) to the first position row of the Postes grid. */
async function untilRows(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await navigate();
  await page
    .getByRole('grid', { name: 'Postes', exact: true })
    .getByRole('row')
    .nth(2)
    .waitFor({ timeout: 120_000 });
  return performance.now() - started;
}

export async function benchStorage(): Promise<Record<string, Metric>> {
  console.log(
    `storage : charge de la machine ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const rows = version2Rows();
  const server = await serveDist(process.env.BENCH_UI_DIST || undefined);
  const dir = mkdtempSync(join(tmpdir(), 'etp-bench-storage-'));
  const upgrade: number[] = [];
  const next: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profil-')), {
        executablePath: resolveChromium(),
        headless: true,
        args: [...CHROMIUM_ARGS],
        locale: 'fr-FR',
        viewport: { width: 1366, height: 900 },
      });
      try {
        // tsx compiles with esbuild's keepNames: a function serialised for the page may call `__name`.
        await context.addInitScript('globalThis.__name ??= (f) => f;');
        const page = context.pages()[0] ?? (await context.newPage());
        await writeOlderVersion(page, server.url, 2, rows);
        const first = await untilRows(page, () => page.goto(server.url));
        const installed = await installedDatabase(page);
        if (installed.stores.includes('positions'))
          throw new Error(`Base non mise à jour : ${installed.stores}`);
        const again = await untilRows(page, () => page.reload());
        upgrade.push(first);
        next.push(again);
        console.log(
          `storage, profil ${run + 1} : premier démarrage (mise à jour de ${COUNT} postes) ${first.toFixed(0)} ms, ` +
            `démarrage suivant ${again.toFixed(0)} ms`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    'storage.upgrade_start.10k': summarize(upgrade, null),
    'storage.start_after_upgrade.10k': summarize(next, null),
  };
}
