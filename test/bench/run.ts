// `npm run bench`: runs every benchmark part, prints a table and merges the metrics into bench-results.json.
import { benchDomain } from './domain';
import { benchIo } from './io';
import { benchStorage } from './storage';
import { benchUi } from './ui';
import { printTable, RESULTS_FILE, writeResults, type BenchPart, type Metric } from './report';

/** Adding a part (ui, io…) is one entry here. */
const PARTS: ReadonlyArray<readonly [string, BenchPart]> = [
  ['domain', benchDomain],
  ['ui', benchUi],
  ['io', benchIo],
  ['storage', benchStorage],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const metrics: Record<string, Metric> = {};
  for (const [name, part] of PARTS) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`== ${name}`);
    Object.assign(metrics, await part());
  }
  console.log('');
  printTable(metrics);
  writeResults(metrics);
  console.log(`\nRésultats fusionnés dans ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
