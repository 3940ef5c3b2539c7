// Messages between the page and the export worker, and the worker's handling of one request (kept apart from the
// worker entry so it runs in tests too). The page sends its own scenario; the worker recomputes its figures (the
// same pure domain code as the page) and writes the workbook, deflated by the platform where it can.
import { recompute } from '../domain/recompute';
import type { Position, Scenario } from '../domain/types';
import { buildWorkbookCompact } from './export-workbook';
import { isRecord, own } from './workbook-data';

export interface ExportRequest {
  scenario: Scenario;
  bookType: 'xlsx' | 'ods';
  /** Only these positions (the grid's rows); undefined: all of the scenario. */
  rows?: readonly Position[];
  /** ISO date written in Paramètres. */
  exportedAt: string;
}

export type ExportMessage = { type: 'result'; bytes: ArrayBuffer } | { type: 'error'; error: string };

/** The request, or undefined when the message is not one. Checks the shape only: the page sent it. */
export function exportRequest(data: unknown): ExportRequest | undefined {
  if (!isRecord(data)) return undefined;
  const scenario = own(data, 'scenario');
  const bookType = own(data, 'bookType');
  const rows = own(data, 'rows');
  const exportedAt = own(data, 'exportedAt');
  if (!isRecord(scenario) || !Array.isArray(own(scenario, 'positions'))) return undefined;
  if (bookType !== 'xlsx' && bookType !== 'ods') return undefined;
  if (rows !== undefined && !Array.isArray(rows)) return undefined;
  if (typeof exportedAt !== 'string') return undefined;
  return {
    scenario: scenario as unknown as Scenario,
    bookType,
    ...(rows ? { rows: rows as Position[] } : {}),
    exportedAt,
  };
}

/** What the worker does with one message: write the workbook and post its bytes (transferred), or the error. */
export async function handleExportRequest(
  data: unknown,
  post: (message: ExportMessage, transfer: Transferable[]) => void,
): Promise<void> {
  const request = exportRequest(data);
  if (!request) {
    post({ type: 'error', error: 'demande d’export illisible' }, []);
    return;
  }
  try {
    const { scenario, bookType, rows, exportedAt } = request;
    const bytes = await buildWorkbookCompact(scenario, recompute(scenario), {
      bookType,
      exportedAt,
      ...(rows ? { rows } : {}),
    });
    post({ type: 'result', bytes }, [bytes]);
  } catch (e) {
    post({ type: 'error', error: e instanceof Error ? e.message.slice(0, 300) : 'erreur inconnue' }, []);
  }
}
