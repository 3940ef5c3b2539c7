// The page's side of the export worker: sends the scenario, waits for the workbook's bytes, and stops the worker
// when it answers, fails, dies or passes its time limit. Where the page has no Worker (unit tests in Node), the
// workbook is written in the page, by the same code.
import type { ScenarioFigures } from '../domain/recompute';
import type { Position, Scenario } from '../domain/types';
import type { WorkerLike } from './import-client';
import { exportTimeoutMs } from './limits';
import { isRecord, own } from './workbook-data';
import type { ExportRequest } from './export-protocol';

export const EXPORT_MIME_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;

export interface WriteWorkbookOptions {
  bookType: 'xlsx' | 'ods';
  /** Only these positions (the grid's rows); default: all of the scenario. */
  rows?: readonly Position[];
  /** Default: the module worker of export-worker.ts, or none where the page has no Worker. */
  createWorker?: (() => WorkerLike) | null;
  /** Default exportTimeoutMs(number of positions). */
  timeoutMs?: number;
  /** ISO date written in Paramètres; default now. */
  exportedAt?: string;
}

export function createExportWorker(): WorkerLike {
  return new Worker(new URL('./export-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** An export that could not be written; `message` is French and says nothing was saved. */
export class ExportFailure extends Error {
  override name = 'ExportFailure';
}

/** The workbook's bytes, written in a worker; `figures` (recompute(scenario)) serves when written in the page. */
export async function writeWorkbook(
  scenario: Scenario,
  figures: ScenarioFigures,
  options: WriteWorkbookOptions,
): Promise<ArrayBuffer> {
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const createWorker =
    options.createWorker === undefined
      ? typeof Worker === 'undefined'
        ? null
        : createExportWorker
      : options.createWorker;
  if (!createWorker) {
    const { buildWorkbookCompact } = await import('./export-workbook');
    return buildWorkbookCompact(scenario, figures, {
      bookType: options.bookType,
      exportedAt,
      ...(options.rows ? { rows: options.rows } : {}),
    });
  }
  const count = options.rows?.length ?? scenario.positions.length;
  const timeoutMs = options.timeoutMs ?? exportTimeoutMs(count);
  let worker: WorkerLike;
  try {
    worker = createWorker();
  } catch {
    throw new ExportFailure('le module d’écriture des classeurs n’a pas pu démarrer');
  }
  return new Promise<ArrayBuffer>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      outcome();
    };
    const fail = (message: string) => finish(() => reject(new ExportFailure(message)));
    const timer = setTimeout(
      () => fail(`l’écriture du classeur a dépassé ${Math.round(timeoutMs / 1000)} s et a été arrêtée`),
      timeoutMs,
    );
    worker.onerror = () => fail('le module d’écriture des classeurs s’est arrêté');
    worker.onmessageerror = () => fail('le classeur écrit n’a pas pu être reçu');
    worker.onmessage = (event) => {
      const data: unknown = event.data;
      const type = isRecord(data) ? own(data, 'type') : undefined;
      const bytes = isRecord(data) ? own(data, 'bytes') : undefined;
      const error = isRecord(data) ? own(data, 'error') : undefined;
      if (type === 'result' && bytes instanceof ArrayBuffer && bytes.byteLength > 0) {
        finish(() => resolve(bytes));
      } else if (type === 'error' && typeof error === 'string') {
        fail(`le classeur n’a pas pu être écrit (${error.slice(0, 300)})`);
      } else fail('le module d’écriture des classeurs a répondu de façon inattendue');
    };
    const request: ExportRequest = {
      scenario,
      bookType: options.bookType,
      exportedAt,
      ...(options.rows ? { rows: options.rows } : {}),
    };
    try {
      worker.postMessage(request, []);
    } catch {
      fail('le scénario n’a pas pu être transmis au module d’écriture des classeurs');
    }
  });
}
