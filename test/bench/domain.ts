// Domain benchmark: full recomputation of generated scenarios of 1 000, 10 000 and 100 000 positions.
import { generateScenario } from '../../src/domain/demo/generate';
import { recompute } from '../../src/domain/recompute';
import { sample, summarize, type Metric } from './report';

const SIZES: ReadonlyArray<{ count: number; label: string; target_ms: number | null }> = [
  { count: 1_000, label: '1k', target_ms: null },
  { count: 10_000, label: '10k', target_ms: 2 },
  { count: 100_000, label: '100k', target_ms: 20 },
];

export async function benchDomain(): Promise<Record<string, Metric>> {
  const metrics: Record<string, Metric> = {};
  for (const { count, label, target_ms } of SIZES) {
    const scenario = generateScenario(count);
    if (scenario.positions.length !== count) {
      throw new Error(`generateScenario(${count}) a produit ${scenario.positions.length} postes`);
    }
    const samples = sample(() => recompute(scenario));
    metrics[`domain.recompute.${label}`] = summarize(samples, target_ms);
    console.log(`domain.recompute.${label}: ${samples.length} mesures`);
  }
  return metrics;
}
