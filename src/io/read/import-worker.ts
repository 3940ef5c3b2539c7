// The import worker (module Web Worker): SheetJS runs here, away from the page's objects, and can be stopped.
// Created by import-client with new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }).
import { handleReadRequest, type WorkerMessage } from './worker-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handleReadRequest(event.data, (message) => scope.postMessage(message));
};
