// Messages between the page and the export worker, and the worker's handling of one request (kept apart from the
// worker entry so it runs in tests too). The page sends its own scenario; the worker recomputes its figures (the
// same pure domain code as the page) and writes the file, deflated by the platform where it can: an export
// workbook (`Exporter (.xlsx)` / `(.ods)`, the grid's rows) or a scenario file (`Enregistrer le scénario`).
import { recompute } from '../../domain/recompute';
import type { Position, Scenario } from '../../domain/types';
import { buildWorkbook } from './export-workbook';
import type { JournalEntry } from '../scenario-file/scenario-file-format';
import { buildScenarioFile } from '../scenario-file/scenario-file-write';
import { isRecord, own } from '../workbook-data';

export interface WorkbookRequest {
  kind: 'workbook';
  scenario: Scenario;
  bookType: 'xlsx' | 'ods';
  /** Only these positions (the grid's rows); undefined: all of the scenario. */
  rows?: readonly Position[];
  /** ISO date written in Paramètres. */
  exportedAt: string;
}

export interface ScenarioFileRequest {
  kind: 'scenarioFile';
  scenario: Scenario;
  /** The change log, oldest first. */
  changeLog: readonly JournalEntry[];
  appVersion: string;
  exportedAt: string;
}

export type ExportRequest = WorkbookRequest | ScenarioFileRequest;

export type ExportMessage = { type: 'result'; bytes: ArrayBuffer } | { type: 'error'; error: string };

/** The request, or undefined when the message is not one. Checks the shape only: the page sent it. */
export function exportRequest(data: unknown): ExportRequest | undefined {
  if (!isRecord(data)) return undefined;
  const scenario = own(data, 'scenario');
  const exportedAt = own(data, 'exportedAt');
  if (!isRecord(scenario) || !Array.isArray(own(scenario, 'positions')) || typeof exportedAt !== 'string') {
    return undefined;
  }
  const kind = own(data, 'kind');
  if (kind === 'workbook') {
    const bookType = own(data, 'bookType');
    const rows = own(data, 'rows');
    if (bookType !== 'xlsx' && bookType !== 'ods') return undefined;
    if (rows !== undefined && !Array.isArray(rows)) return undefined;
    return {
      kind,
      scenario: scenario as unknown as Scenario,
      bookType,
      ...(rows ? { rows: rows as Position[] } : {}),
      exportedAt,
    };
  }
  if (kind === 'scenarioFile') {
    const changeLog = own(data, 'changeLog');
    const appVersion = own(data, 'appVersion');
    if (!Array.isArray(changeLog) || typeof appVersion !== 'string') return undefined;
    return {
      kind,
      scenario: scenario as unknown as Scenario,
      changeLog: changeLog as JournalEntry[],
      appVersion,
      exportedAt,
    };
  }
  return undefined;
}

/** The file's bytes for a request, written here (in the worker, or in a page without Worker). */
export function writeRequested(request: ExportRequest): Promise<ArrayBuffer> {
  const figures = recompute(request.scenario);
  if (request.kind === 'scenarioFile') {
    const { scenario, changeLog, appVersion, exportedAt } = request;
    return buildScenarioFile(scenario, figures, changeLog, { appVersion, exportedAt });
  }
  const { scenario, bookType, rows, exportedAt } = request;
  return buildWorkbook(scenario, figures, { bookType, exportedAt, ...(rows ? { rows } : {}) });
}

/** What the worker does with one message: write the file and post its bytes (transferred), or the error. */
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
    const bytes = await writeRequested(request);
    post({ type: 'result', bytes }, [bytes]);
  } catch (e) {
    post({ type: 'error', error: e instanceof Error ? e.message.slice(0, 300) : 'erreur inconnue' }, []);
  }
}
