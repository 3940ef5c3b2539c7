// Messages between the page and the import worker, and the worker's handling of one request (kept apart
// from the worker entry so it runs in tests too). The page trusts nothing that comes back: see import-client.
import { REFUSAL, WorkbookRefusal, type RefusalKind } from '../errors';
import { readWorkbookBytesVerified, type ReadStage } from './read-workbook';
import { isRecord, own, type WorkbookData } from '../workbook-data';

export const READ_STAGES: readonly ReadStage[] = ['guard', 'verify', 'parse', 'extract'];

export interface ReadRequest {
  name: string;
  bytes: ArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; stage: ReadStage }
  | { type: 'result'; workbook: WorkbookData }
  | { type: 'error'; kind: RefusalKind; error: string };

/** The request, or undefined when the message is not one (wrong shape, name too long). */
export function readRequest(data: unknown): ReadRequest | undefined {
  if (!isRecord(data)) return undefined;
  const name = own(data, 'name');
  const bytes = own(data, 'bytes');
  if (typeof name !== 'string' || name.length > 255 || !(bytes instanceof ArrayBuffer)) return undefined;
  return { name, bytes };
}

/** What the worker does with one message: read the file and post progress, then the result or the error. */
export async function handleReadRequest(
  data: unknown,
  post: (message: WorkerMessage) => void,
): Promise<void> {
  const request = readRequest(data);
  if (!request) {
    post({ type: 'error', kind: 'notWorkbook', error: REFUSAL.notWorkbook('?').message });
    return;
  }
  try {
    const workbook = await readWorkbookBytesVerified(request.name, request.bytes, (stage) =>
      post({ type: 'progress', stage }),
    );
    post({ type: 'result', workbook });
  } catch (e) {
    const refusal = e instanceof WorkbookRefusal ? e : REFUSAL.unreadable(request.name);
    post({ type: 'error', kind: refusal.kind, error: refusal.message });
  }
}
