// Reads the directory of a zip (.xlsx, .ods) straight from the bytes, BEFORE anything is inflated, and refuses
// archives that are truncated, encrypted, overlapping, or that declare more inflated bytes than the limits.
// Pure TypeScript over a DataView: End Of Central Directory, ZIP64 records, central and local headers.
import { REFUSAL } from '../errors';
import { MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, RATIO_MIN_BYTES } from '../limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** The larger of the sizes declared by the central and the local header (the reader trusts the local one). */
  uncompressedSize: number;
  localOffset: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
/** General-purpose flag bits: 0 traditional encryption, 6 strong encryption, 13 encrypted central directory. */
const ENCRYPTION_FLAGS = 0x2041;

interface Directory {
  count: number;
  offset: number;
  size: number;
  end: number;
}

/** uint64 little-endian as a number; undefined past 2^53 (no real workbook is that large). */
function u64(view: DataView, at: number): number | undefined {
  const high = view.getUint32(at + 4, true);
  if (high > 0x1fffff) return undefined;
  return high * 2 ** 32 + view.getUint32(at, true);
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - U16_MAX);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== EOCD) continue;
    if (at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

function readDirectory(view: DataView, name: string): Directory {
  const eocd = findEocd(view);
  if (eocd < 0) throw REFUSAL.truncated(name);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0)
    throw REFUSAL.notWorkbook(name, 'archive en plusieurs parties');
  let count: number | undefined = view.getUint16(eocd + 10, true);
  let size: number | undefined = view.getUint32(eocd + 12, true);
  let offset: number | undefined = view.getUint32(eocd + 16, true);
  let end = eocd;
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw REFUSAL.truncated(name);
    const record = u64(view, locator + 8);
    if (record === undefined || record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD)
      throw REFUSAL.truncated(name);
    count = u64(view, record + 32);
    size = u64(view, record + 40);
    offset = u64(view, record + 48);
    end = record;
  }
  if (count === undefined || size === undefined || offset === undefined || offset + size > end)
    throw REFUSAL.truncated(name);
  if (count > MAX_ZIP_ENTRIES) throw REFUSAL.inconsistent(name, `${count} éléments dans l'archive`);
  return { count, offset, size, end: offset + size };
}

interface CentralEntry extends ZipEntry {
  flags: number;
}

/** ZIP64 extended information (extra field 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF. */
function zip64Sizes(view: DataView, at: number, length: number, entry: CentralEntry): void {
  const stop = at + length;
  while (at + 4 <= stop) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const take = (): number => {
        const v = p + 8 <= at + 4 + size ? u64(view, p) : undefined;
        p += 8;
        return v ?? Number.MAX_SAFE_INTEGER;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = take();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = take();
      if (entry.localOffset === U32_MAX) entry.localOffset = take();
      return;
    }
    at += 4 + size;
  }
}

function readCentral(view: DataView, dir: Directory, name: string): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = dir.offset;
  const utf8 = new TextDecoder('utf-8');
  const latin = new TextDecoder('windows-1252');
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > dir.end || view.getUint32(at, true) !== CENTRAL) throw REFUSAL.truncated(name);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > dir.end) throw REFUSAL.truncated(name);
    const nameBytes = new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength);
    const entry: CentralEntry = {
      name: (flags & 0x800 ? utf8 : latin).decode(nameBytes),
      flags,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      dataOffset: 0,
    };
    zip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Checks the local header of each entry and where its data ends; fills dataOffset. */
function checkLocal(view: DataView, entries: CentralEntry[], dirOffset: number, name: string): void {
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > dirOffset || view.getUint32(at, true) !== LOCAL) throw REFUSAL.truncated(name);
    if ((view.getUint16(at + 6, true) | e.flags) & ENCRYPTION_FLAGS) throw REFUSAL.encrypted(name);
    const localSize = view.getUint32(at + 22, true);
    if (localSize !== U32_MAX && localSize > e.uncompressedSize) e.uncompressedSize = localSize;
    e.dataOffset = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (e.dataOffset + e.compressedSize > dirOffset) throw REFUSAL.truncated(name);
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1] as CentralEntry;
    if (previous.dataOffset + previous.compressedSize > (byOffset[i] as CentralEntry).localOffset)
      throw REFUSAL.inconsistent(name, "éléments de l'archive qui se chevauchent");
  }
}

function checkSizes(entries: readonly CentralEntry[], name: string): void {
  let total = 0;
  for (const e of entries) {
    if (e.method === 99) throw REFUSAL.encrypted(name);
    if (e.method !== 0 && e.method !== 8)
      throw REFUSAL.notWorkbook(name, `méthode de compression ${e.method} non prise en charge`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize)
      throw REFUSAL.inconsistent(name, `tailles contradictoires pour « ${e.name} »`);
    total += e.uncompressedSize;
  }
  if (total > MAX_UNCOMPRESSED_BYTES) throw REFUSAL.bomb(name, total, MAX_UNCOMPRESSED_BYTES);
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO)
      throw REFUSAL.ratio(name, e.name, ratio);
  }
}

/** The entries of a zip, after every check that needs no inflating; throws a WorkbookRefusal otherwise. */
export function guardZip(bytes: Uint8Array, name: string): ZipEntry[] {
  if (bytes.byteLength < 22) throw REFUSAL.truncated(name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = readDirectory(view, name);
  const entries = readCentral(view, dir, name);
  if (entries.some((e) => e.flags & ENCRYPTION_FLAGS)) throw REFUSAL.encrypted(name);
  checkLocal(view, entries, dir.offset, name);
  checkSizes(entries, name);
  return entries.map(({ flags: _flags, ...entry }) => entry);
}
