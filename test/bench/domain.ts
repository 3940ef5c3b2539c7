// Domain benchmark: full recomputation of generated scenarios of 1 000, 10 000 and 100 000 positions, and the
// incremental recomputation after the edit of one position (the app's edit path).
//
// The scenario is passed through structuredClone before timing. In the app the data comes from IndexedDB, which
// stores and reads it by structured clone: every position, co-funding and string is then a separate object
// laid out by the deserialiser, not the compact objects and shared string constants the generator builds. The
// recompute is bound by memory accesses, so the two layouts time differently (measured on a 2-core VM: 2 to 2.5×
// apart, the freshly generated objects being the slower ones): only the cloned one says what the app will see.
import { generateScenario, seededRandom } from '../../src/domain/demo/generate';
import { fte } from '../../src/domain/fte';
import { IndexCache } from '../../src/domain/index-cache';
import type { Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { createRecomputer } from '../../src/domain/recompute-incremental';
import type { Position, Scenario } from '../../src/domain/types';
import { sample, summarize, type Metric, type SampleOptions } from './report';

const SIZES: ReadonlyArray<{ count: number; label: string; target_ms: number | null; edits: boolean }> = [
  { count: 1_000, label: '1k', target_ms: null, edits: false },
  { count: 10_000, label: '10k', target_ms: 2, edits: true },
  { count: 100_000, label: '100k', target_ms: 20, edits: true },
];

export async function benchDomain(): Promise<Record<string, Metric>> {
  const metrics: Record<string, Metric> = {};
  for (const { count, label, target_ms, edits } of SIZES) {
    const generated = generateScenario(count);
    if (generated.positions.length !== count) {
      throw new Error(`generateScenario(${count}) a produit ${generated.positions.length} postes`);
    }
    const scenario = structuredClone(generated); // as read back from IndexedDB (see above)

    // Full recompute, from scratch at every run (no recomputer: nothing carried over from the previous run
    // but the id → index map of the positions and the id → index map of the structures, kept in one IndexCache
    // as the recomputer keeps them, since an edit changes neither the ids nor the structures array).
    const cache = new IndexCache();
    const samples = sample(() => recompute(scenario, cache));
    metrics[`domain.recompute.${label}`] = summarize(samples, target_ms);
    console.log(`domain.recompute.${label}: ${samples.length} mesures`);

    if (edits) {
      const { samples: editSamples, firstSmallFte } = sampleEdits(scenario);
      metrics[`domain.recompute_after_edit.${label}`] = summarize(editSamples, target_ms);
      console.log(
        `domain.recompute_after_edit.${label}: ${editSamples.length} mesures ` +
          `(première saisie d'un ETP < 0,5 : ${firstSmallFte.toFixed(3)} ms, qui construit une fois l'index des structures ` +
          `pour les messages et le hachage des identifiants de structure des postes)`,
      );
    }
  }
  return metrics;
}

/**
 * Times the recomputer on a sequence of one-position edits, each a new scenario with a new positions array where
 * one position is replaced by an edited copy (what src/state does on a cell edit). Building that scenario is not
 * timed: only `recomputer(next)` is. The edits cycle through an amount, a co-funding, the ETP (every other time
 * under 0,5, which brings rule 4 into play) and the cohort, on positions spread over the array.
 */
function sampleEdits(
  scenario: Scenario,
  options: SampleOptions = {},
): { samples: number[]; firstSmallFte: number } {
  const { warmup = 5, minRuns = 20, minTimeMs = 1000, maxTimeMs = 15_000, maxRuns = 10_000 } = options;
  const recomputer = createRecomputer();
  const rand = seededRandom(7);
  let current = scenario;
  let k = 0;
  let firstSmallFte = NaN;
  let sink: unknown = recomputer(current);
  const step = (): number => {
    const next = editOne(current, Math.floor(rand() * current.positions.length), k);
    const t0 = performance.now();
    sink = recomputer(next);
    const t1 = performance.now();
    if (recomputer.lastPath !== 'incremental')
      throw new Error(`recompute_after_edit : chemin ${recomputer.lastPath}`);
    if (k % 8 === 2 && Number.isNaN(firstSmallFte)) firstSmallFte = t1 - t0;
    current = next;
    k += 1;
    return t1 - t0;
  };
  for (let i = 0; i < warmup; i++) step();
  const samples: number[] = [];
  const start = performance.now();
  for (;;) {
    samples.push(step());
    const elapsed = performance.now() - start;
    if (samples.length >= maxRuns) break;
    if (samples.length >= minRuns && elapsed >= minTimeMs) break;
    if (samples.length >= 5 && elapsed >= maxTimeMs) break;
  }
  void sink;
  return { samples, firstSmallFte };
}

function editOne(s: Scenario, i: number, k: number): Scenario {
  const positions = s.positions.slice();
  const p = positions[i] as Position;
  let edited: Position;
  switch (k % 4) {
    case 0:
      edited = { ...p, stateAmount: (p.stateAmount + (k % 8 === 0 ? 1_000 : -1_000)) as Cents };
      break;
    case 1: {
      const [first, ...rest] = p.coFundings;
      edited = first
        ? { ...p, coFundings: [{ ...first, amount: (first.amount + 500) as Cents }, ...rest] }
        : p;
      break;
    }
    case 2:
      edited = { ...p, fte: fte(k % 8 === 2 ? 40 : 100) };
      break;
    default:
      edited = { ...p, cohort: p.cohort === 2026 ? 2025 : 2026 };
  }
  positions[i] = edited === p ? { ...p } : edited;
  return { ...s, positions };
}
