// The export worker (module Web Worker): SheetJS writes the workbook here, so the page stays responsive while a
// large export is written. Created by export-client with
// new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' }).
import { handleExportRequest, type ExportMessage } from './export-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: ExportMessage, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handleExportRequest(event.data, (message, transfer) => scope.postMessage(message, transfer));
};
