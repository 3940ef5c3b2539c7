// Second line of defence against decompression bombs and hostile parts: inflate each deflated entry as a stream,
// counting bytes and keeping none, and stop as soon as one gives more than its header declared; the XML parts
// go through xml-scan on the way (repeats, merges, depth, DOCTYPE, .xlsb), stored ones too. The workbook reader
// trusts the local headers (often 0 with data descriptors, then it grows its buffer without bound), so the
// declared sizes alone are not enough. Runs in the worker before the reader; skipped where DecompressionStream
// lacks 'deflate-raw' (the worker's time limit and isolation still apply).
import { REFUSAL, WorkbookRefusal } from '../errors';
import { MAX_UNCOMPRESSED_BYTES, megabytes } from '../limits';
import { isXmlPart, xmlScanner, type XmlScanner } from './xml-scan';
import type { ZipEntry } from './zip-guard';

function supportsDeflateRaw(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** Bytes that `data` inflates to, stopping (and returning a larger number) past `limit`; chunks go to `scan`. */
async function inflatedLength(data: Uint8Array, limit: number, scan?: XmlScanner): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      scan?.end();
      return total;
    }
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return total;
    }
    try {
      scan?.push(value);
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
  }
}

/**
 * Checks that every deflated entry inflates to no more than it declared (when it declared a size) and that the
 * whole stays under MAX_UNCOMPRESSED_BYTES, and scans the XML parts; throws a WorkbookRefusal otherwise.
 */
export async function verifyInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  format: 'xlsx' | 'ods' = 'xlsx',
): Promise<void> {
  const scanner = (e: ZipEntry) => (isXmlPart(e.name) ? xmlScanner(name, e.name, format) : undefined);
  for (const e of entries) {
    if (e.method !== 0) continue;
    const scan = scanner(e);
    scan?.push(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
    scan?.end();
  }
  if (!supportsDeflateRaw()) return;
  let total = 0;
  for (const e of entries) {
    if (e.method !== 8) continue;
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const budget = MAX_UNCOMPRESSED_BYTES - total;
    const limit = e.uncompressedSize > 0 ? Math.min(e.uncompressedSize, budget) : budget;
    let length: number;
    try {
      length = await inflatedLength(data, limit, scanner(e));
    } catch (error) {
      if (error instanceof WorkbookRefusal) throw error;
      throw REFUSAL.truncated(name);
    }
    if (length > budget)
      throw REFUSAL.inconsistent(name, `décompressé, il dépasse ${megabytes(MAX_UNCOMPRESSED_BYTES)} Mo`);
    if (e.uncompressedSize > 0 && length > e.uncompressedSize)
      throw REFUSAL.inconsistent(name, `« ${e.name} » se décompresse au-delà de la taille déclarée`);
    total += length;
  }
}
