// Optional CPU profiles of the browser benchmark (BENCH_UI_PROFILE=<dir>): Chromium's sampling profiler through
// the DevTools protocol, saved as .cpuprofile (open in Chrome DevTools › Performance) and summarised as the
// functions with the most self and total time. Build with `vite build --minify false` for readable names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonyme)'} ${file}:${frame.lineNumber + 1}`;
}

/** Self and total (inclusive, each function counted once per sample) time per function, summed over profiles. */
export function summariseProfiles(profiles: readonly CpuProfile[]): ProfileLine[] {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const profile of profiles) {
    const parent = new Map<number, number>();
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) {
      byId.set(node.id, node);
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      let id: number | undefined = samples[i];
      const leaf = id === undefined ? undefined : byId.get(id);
      if (!leaf) continue;
      const leafName = label(leaf.callFrame);
      self.set(leafName, (self.get(leafName) ?? 0) + ms);
      const seen = new Set<string>();
      while (id !== undefined) {
        const node = byId.get(id);
        if (!node) break;
        const name = label(node.callFrame);
        if (!seen.has(name)) {
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + ms);
        }
        id = parent.get(id);
      }
    }
  }
  return [...total.entries()]
    .filter(([name]) => !/^\((root|program|idle)\)/.test(name))
    .map(([name, totalMs]) => ({ name, selfMs: self.get(name) ?? 0, totalMs }));
}

export interface Profiler {
  /** Starts sampling (again). */
  start(): Promise<void>;
  /** Stops sampling and keeps what was recorded. */
  pause(): Promise<void>;
  /** Saves the recorded profiles as `<dir>/<name>-<i>.cpuprofile` and prints the top functions (ms per run). */
  report(name: string, top?: number): Promise<void>;
}

/** A sampling profiler on the page through the DevTools protocol. */
export async function createProfiler(page: Page, dir: string): Promise<Profiler> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  const profiles: CpuProfile[] = [];
  return {
    async start() {
      await session.send('Profiler.start');
    },
    async pause() {
      const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
      profiles.push(profile);
    },
    async report(name, top = 20) {
      await session.detach();
      mkdirSync(dir, { recursive: true });
      profiles.forEach((p, i) => writeFileSync(join(dir, `${name}-${i}.cpuprofile`), JSON.stringify(p)));
      const lines = summariseProfiles(profiles);
      const n = Math.max(1, profiles.length);
      const row = (l: ProfileLine) =>
        `  ${(l.totalMs / n).toFixed(1).padStart(8)} ${(l.selfMs / n).toFixed(1).padStart(8)}  ${l.name}`;
      console.log(
        `profil ${name} (${profiles.length} exécutions, ${dir}) — ms par exécution, total / propre :`,
      );
      for (const l of [...lines].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(l));
      console.log('  … les plus coûteuses en temps propre :');
      for (const l of [...lines].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(row(l));
    },
  };
}
