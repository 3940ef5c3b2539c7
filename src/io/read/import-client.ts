// The page's side of the import worker: sends the file's bytes, relays progress, stops the worker on timeout,
// on abort or when it dies, and rebuilds what comes back field by field (copyWorkbookData) — never a spread
// or an assign of worker data. Refusals are WorkbookRefusal errors with French messages.
import { REFUSAL, REFUSAL_KINDS, WorkbookRefusal, type RefusalKind } from '../errors';
import { MAX_FILE_BYTES, readTimeoutMs } from '../limits';
import type { ReadStage } from './read-workbook';
import { copyWorkbookData, isRecord, own, type WorkbookData } from '../workbook-data';
import { READ_STAGES } from './worker-protocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
}

export interface ReadInWorkerOptions {
  /** Default readTimeoutMs(file size): 10 s plus 5 s per megabyte. */
  timeoutMs?: number;
  onProgress?: (stage: ReadStage) => void;
  signal?: AbortSignal;
  /** Default: the module worker of import-worker.ts. */
  createWorker?: () => WorkerLike;
}

export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** The file's name and bytes, as a File (or a Blob with a name) gives them. */
export interface NamedBlob {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads a workbook in a worker; rejects with a WorkbookRefusal (French message) when it cannot or must not. */
export async function readWorkbookInWorker(
  file: NamedBlob,
  options: ReadInWorkerOptions = {},
): Promise<WorkbookData> {
  const { onProgress, signal } = options;
  const name = file.name;
  if (signal?.aborted) throw REFUSAL.aborted(name);
  if (file.size === 0) throw REFUSAL.empty(name);
  if (file.size > MAX_FILE_BYTES) throw REFUSAL.tooLarge(name, file.size, MAX_FILE_BYTES);
  const timeoutMs = options.timeoutMs ?? readTimeoutMs(file.size);
  const bytes = await file.arrayBuffer();
  if (signal?.aborted) throw REFUSAL.aborted(name);
  let worker: WorkerLike;
  try {
    worker = (options.createWorker ?? createImportWorker)();
  } catch {
    throw REFUSAL.crashed(name);
  }
  return new Promise<WorkbookData>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      outcome();
    };
    const fail = (error: WorkbookRefusal) => finish(() => reject(error));
    const onAbort = () => fail(REFUSAL.aborted(name));
    const timer = setTimeout(() => fail(REFUSAL.timeout(name, timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = () => fail(REFUSAL.crashed(name));
    worker.onmessageerror = () => fail(REFUSAL.crashed(name));
    worker.onmessage = (event) => {
      const data: unknown = event.data;
      if (!isRecord(data)) return fail(REFUSAL.unreadable(name));
      const type = own(data, 'type');
      if (type === 'progress') {
        const stage = own(data, 'stage');
        if (READ_STAGES.includes(stage as ReadStage)) onProgress?.(stage as ReadStage);
      } else if (type === 'result') {
        const workbook = copyWorkbookData(own(data, 'workbook'), name);
        if (workbook) finish(() => resolve(workbook));
        else fail(REFUSAL.unreadable(name));
      } else if (type === 'error') {
        fail(refusalFrom(data, name));
      } else fail(REFUSAL.unreadable(name));
    };
    try {
      worker.postMessage({ name, bytes }, [bytes]);
    } catch {
      fail(REFUSAL.crashed(name));
    }
  });
}

function refusalFrom(data: Record<string, unknown>, name: string): WorkbookRefusal {
  const kind = own(data, 'kind');
  const error = own(data, 'error');
  if (!REFUSAL_KINDS.includes(kind as RefusalKind) || typeof error !== 'string')
    return REFUSAL.unreadable(name);
  return new WorkbookRefusal(kind as RefusalKind, error.slice(0, 500));
}
