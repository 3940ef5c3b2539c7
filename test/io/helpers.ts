// Builders for io tests: the bytes of the workbooks in test/fixtures, a 2026 scenario, deterministic ids, a full
// import, a fake worker.
import { readFileSync } from 'node:fs';
import type { Position, Scenario, Structure } from '../../src/domain/types';
import type { WorkerLike } from '../../src/io/read/import-client';
import { previewImport, type ImportPreview, type PreviewOptions } from '../../src/io/plan/import-preview';
import { readWorkbookBytes } from '../../src/io/read/read-workbook';
import { scenario } from '../domain/helpers';

export const FIXTURES = [
  'occitanie-postes.xlsx',
  'occitanie-postes.xls',
  'occitanie-postes.ods',
  'occitanie-postes-cp1252.csv',
] as const;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

export function scenario2026(positions: Position[] = [], structures: Structure[] = []): Scenario {
  return { ...scenario(positions, structures), id: 'io-test', name: 'Test import' };
}

export function idMaker(): (kind: 'position' | 'structure') => string {
  let n = 0;
  return (kind) => `${kind === 'position' ? 'p' : 's'}-new-${++n}`;
}

/** Reads bytes and previews their import into `current`; throws when the preview is refused. */
export function importBytes(
  name: string,
  bytes: Uint8Array | ArrayBuffer,
  current: Scenario,
  options: Partial<PreviewOptions> = {},
): ImportPreview {
  const result = previewImport(readWorkbookBytes(name, bytes), current, { newId: idMaker(), ...options });
  if (!result.ok) throw new Error(result.message);
  return result.preview;
}

/** The scenario after applying a plan (what the commit would write), for recompute in tests. */
export function applyPlan(current: Scenario, preview: ImportPreview): Scenario {
  const plan = preview.plan;
  if (!plan) throw new Error(preview.mappingProblems.join(' '));
  const updated = new Map(plan.toUpdate.map((u) => [u.after.id, u.after]));
  const structureUpdates = new Map(plan.structuresToUpdate.map((u) => [u.after.id, u.after]));
  return {
    ...current,
    structures: [...current.structures.map((s) => structureUpdates.get(s.id) ?? s), ...plan.structuresToAdd],
    positions: [...current.positions.map((p) => updated.get(p.id) ?? p), ...plan.toAdd],
  };
}

/** Replace U+202F and U+00A0 by plain spaces, to compare French formatted text. */
export function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** A Worker stand-in: records what it was sent, answers with `answer` (or never), counts terminate(). */
export class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = 0;
  received: unknown[] = [];
  constructor(private readonly answer?: (data: unknown, worker: FakeWorker) => void) {}
  postMessage(message: unknown): void {
    this.received.push(message);
    this.answer?.(message, this);
  }
  terminate(): void {
    this.terminated++;
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
}
