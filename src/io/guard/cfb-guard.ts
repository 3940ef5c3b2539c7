// Reads the directory of an OLE compound file (.xls, and password-protected .xlsx which Office wraps in one)
// to tell a legacy workbook from an encrypted package, before the workbook reader sees the bytes.
import { REFUSAL } from '../errors';

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

/** Names of the storages and streams in the compound file's directory. */
export function cfbEntryNames(bytes: Uint8Array): string[] {
  const r = new Reader(bytes);
  const fat: number[] = [];
  for (const s of fatSectors(r)) fat.push(...r.words(s));
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = r.view.getUint32(48, true); s !== END_OF_CHAIN; s = fat[s] ?? END_OF_CHAIN) {
    if (seen.has(s) || seen.size > r.sectorCount) throw new RangeError('cycle');
    seen.add(s);
    if (s >= r.sectorCount) throw new RangeError('truncated');
    const start = (s + 1) * r.sectorSize;
    for (let at = start; at < start + r.sectorSize; at += 128) {
      const length = r.view.getUint16(at + 64, true);
      const type = r.view.getUint8(at + 66);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let k = 0; k < length - 2; k += 2) name += String.fromCharCode(r.view.getUint16(at + k, true));
      names.push(name);
    }
  }
  return names;
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
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('WordDocument')) throw REFUSAL.notWorkbook(name, "c'est un document Word");
  if (has('PowerPoint Document')) throw REFUSAL.notWorkbook(name, "c'est une présentation PowerPoint");
  throw REFUSAL.notWorkbook(name);
}
