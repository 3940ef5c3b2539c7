// Benchmark results: sampling statistics, the console table and bench-results.json (merged, one key per metric).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One measured operation. `target_ms` is the budget the median must stay under, or null when there is none. */
export interface Metric {
  median_ms: number;
  p95_ms: number;
  target_ms: number | null;
}

/** A benchmark part (`domain`, later `ui`, `io`…): returns metrics keyed `part.operation.size`. */
export type BenchPart = () => Promise<Record<string, Metric>>;

export const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Median and 95th percentile (nearest rank) of durations in ms, rounded to the microsecond. */
export function summarize(samples: readonly number[], target_ms: number | null): Metric {
  if (samples.length === 0) throw new Error('Aucune mesure');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (rank: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? at(Math.floor(mid)) : (at(mid - 1) + at(mid)) / 2;
  return { median_ms: round(median), p95_ms: round(at(Math.ceil(0.95 * sorted.length) - 1)), target_ms };
}

export interface SampleOptions {
  /** Untimed runs before measuring (JIT, caches). Default 5. */
  warmup?: number;
  /** Measure at least this many runs… Default 20. */
  minRuns?: number;
  /** …and for at least this long, in ms. Default 1000. */
  minTimeMs?: number;
  /** Stop anyway after this long, in ms, once 5 runs are measured. Default 15000. */
  maxTimeMs?: number;
  /** Never more than this many runs. Default 10000. */
  maxRuns?: number;
}

/** Holds the last result so the engine cannot drop the measured work as dead code. */
const sink: { value: unknown } = { value: undefined };

/** Times `run` repeatedly (synchronous work only) and returns the durations in ms. */
export function sample(run: () => unknown, options: SampleOptions = {}): number[] {
  const { warmup = 5, minRuns = 20, minTimeMs = 1000, maxTimeMs = 15_000, maxRuns = 10_000 } = options;
  for (let i = 0; i < warmup; i++) sink.value = run();
  const samples: number[] = [];
  const start = performance.now();
  for (;;) {
    const t0 = performance.now();
    sink.value = run();
    const t1 = performance.now();
    samples.push(t1 - t0);
    const elapsed = t1 - start;
    if (samples.length >= maxRuns) break;
    if (samples.length >= minRuns && elapsed >= minTimeMs) break;
    if (samples.length >= 5 && elapsed >= maxTimeMs) break;
  }
  sink.value = undefined;
  return samples;
}

function fmt(ms: number | null): string {
  return ms === null ? '—' : ms.toFixed(3);
}

/** The figure a target applies to: the 95th percentile for a metric named `….p95`, else the median. */
export function judged(key: string, m: Metric): number {
  return key.endsWith('.p95') ? m.p95_ms : m.median_ms;
}

/** Prints the metrics as a table with a verdict against each target. */
export function printTable(metrics: Record<string, Metric>): void {
  const rows = Object.entries(metrics).map(([key, m]) => [
    key,
    fmt(m.median_ms),
    fmt(m.p95_ms),
    fmt(m.target_ms),
    m.target_ms === null ? '' : judged(key, m) <= m.target_ms ? 'ok' : 'AU-DESSUS',
  ]);
  const header = ['metric', 'median ms', 'p95 ms', 'target ms', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** Merges the metrics into bench-results.json (other keys are kept) and returns the whole file's content. */
export function writeResults(metrics: Record<string, Metric>, file = RESULTS_FILE): Record<string, Metric> {
  let existing: Record<string, Metric> = {};
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Metric>;
    } catch {
      console.warn(`${file} illisible : il est remplacé.`);
    }
  }
  const merged = { ...existing, ...metrics }; // existing keys keep their place, new ones follow
  writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}
