// First step of every import: look at the bytes (never at the file name) to tell what the file is, and refuse
// empty, oversized, encrypted, truncated or foreign files before any parser runs.
import { guardCfb, hasCfbSignature } from './cfb-guard';
import { REFUSAL } from '../errors';
import { MAX_FILE_BYTES } from '../limits';
import { isXlsbPart } from './xml-scan';
import { guardZip, type ZipEntry } from './zip-guard';

export type GuardedFile =
  { format: 'xlsx' | 'ods'; entries: ZipEntry[] } | { format: 'xls' } | { format: 'csv' };

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && [3, 5, 7].includes(bytes[2] ?? 0);
}

/** Which workbook a zip holds, from its entry names (and the ODF mimetype entry when stored). */
function zipKind(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): 'xlsx' | 'ods' {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
  const mimetype = entries.find((e) => e.name === 'mimetype');
  let odf = '';
  if (mimetype && mimetype.method === 0 && mimetype.compressedSize < 200) {
    odf = new TextDecoder().decode(
      bytes.subarray(mimetype.dataOffset, mimetype.dataOffset + mimetype.compressedSize),
    );
  }
  if (names.has('content.xml') && (odf === '' || odf === ODS_MIMETYPE)) return 'ods';
  if (names.has('word/document.xml') || odf.includes('opendocument.text'))
    throw REFUSAL.notWorkbook(name, "c'est un document de traitement de texte");
  if ([...names].some((n) => n.startsWith('ppt/')) || odf.includes('opendocument.presentation'))
    throw REFUSAL.notWorkbook(name, "c'est une présentation");
  throw REFUSAL.notWorkbook(name, "c'est une archive zip sans classeur");
}

/** Text files only: no NUL byte and almost no control characters in the first 64 KB (UTF-16 has its BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const end = Math.min(bytes.byteLength, 65_536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control * 100 <= end;
}

function textHint(bytes: Uint8Array): string | undefined {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.byteLength && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  if (bytes[i] === 0x3c) return 'fichier HTML ou XML : ouvrez-le et enregistrez-le au format .xlsx';
  if (startsWith(bytes.subarray(i), [0x25, 0x50, 0x44, 0x46])) return "c'est un document PDF";
  if (bytes[i] === 0x7b) return "fichier JSON : s'il s'agit d'un scénario, ouvrez-le comme scénario";
  return undefined;
}

/** What the bytes are; throws a WorkbookRefusal (French message) for anything the import must not read. */
export function guardBytes(name: string, bytes: Uint8Array): GuardedFile {
  if (bytes.byteLength === 0) throw REFUSAL.empty(name);
  if (bytes.byteLength > MAX_FILE_BYTES) throw REFUSAL.tooLarge(name, bytes.byteLength, MAX_FILE_BYTES);
  if (isZip(bytes)) {
    const entries = guardZip(bytes, name);
    const format = zipKind(bytes, entries, name);
    const xlsb = entries.find((e) => isXlsbPart(e.name));
    if (xlsb)
      throw REFUSAL.notWorkbook(
        name,
        `« ${xlsb.name} » est au format Excel binaire (.xlsb), non pris en charge : enregistrez-le au format .xlsx`,
      );
    return { format, entries };
  }
  if (hasCfbSignature(bytes)) return { format: guardCfb(bytes, name) };
  if (!looksLikeText(bytes)) throw REFUSAL.notWorkbook(name);
  const hint = textHint(bytes);
  if (hint) throw REFUSAL.notWorkbook(name, hint);
  return { format: 'csv' };
}
