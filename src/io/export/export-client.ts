// The page's side of the export worker: sends the scenario, waits for the file's bytes, and stops the worker when
// it fails, dies or passes its time limit. A worker that answered with a file is kept for the next export for a
// minute (its code is then compiled and warm: a second export of 10 000 positions is faster), then stopped. Where
// the page has no Worker (unit tests in Node), the file is written in the page, by the same code. Imports no
// SheetJS itself: the page's chunks stay without it.
import type { Position, Scenario } from '../../domain/types';
import type { ExportRequest } from './export-protocol';
import type { WorkerLike } from '../read/import-client';
import { exportTimeoutMs } from '../limits';
import type { JournalEntry } from '../scenario-file/scenario-file-format';
import { isRecord, own } from '../workbook-data';

export const EXPORT_MIME_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;

/** Where and how long to write. */
export interface WorkerOptions {
  /** Default: the module worker of export-worker.ts, or none where the page has no Worker. */
  createWorker?: (() => WorkerLike) | null;
  /** Default exportTimeoutMs(number of positions). */
  timeoutMs?: number;
  /** ISO date written in the file; default now. */
  exportedAt?: string;
}

export interface WriteWorkbookOptions extends WorkerOptions {
  bookType: 'xlsx' | 'ods';
  /** Only these positions (the grid's rows); default: all of the scenario. */
  rows?: readonly Position[];
}

export function createExportWorker(): WorkerLike {
  return new Worker(new URL('./export-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** How long a worker that wrote a file waits for the next export before it is stopped. */
export const EXPORT_WORKER_IDLE_MS = 60_000;

/** The one worker kept between exports, with the factory that made it (another factory never gets it). */
let idle: { worker: WorkerLike; create: () => WorkerLike; timer: ReturnType<typeof setTimeout> } | null =
  null;

/** Stops the worker kept between exports, if any. */
export function stopIdleExportWorker(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  idle.worker.terminate();
  idle = null;
}

function takeWorker(create: () => WorkerLike): WorkerLike {
  if (idle?.create === create) {
    const { worker } = idle;
    clearTimeout(idle.timer);
    idle = null;
    return worker;
  }
  return create();
}

function keepWorker(worker: WorkerLike, create: () => WorkerLike): void {
  stopIdleExportWorker();
  idle = { worker, create, timer: setTimeout(stopIdleExportWorker, EXPORT_WORKER_IDLE_MS) };
}

/** A file that could not be written; `message` is French. */
export class ExportFailure extends Error {
  override name = 'ExportFailure';
}

/** An export workbook's bytes (`Exporter (.xlsx)` / `(.ods)`), written in a worker. */
export function writeWorkbook(scenario: Scenario, options: WriteWorkbookOptions): Promise<ArrayBuffer> {
  const request: ExportRequest = {
    kind: 'workbook',
    scenario,
    bookType: options.bookType,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    ...(options.rows ? { rows: options.rows } : {}),
  };
  return writeInWorker(request, options.rows?.length ?? scenario.positions.length, options);
}

/** A scenario file's bytes (`Enregistrer le scénario`), written in a worker. */
export function writeScenarioFile(
  scenario: Scenario,
  changeLog: readonly JournalEntry[],
  appVersion: string,
  options: WorkerOptions = {},
): Promise<ArrayBuffer> {
  const request: ExportRequest = {
    kind: 'scenarioFile',
    scenario,
    changeLog,
    appVersion,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
  };
  return writeInWorker(request, scenario.positions.length + changeLog.length, options);
}

async function writeInWorker(
  request: ExportRequest,
  rows: number,
  options: WorkerOptions,
): Promise<ArrayBuffer> {
  const createWorker =
    options.createWorker === undefined
      ? typeof Worker === 'undefined'
        ? null
        : createExportWorker
      : options.createWorker;
  if (!createWorker) {
    const { writeRequested } = await import('./export-protocol');
    return writeRequested(request);
  }
  const timeoutMs = options.timeoutMs ?? exportTimeoutMs(rows);
  let worker: WorkerLike;
  try {
    worker = takeWorker(createWorker);
  } catch {
    throw new ExportFailure('le module d’écriture des classeurs n’a pas pu démarrer');
  }
  return new Promise<ArrayBuffer>((resolve, reject) => {
    let settled = false;
    /** Detaches from the worker, then keeps it for the next export (`keep`) or stops it. */
    const finish = (outcome: () => void, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      if (keep) keepWorker(worker, createWorker);
      else worker.terminate();
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
        finish(() => resolve(bytes), true);
      } else if (type === 'error' && typeof error === 'string') {
        fail(`le classeur n’a pas pu être écrit (${error.slice(0, 300)})`);
      } else fail('le module d’écriture des classeurs a répondu de façon inattendue');
    };
    try {
      worker.postMessage(request, []);
    } catch {
      fail('le scénario n’a pas pu être transmis au module d’écriture des classeurs');
    }
  });
}
