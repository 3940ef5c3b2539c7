// Workbooks written in the export worker: the compact archive holds exactly the same parts as SheetJS's deflate
// gives, smaller; the worker's handler answers with transferred bytes or a French error; the page's side stops a
// worker that fails, dies or passes its time limit, and trusts only bytes in the reply.
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateScenario } from '../../../src/domain/demo/generate';
import { recompute } from '../../../src/domain/recompute';
import {
  EXPORT_WORKER_IDLE_MS,
  ExportFailure,
  stopIdleExportWorker,
  writeScenarioFile,
  writeWorkbook,
} from '../../../src/io/export/export-client';
import { handleExportRequest, type ExportMessage } from '../../../src/io/export/export-protocol';
import { buildWorkbook } from '../../../src/io/export/export-workbook';
import { exportTimeoutMs } from '../../../src/io/limits';
import { guardZip } from '../../../src/io/guard/zip-guard';
import { readWorkbookBytes } from '../../../src/io/read/read-workbook';
import { readScenarioFile } from '../../../src/io/scenario-file/scenario-file-read';
import { FakeWorker } from '../helpers';
import {
  counter,
  richScenario,
  SAVED_AT,
  sampleJournal,
  saveBytes,
} from '../scenario-file/scenario-file-helpers';
import { trickyScenario } from '../tricky-scenario';

afterEach(() => {
  stopIdleExportWorker();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Every part of a zip, inflated by Node's zlib (an inflater independent of both deflaters). */
function parts(bytes: ArrayBuffer): Map<string, string> {
  const view = new Uint8Array(bytes);
  return new Map(
    guardZip(view, 'x').map((e) => {
      const raw = view.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      return [e.name, new TextDecoder().decode(e.method === 8 ? inflateRawSync(raw) : raw)];
    }),
  );
}

const EXPORTED_AT = '2026-11-22T09:00:00.000Z';

/** What buildWorkbook writes where the platform has no CompressionStream: SheetJS's own deflate. */
async function withSheetJsDeflate<T>(write: () => Promise<T>): Promise<T> {
  vi.stubGlobal('CompressionStream', undefined);
  try {
    return await write();
  } finally {
    vi.unstubAllGlobals();
  }
}

describe('buildWorkbook, deflated by the platform', () => {
  it.each(['xlsx', 'ods'] as const)(
    'writes the same %s parts, in the same order, as with SheetJS’s deflate',
    async (bookType) => {
      const scenario = trickyScenario();
      const figures = recompute(scenario);
      const options = { bookType, exportedAt: EXPORTED_AT };
      const compact = parts(await buildWorkbook(scenario, figures, options));
      const plain = parts(await withSheetJsDeflate(() => buildWorkbook(scenario, figures, options)));
      expect([...compact.keys()]).toEqual([...plain.keys()]);
      expect(compact).toEqual(plain);
    },
  );

  it('is less than half the size of SheetJS’s deflate for 2 000 positions', async () => {
    const scenario = generateScenario(2_000);
    const figures = recompute(scenario);
    const options = { bookType: 'xlsx' as const, exportedAt: EXPORTED_AT };
    const compact = await buildWorkbook(scenario, figures, options);
    const plain = await withSheetJsDeflate(() => buildWorkbook(scenario, figures, options));
    expect(compact.byteLength).toBeLessThan(plain.byteLength / 2);
  });
});

describe('handleExportRequest (in the worker)', () => {
  async function handle(data: unknown): Promise<{ message: ExportMessage; transfer: Transferable[] }> {
    let answer: { message: ExportMessage; transfer: Transferable[] } | undefined;
    await handleExportRequest(data, (message, transfer) => (answer = { message, transfer }));
    if (!answer) throw new Error('no answer');
    return answer;
  }

  it('writes the grid’s rows only, recomputing the figures, and transfers the bytes', async () => {
    const scenario = trickyScenario();
    const rows = scenario.positions.slice(1, 2);
    const { message, transfer } = await handle({
      kind: 'workbook',
      scenario,
      bookType: 'xlsx',
      rows,
      exportedAt: EXPORTED_AT,
    });
    expect(message.type).toBe('result');
    const bytes = (message as { bytes: ArrayBuffer }).bytes;
    expect(transfer).toEqual([bytes]);
    const expected = await buildWorkbook(scenario, recompute(scenario), {
      bookType: 'xlsx',
      rows,
      exportedAt: EXPORTED_AT,
    });
    expect(parts(bytes)).toEqual(parts(expected));
  });

  it.each([
    ['not an object', 'x'],
    ['no kind', { scenario: trickyScenario(), bookType: 'xlsx', exportedAt: EXPORTED_AT }],
    ['no positions', { kind: 'workbook', scenario: {}, bookType: 'xlsx', exportedAt: EXPORTED_AT }],
    [
      'another format',
      { kind: 'workbook', scenario: trickyScenario(), bookType: 'csv', exportedAt: EXPORTED_AT },
    ],
    [
      'rows not a list',
      { kind: 'workbook', scenario: trickyScenario(), bookType: 'ods', rows: {}, exportedAt: EXPORTED_AT },
    ],
    [
      'a change log not a list',
      {
        kind: 'scenarioFile',
        scenario: trickyScenario(),
        changeLog: 'x',
        appVersion: '1',
        exportedAt: EXPORTED_AT,
      },
    ],
  ])('answers an error, never bytes, to a request with %s', async (_what, data) => {
    expect((await handle(data)).message).toEqual({ type: 'error', error: 'demande d’export illisible' });
  });

  it('answers the error of a scenario it cannot write', async () => {
    const broken = { ...trickyScenario(), campaign: null };
    const { message, transfer } = await handle({
      kind: 'workbook',
      scenario: broken,
      bookType: 'xlsx',
      exportedAt: EXPORTED_AT,
    });
    expect(message.type).toBe('error');
    expect((message as { error: string }).error).not.toBe('demande d’export illisible');
    expect(transfer).toEqual([]);
  });
});

describe('writeWorkbook (the page’s side)', () => {
  const scenario = trickyScenario();
  const figures = recompute(scenario);

  it('allows 15 s plus 1 s per 2 000 positions', () => {
    expect(exportTimeoutMs(0)).toBe(15_000);
    expect(exportTimeoutMs(1)).toBe(16_000);
    expect(exportTimeoutMs(10_000)).toBe(20_000);
    expect(exportTimeoutMs(100_000)).toBe(65_000);
  });

  /** A factory of fake workers that write for real (handleExportRequest), and the workers it made. */
  function writingWorkers(): { create: () => FakeWorker; made: FakeWorker[] } {
    const made: FakeWorker[] = [];
    const create = () => {
      const worker = new FakeWorker((data, w) => {
        void handleExportRequest(data, (message) => w.reply(message));
      });
      made.push(worker);
      return worker;
    };
    return { create, made };
  }

  it('returns the bytes the worker wrote', async () => {
    const { create, made } = writingWorkers();
    const bytes = await writeWorkbook(scenario, {
      bookType: 'ods',
      createWorker: create,
      exportedAt: EXPORTED_AT,
    });
    const expected = await buildWorkbook(scenario, figures, { bookType: 'ods', exportedAt: EXPORTED_AT });
    expect(parts(bytes)).toEqual(parts(expected));
    expect(made).toHaveLength(1);
    expect(made[0]!.received).toEqual([
      { kind: 'workbook', scenario, bookType: 'ods', exportedAt: EXPORTED_AT },
    ]);
  });

  it('keeps a worker that wrote a file for the next export, then stops it after a minute idle', async () => {
    vi.useFakeTimers();
    const { create, made } = writingWorkers();
    await writeWorkbook(scenario, { bookType: 'xlsx', createWorker: create });
    await vi.advanceTimersByTimeAsync(EXPORT_WORKER_IDLE_MS - 1);
    await writeScenarioFile(scenario, [], '0.1.0', { createWorker: create });
    expect(made).toHaveLength(1);
    expect(made[0]!.received).toHaveLength(2);
    expect(made[0]!.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(EXPORT_WORKER_IDLE_MS - 1);
    expect(made[0]!.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(made[0]!.terminated).toBe(1);
    await writeWorkbook(scenario, { bookType: 'xlsx', createWorker: create });
    expect(made).toHaveLength(2);
  });

  it('never hands a failed worker to the next export', async () => {
    const made: FakeWorker[] = [];
    const create = () => {
      const worker = new FakeWorker((_data, w) => w.reply({ type: 'error', error: 'panne' }));
      made.push(worker);
      return worker;
    };
    await expect(writeWorkbook(scenario, { bookType: 'xlsx', createWorker: create })).rejects.toThrow(
      'panne',
    );
    await expect(writeWorkbook(scenario, { bookType: 'xlsx', createWorker: create })).rejects.toThrow(
      'panne',
    );
    expect(made.map((w) => w.terminated)).toEqual([1, 1]);
  });

  it('writes in the page, by the same code, where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const bytes = await writeWorkbook(scenario, { bookType: 'xlsx', exportedAt: EXPORTED_AT });
    const expected = await buildWorkbook(scenario, figures, {
      bookType: 'xlsx',
      exportedAt: EXPORTED_AT,
    });
    expect(parts(bytes)).toEqual(parts(expected));
  });

  it.each([
    [
      'an error it reports',
      (w: FakeWorker) => w.reply({ type: 'error', error: 'mémoire insuffisante' }),
      'le classeur n’a pas pu être écrit (mémoire insuffisante)',
    ],
    [
      'an unexpected reply',
      (w: FakeWorker) => w.reply({ type: 'result', bytes: 'PK…' }),
      'le module d’écriture des classeurs a répondu de façon inattendue',
    ],
    [
      'its death',
      (w: FakeWorker) => w.onerror?.(new Event('error')),
      'le module d’écriture des classeurs s’est arrêté',
    ],
    [
      'a reply that cannot be received',
      (w: FakeWorker) => w.onmessageerror?.({} as MessageEvent<unknown>),
      'le classeur écrit n’a pas pu être reçu',
    ],
  ])('fails on %s with a French message and stops the worker', async (_what, act, message) => {
    const worker = new FakeWorker((_data, w) => act(w));
    const write = writeWorkbook(scenario, { bookType: 'xlsx', createWorker: () => worker });
    await expect(write).rejects.toEqual(new ExportFailure(message));
    expect(worker.terminated).toBe(1);
  });

  it('stops a worker that never answers at its time limit', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const write = writeWorkbook(scenario, { bookType: 'xlsx', createWorker: () => worker });
    const outcome = expect(write).rejects.toEqual(
      new ExportFailure('l’écriture du classeur a dépassé 16 s et a été arrêtée'),
    );
    await vi.advanceTimersByTimeAsync(exportTimeoutMs(scenario.positions.length) - 1);
    expect(worker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(worker.terminated).toBe(1);
  });

  it('fails when the worker cannot start', async () => {
    const write = writeWorkbook(scenario, {
      bookType: 'xlsx',
      createWorker: () => {
        throw new Error('Worker interdit');
      },
    });
    await expect(write).rejects.toEqual(
      new ExportFailure('le module d’écriture des classeurs n’a pas pu démarrer'),
    );
  });
});

describe('writeScenarioFile (Enregistrer le scénario)', () => {
  it('writes in the worker the same file as in the page, which opens as the same scenario and journal', async () => {
    const source = richScenario();
    const journal = sampleJournal();
    const worker = new FakeWorker((data, w) => {
      void handleExportRequest(data, (message) => w.reply(message));
    });
    const bytes = await writeScenarioFile(source, journal, '0.1.0', {
      createWorker: () => worker,
      exportedAt: SAVED_AT,
    });
    expect(worker.received).toHaveLength(1);
    expect(parts(bytes)).toEqual(parts((await saveBytes(source, journal)).buffer as ArrayBuffer));
    const opened = readScenarioFile(readWorkbookBytes('scenario.xlsx', new Uint8Array(bytes)), {
      newId: counter(),
    });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.scenario).toEqual(source);
    expect(opened.value.changeLog).toEqual(journal);
  });

  it('allows time for the positions and the change log', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const write = writeScenarioFile(richScenario(), sampleJournal(), '0.1.0', { createWorker: () => worker });
    const outcome = expect(write).rejects.toBeInstanceOf(ExportFailure);
    const limit = exportTimeoutMs(richScenario().positions.length + sampleJournal().length);
    await vi.advanceTimersByTimeAsync(limit - 1);
    expect(worker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(worker.terminated).toBe(1);
  });
});
