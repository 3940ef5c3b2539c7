// The page's side of the worker: a worker that never answers is stopped and reported, an abort or a crash
// too, and whatever comes back is rebuilt from an allowlist (no prototype pollution, no foreign objects).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readWorkbookInWorker, type NamedBlob } from '../../../src/io/read/import-client';
import { MAX_FILE_BYTES, readTimeoutMs } from '../../../src/io/limits';
import { readWorkbookBytes } from '../../../src/io/read/read-workbook';
import { handleReadRequest } from '../../../src/io/read/worker-protocol';
import { FakeWorker, fixture } from '../helpers';

function file(name: string, bytes: Uint8Array): NamedBlob {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

afterEach(() => vi.useRealTimers());

describe('readWorkbookInWorker', () => {
  it('allows 10 s plus 5 s per megabyte to read a file', () => {
    expect(readTimeoutMs(0)).toBe(10_000);
    expect(readTimeoutMs(8_847)).toBe(10_042);
    expect(readTimeoutMs(1024 * 1024)).toBe(15_000);
    expect(readTimeoutMs(MAX_FILE_BYTES)).toBe(110_000);
  });

  it.each([
    { name: 'lent.xlsx', bytes: fixture('occitanie-postes.xlsx'), shown: '10 s' },
    { name: 'gros.xlsx', bytes: new Uint8Array(4 * 1024 * 1024), shown: '30 s' },
  ])(
    'stops a worker that never answers after the time allowed for its size ($shown) and says so',
    async ({ name, bytes, shown }) => {
      vi.useFakeTimers();
      const worker = new FakeWorker();
      const read = readWorkbookInWorker(file(name, bytes), { createWorker: () => worker });
      const outcome = expect(read).rejects.toMatchObject({
        kind: 'timeout',
        message: `La lecture du fichier « ${name} » a dépassé ${shown} : elle a été arrêtée. Aucune donnée n'a été importée.`,
      });
      await vi.advanceTimersByTimeAsync(readTimeoutMs(bytes.length) - 1);
      expect(worker.terminated).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      await outcome;
      expect(worker.terminated).toBe(1);
    },
  );

  it('stops the worker when the person cancels', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const read = readWorkbookInWorker(file('x.xlsx', fixture('occitanie-postes.xlsx')), {
      createWorker: () => worker,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(worker.received).toHaveLength(1));
    controller.abort();
    await expect(read).rejects.toMatchObject({ kind: 'aborted' });
    expect(worker.terminated).toBe(1);
  });

  it('reports a worker that dies (out of memory)', async () => {
    const worker = new FakeWorker((_data, w) => setTimeout(() => w.onerror?.(new Event('error')), 0));
    await expect(
      readWorkbookInWorker(file('gros.ods', fixture('occitanie-postes.ods')), { createWorker: () => worker }),
    ).rejects.toThrow(
      "La lecture du fichier « gros.ods » a échoué : le lecteur de fichiers s'est arrêté (mémoire insuffisante ?). Aucune donnée n'a été importée.",
    );
    expect(worker.terminated).toBe(1);
  });

  it('refuses empty and oversized files without reading them', async () => {
    const never = () => Promise.reject(new Error('read'));
    await expect(readWorkbookInWorker({ name: 'v.csv', size: 0, arrayBuffer: never })).rejects.toMatchObject({
      kind: 'empty',
    });
    await expect(
      readWorkbookInWorker({ name: 'g.csv', size: 30e6, arrayBuffer: never }),
    ).rejects.toMatchObject({ kind: 'tooLarge' });
  });

  it('runs the same reader as the worker and relays its progress', async () => {
    const bytes = fixture('occitanie-postes.xlsx');
    const worker = new FakeWorker((data, w) => void handleReadRequest(data, (m) => w.reply(m)));
    const stages: string[] = [];
    const wb = await readWorkbookInWorker(file('occ.xlsx', bytes), {
      createWorker: () => worker,
      onProgress: (s) => stages.push(s),
    });
    expect(stages).toEqual(['guard', 'verify', 'parse', 'extract']);
    expect(wb).toEqual(readWorkbookBytes('occ.xlsx', bytes));
    expect(worker.terminated).toBe(1);
  });

  it('passes on a refusal from the worker with its French message', async () => {
    const worker = new FakeWorker((data, w) => void handleReadRequest(data, (m) => w.reply(m)));
    await expect(
      readWorkbookInWorker(file('t.xlsx', fixture('occitanie-postes.xlsx').subarray(0, 500)), {
        createWorker: () => worker,
      }),
    ).rejects.toMatchObject({
      kind: 'truncated',
      message: expect.stringContaining('« t.xlsx » est incomplet ou endommagé'),
    });
  });

  it('copies the result from an allowlist: no prototype pollution, no foreign values', async () => {
    const hostile = JSON.parse(
      '{"type":"result","workbook":{"format":"csv","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},' +
        '"sheets":[{"name":"S","rows":[["a",1,true,null,{"x":1},[2]]],"merges":[{"s":{"r":0,"c":0},"e":{"r":0,"c":1},"__proto__":{"polluted":3}}],"extra":"?"}],"fileName":"autre.xlsx"}}',
    ) as unknown;
    const worker = new FakeWorker((_data, w) => w.reply(hostile));
    const wb = await readWorkbookInWorker(file('x.csv', new Uint8Array([0x61])), {
      createWorker: () => worker,
    });
    expect(wb).toEqual({
      fileName: 'x.csv',
      format: 'csv',
      sheets: [
        {
          name: 'S',
          rows: [['a', 1, true, null, null, null]],
          merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }],
        },
      ],
    });
    expect(Object.keys(wb)).toEqual(['fileName', 'format', 'sheets']);
    expect(Object.getPrototypeOf(wb)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats a malformed answer as unreadable', async () => {
    const worker = new FakeWorker((_data, w) =>
      w.reply({ type: 'result', workbook: { format: 'docx', sheets: [] } }),
    );
    await expect(
      readWorkbookInWorker(file('x.csv', new Uint8Array([0x61])), { createWorker: () => worker }),
    ).rejects.toMatchObject({
      kind: 'unreadable',
    });
  });
});
