// Reads the directory of an OLE compound file (.xls, and password-protected .xlsx which Office wraps in one)
// to tell a legacy workbook from an encrypted package, before the workbook reader sees the bytes.
import { REFUSAL } from '../errors';
import { columnLetter } from '../cell-address';

const fr = (n: number) => n.toLocaleString('fr-FR');

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;

export function hasCfbSignature(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

class Reader {
  readonly view: DataView;
  readonly sectorSize: number;
  readonly sectorCount: number;
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(30, true);
    if (shift !== 9 && shift !== 12) throw new RangeError('sector size');
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.floor(bytes.byteLength / this.sectorSize) - 1;
  }

  /** The 32-bit words of sector `n`; throws past the end of the file (truncated). */
  words(n: number): number[] {
    if (n >= this.sectorCount) throw new RangeError('truncated');
    const start = (n + 1) * this.sectorSize;
    const out: number[] = [];
    for (let at = start; at < start + this.sectorSize; at += 4) out.push(this.view.getUint32(at, true));
    return out;
  }
}

/** Sector numbers of the FAT: 109 in the header, then the DIFAT chain (bounded against cycles). */
function fatSectors(r: Reader): number[] {
  const sectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) {
    const s = r.view.getUint32(76 + i * 4, true);
    if (s !== FREE) sectors.push(s);
  }
  let next = r.view.getUint32(68, true);
  for (let hops = 0; next !== END_OF_CHAIN && next !== FREE; hops++) {
    if (hops > r.sectorCount) throw new RangeError('cycle');
    const words = r.words(next);
    next = words.pop() ?? END_OF_CHAIN;
    for (const s of words) if (s !== FREE) sectors.push(s);
    if (sectors.length > r.sectorCount) throw new RangeError('fat');
  }
  return sectors;
}

interface CfbEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** The sectors of a chain in `fat` from `start`; throws on a cycle or a sector past the end. */
function chain(fat: readonly number[], start: number, limit: number): number[] {
  const sectors: number[] = [];
  const seen = new Set<number>();
  for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = fat[s] ?? END_OF_CHAIN) {
    if (seen.has(s) || seen.size > limit || s >= limit) throw new RangeError('cycle');
    seen.add(s);
    sectors.push(s);
  }
  return sectors;
}

function readFat(r: Reader): number[] {
  const fat: number[] = [];
  for (const s of fatSectors(r)) fat.push(...r.words(s));
  return fat;
}

/** The storages and streams in the compound file's directory. */
function readEntries(r: Reader, fat: readonly number[]): CfbEntry[] {
  const entries: CfbEntry[] = [];
  for (const s of chain(fat, r.view.getUint32(48, true), r.sectorCount)) {
    const start = (s + 1) * r.sectorSize;
    for (let at = start; at < start + r.sectorSize; at += 128) {
      const length = r.view.getUint16(at + 64, true);
      const type = r.view.getUint8(at + 66);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let k = 0; k < length - 2; k += 2) name += String.fromCharCode(r.view.getUint16(at + k, true));
      entries.push({
        name,
        type,
        start: r.view.getUint32(at + 116, true),
        size: r.view.getUint32(at + 120, true),
      });
    }
  }
  return entries;
}

/** Names of the storages and streams in the compound file's directory. */
export function cfbEntryNames(bytes: Uint8Array): string[] {
  const r = new Reader(bytes);
  return readEntries(r, readFat(r)).map((e) => e.name);
}

/** The bytes of the stream `entry`, from regular sectors or from the mini stream (under the cutoff). */
function streamBytes(
  bytes: Uint8Array,
  r: Reader,
  fat: readonly number[],
  entries: CfbEntry[],
  entry: CfbEntry,
) {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const copy = (from: number, length: number) => {
    const n = Math.min(length, entry.size - filled, bytes.byteLength - from);
    if (n <= 0) return;
    out.set(bytes.subarray(from, from + n), filled);
    filled += n;
  };
  if (entry.size >= r.view.getUint32(56, true)) {
    for (const s of chain(fat, entry.start, r.sectorCount)) copy((s + 1) * r.sectorSize, r.sectorSize);
  } else {
    const root = entries.find((e) => e.type === 5);
    if (!root) throw new RangeError('root');
    const mini = chain(fat, root.start, r.sectorCount);
    const miniFat: number[] = [];
    for (const s of chain(fat, r.view.getUint32(60, true), r.sectorCount)) miniFat.push(...r.words(s));
    const perSector = r.sectorSize / 64;
    for (const m of chain(miniFat, entry.start, mini.length * perSector)) {
      const sector = mini[Math.floor(m / perSector)] as number;
      copy((sector + 1) * r.sectorSize + (m % perSector) * 64, 64);
    }
  }
  return out.subarray(0, filled);
}

const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const DIMENSIONS = 0x0200;
const BIFF8_ROWS = 65_536;
const BIFF8_COLUMNS = 256;

/**
 * Walks the BIFF records of a .xls workbook stream and refuses indices beyond the tables they point into: a
 * LABELSST past the shared-string table (SST), DIMENSIONS past a BIFF8 sheet (65 536 × 256).
 */
export function scanBiff(stream: Uint8Array, name: string): void {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const sheets = new Map<number, string>();
  let sheet = '';
  let strings = 0;
  const refuse = (detail: string): never => {
    throw REFUSAL.suspectSheet(name, sheet, detail);
  };
  for (let at = 0; at + 4 <= stream.byteLength;) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const data = at + 4;
    if (data + length > stream.byteLength) return;
    sheet = sheets.get(at) ?? sheet;
    if (type === BOUNDSHEET && length >= 8) {
      const cch = view.getUint8(data + 6);
      const wide = (view.getUint8(data + 7) & 1) === 1;
      let text = '';
      for (let k = 0; k < cch && data + 8 + (wide ? 2 * k + 1 : k) < data + length; k++)
        text += String.fromCharCode(
          wide ? view.getUint16(data + 8 + 2 * k, true) : view.getUint8(data + 8 + k),
        );
      sheets.set(view.getUint32(data, true), text);
    } else if (type === SST && length >= 8) {
      strings = view.getUint32(data + 4, true);
    } else if (type === LABELSST && length >= 10) {
      const index = view.getUint32(data + 6, true);
      if (index >= strings)
        refuse(
          `(cellule ${columnLetter(view.getUint16(data + 2, true))}${view.getUint16(data, true) + 1}) renvoie au texte partagé n° ${fr(index)}, alors que le classeur en contient ${fr(strings)}`,
        );
    } else if (type === DIMENSIONS && length >= 14) {
      const rows = view.getUint32(data + 4, true);
      const columns = view.getUint16(data + 10, true);
      if (rows > BIFF8_ROWS || columns > BIFF8_COLUMNS)
        refuse(
          `déclare des dimensions impossibles pour un .xls (${fr(rows)} lignes, ${fr(columns)} colonnes ; au plus ${fr(BIFF8_ROWS)} × ${fr(BIFF8_COLUMNS)})`,
        );
    }
    at = data + length;
  }
}

/** The workbook stream of a legacy .xls, or undefined when it cannot be located (the reader then decides). */
function workbookStream(bytes: Uint8Array): Uint8Array | undefined {
  try {
    const r = new Reader(bytes);
    const fat = readFat(r);
    const entries = readEntries(r, fat);
    const entry = entries.find((e) => e.type === 2 && e.name.toLowerCase() === 'workbook');
    return entry ? streamBytes(bytes, r, fat, entries, entry) : undefined;
  } catch {
    return undefined;
  }
}

/** A legacy .xls inside the compound file, or a refusal: encrypted package, other Office document, damaged. */
export function guardCfb(bytes: Uint8Array, name: string): 'xls' {
  if (bytes.byteLength < 512) throw REFUSAL.truncated(name);
  let names: string[];
  try {
    names = cfbEntryNames(bytes);
  } catch (e) {
    if (e instanceof RangeError && e.message === 'sector size') throw REFUSAL.notWorkbook(name);
    throw REFUSAL.truncated(name);
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw REFUSAL.encrypted(name);
  if (has('Workbook') || has('Book')) {
    const stream = workbookStream(bytes);
    if (stream) scanBiff(stream, name);
    return 'xls';
  }
  if (has('WordDocument')) throw REFUSAL.notWorkbook(name, "c'est un document Word");
  if (has('PowerPoint Document')) throw REFUSAL.notWorkbook(name, "c'est une présentation PowerPoint");
  throw REFUSAL.notWorkbook(name);
}
