// A small zip writer for the exported workbooks: entries in the given order (so an .ods starts with its
// stored `mimetype`, as OpenDocument requires), others deflated, CRC-32 computed here. Two deflaters: SheetJS's
// own (synchronous, fixed Huffman codes only) and the platform's CompressionStream (asynchronous, zlib: files
// about 2,9 times smaller for the same time, used by the export worker). Also reads back the entries of a stored
// (uncompressed) zip, as SheetJS writes with compression off.
import * as XLSX from 'xlsx';
import { guardZip } from '../guard/zip-guard';

export interface ZipFile {
  name: string;
  data: Uint8Array;
  /** Keep uncompressed (the ODF `mimetype`). */
  store?: boolean;
}

/** CRC-32 tables for slicing by 4: T[k][b] is the CRC of byte b followed by k zero bytes. */
const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) {
      const previous = t[(k - 1) * 256 + n] as number;
      t[k * 256 + n] = (t[previous & 0xff] as number) ^ (previous >>> 8);
    }
  }
  return t;
})();

/** CRC-32 (zip, IEEE 802.3) of `data`, four bytes per step: the exported parts weigh about 13 MB at 10 000 rows. */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^=
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    c =
      (t[768 + (c & 0xff)] as number) ^
      (t[512 + ((c >>> 8) & 0xff)] as number) ^
      (t[256 + ((c >>> 16) & 0xff)] as number) ^
      (t[c >>> 24] as number);
  }
  for (; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

type RawDeflate = (data: Uint8Array) => ArrayLike<number> & { length: number };
const deflateRaw = (XLSX.CFB.utils as unknown as { _deflateRaw: RawDeflate })._deflateRaw;

function deflate(data: Uint8Array): Uint8Array {
  const out = deflateRaw(data);
  return out instanceof Uint8Array ? out : Uint8Array.from(out);
}

/** True where the platform deflates natively (Chromium 103+, Firefox 113+, Safari 16.4+, Node 21.2+). */
export function hasNativeDeflate(): boolean {
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/**
 * The part written to the compressor in one piece: through Blob.stream() it went in 64 KB chunks, each a trip
 * through the stream machinery, and Chromium took twice as long (630 ms instead of 310 ms for the parts of a
 * 10 000-position export). Deflating only shrinks, so one piece bounds nothing that needs bounding; inflating
 * is another matter (zip-verify.ts keeps its chunks).
 */
async function deflateNative(data: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const [out] = await Promise.all([new Response(stream.readable).arrayBuffer(), written]);
  return new Uint8Array(out);
}

/** The files of a zip whose entries are all stored (method 0), in archive order. */
export function readStoredZip(bytes: Uint8Array): ZipFile[] {
  return guardZip(bytes, 'export').map((e) => {
    if (e.method !== 0) throw new Error(`entrée compressée inattendue : ${e.name}`);
    return { name: e.name, data: bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize) };
  });
}

/**
 * Entries kept uncompressed: those asked for, and empty ones (SheetJS's deflate gives no bytes for them, which
 * is not a valid deflate stream).
 */
function stored(f: ZipFile): boolean {
  return f.store === true || f.data.length === 0;
}

/** A zip archive (no ZIP64: exports stay far below 4 GB), UTF-8 names, fixed timestamp 1980-01-01. */
export function writeZip(files: readonly ZipFile[]): Uint8Array {
  return assembleZip(
    files,
    files.map((f) => (stored(f) ? f.data : deflate(f.data))),
  );
}

/** The same archive deflated by the platform (smaller), or by SheetJS where the platform cannot. */
export async function writeZipCompact(files: readonly ZipFile[]): Promise<Uint8Array> {
  if (!hasNativeDeflate()) return writeZip(files);
  const bodies = await Promise.all(files.map((f) => (stored(f) ? f.data : deflateNative(f.data))));
  return assembleZip(files, bodies);
}

/** The archive of `files` whose entries hold `bodies` (deflated, or the data itself when stored). */
function assembleZip(files: readonly ZipFile[], bodies: readonly Uint8Array[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  files.forEach((f, i) => {
    const name = encoder.encode(f.name);
    const body = bodies[i] as Uint8Array;
    const crc = crc32(f.data);
    const header = (size: number) => {
      const b = new Uint8Array(size);
      return { b, v: new DataView(b.buffer) };
    };
    const local = header(30);
    local.v.setUint32(0, 0x04034b50, true);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, 0x0800, true);
    local.v.setUint16(8, stored(f) ? 0 : 8, true);
    local.v.setUint16(12, 0x0021, true);
    local.v.setUint32(14, crc, true);
    local.v.setUint32(18, body.length, true);
    local.v.setUint32(22, f.data.length, true);
    local.v.setUint16(26, name.length, true);
    const dir = header(46);
    dir.v.setUint32(0, 0x02014b50, true);
    dir.v.setUint16(4, 20, true);
    dir.v.setUint16(6, 20, true);
    dir.b.set(local.b.subarray(6, 28), 8);
    dir.v.setUint32(42, offset, true);
    parts.push(local.b, name, body);
    central.push(dir.b, name);
    offset += 30 + name.length + body.length;
  });
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, files.length, true);
  v.setUint16(10, files.length, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + 22);
  let at = 0;
  for (const b of [...parts, ...central, end]) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
