// Every kind of broken or hostile file is refused with its French message, before any inflating or parsing.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WorkbookRefusal, type RefusalKind } from '../../../src/io/errors';
import { guardBytes } from '../../../src/io/guard/guard';
import { MAX_ROWS } from '../../../src/io/limits';
import { readWorkbookBytes, readWorkbookBytesVerified } from '../../../src/io/read/read-workbook';
import { craftCfb, craftZip } from '../crafted';
import { fixture } from '../helpers';

const enc = new TextEncoder();
const GB = 1024 ** 3;

/** The refusal of reading `bytes` (synchronous path, as the guards run), with its duration. */
function refusal(name: string, bytes: Uint8Array): { kind: RefusalKind; message: string; ms: number } {
  const start = performance.now();
  try {
    readWorkbookBytes(name, bytes);
  } catch (e) {
    if (!(e instanceof WorkbookRefusal)) throw e;
    return { kind: e.kind, message: e.message, ms: performance.now() - start };
  }
  throw new Error(`${name} was read`);
}

const WORKBOOK_XML = { name: 'xl/workbook.xml', data: enc.encode('<workbook/>') };

describe('broken files', () => {
  it('refuses an empty file', () => {
    expect(refusal('vide.xlsx', new Uint8Array(0))).toMatchObject({
      kind: 'empty',
      message: 'Le fichier « vide.xlsx » est vide (0 octet).',
    });
  });

  it.each([
    ['binary bytes', new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00]), ''],
    ['an HTML page saved as .xls', enc.encode('<html><table><tr><td>1</td></tr></table></html>'), 'HTML'],
    ['a PDF', enc.encode('%PDF-1.7\n%\u00e2\u00e3'), 'PDF'],
    ['a Word document', craftCfb(['WordDocument']), 'Word'],
    ['a zip without a workbook', craftZip([{ name: 'photo.jpg', data: new Uint8Array([1, 2, 3]) }]), 'zip'],
  ])('refuses %s as not a workbook', (_what, bytes, hint) => {
    const r = refusal('classeur.xls', bytes);
    expect(r.kind).toBe('notWorkbook');
    expect(r.message).toMatch(
      /^Le fichier « classeur\.xls » n'est pas un classeur lisible \(\.xlsx, \.xls, \.ods ou \.csv\)/,
    );
    expect(r.message).toContain(hint);
  });

  it('refuses a truncated zip (no end of central directory)', () => {
    const xlsx = fixture('occitanie-postes.xlsx');
    const r = refusal('coupé.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    expect(r.kind).toBe('truncated');
    expect(r.message).toContain('« coupé.xlsx » est incomplet ou endommagé');
  });

  it('refuses a password-protected workbook (OLE EncryptedPackage)', () => {
    const r = refusal('secret.xlsx', craftCfb(['EncryptionInfo', 'EncryptedPackage']));
    expect(r).toMatchObject({
      kind: 'encrypted',
      message:
        'Le fichier « secret.xlsx » est protégé par un mot de passe : enregistrez-le sans mot de passe, puis importez-le à nouveau.',
    });
  });

  it('refuses a zip whose entries are encrypted', () => {
    const bytes = craftZip([{ ...WORKBOOK_XML, flags: 1 }]);
    expect(refusal('chiffré.xlsx', bytes).kind).toBe('encrypted');
  });

  it('refuses a declared 1 GB entry in under a second, before inflating', () => {
    const data = deflateRawSync(Buffer.alloc(1024 * 1024));
    const bytes = craftZip([
      WORKBOOK_XML,
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: GB },
    ]);
    const r = refusal('bombe.xlsx', bytes);
    expect(r.kind).toBe('bomb');
    expect(r.message).toBe(
      'Le fichier « bombe.xlsx » est trop volumineux une fois décompressé (1\u202f024 Mo déclarés, limite 300 Mo).',
    );
    expect(r.ms).toBeLessThan(1000);
  });

  it('reads the 64-bit sizes of a ZIP64 archive', () => {
    const data = deflateRawSync(Buffer.alloc(1024));
    const bytes = craftZip(
      [
        WORKBOOK_XML,
        { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 8 * GB, zip64: true },
      ],
      {
        zip64Eocd: true,
      },
    );
    expect(refusal('zip64.xlsx', bytes).message).toContain('(8\u202f192 Mo déclarés, limite 300 Mo)');
  });

  it('refuses an entry declaring a compression ratio deflate cannot reach', () => {
    const data = deflateRawSync(Buffer.alloc(1024));
    const bytes = craftZip([
      WORKBOOK_XML,
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 50 * 1024 * 1024 },
    ]);
    const r = refusal('ratio.xlsx', bytes);
    expect(r.kind).toBe('bomb');
    expect(r.message).toContain('anormalement compressé (élément « xl/worksheets/sheet1.xml »');
  });

  it('refuses entries that overlap (one local header shared by several entries)', () => {
    const bytes = craftZip([WORKBOOK_XML, { ...WORKBOOK_XML, name: 'xl/styles.xml', localOffsetOf: 0 }]);
    expect(refusal('chevauchement.xlsx', bytes).message).toContain(
      "éléments de l'archive qui se chevauchent",
    );
  });

  it('stops an entry that inflates beyond its declared size (lying headers, data descriptor)', async () => {
    const data = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const bytes = craftZip([
      WORKBOOK_XML,
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 1000, localSize: 0, flags: 8 },
    ]);
    expect(guardBytes('menteur.xlsx', bytes).format).toBe('xlsx');
    const start = performance.now();
    const read = readWorkbookBytesVerified('menteur.xlsx', bytes);
    await expect(read).rejects.toMatchObject({ kind: 'bomb' });
    await expect(read).rejects.toThrow('se décompresse au-delà de la taille déclarée');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses a file over 20 MB before looking inside', () => {
    const r = refusal('énorme.csv', new Uint8Array(21 * 1024 * 1024).fill(0x41));
    expect(r.kind).toBe('tooLarge');
    expect(r.message).toBe('Le fichier « énorme.csv » est trop volumineux (21 Mo, limite 20 Mo).');
  });

  it('refuses a sheet with too many rows', () => {
    const csv = enc.encode('Structure;ETP\n' + 'A;1\n'.repeat(MAX_ROWS + 1));
    const r = refusal('lignes.csv', csv);
    expect(r.kind).toBe('tooManyRows');
    expect(r.message).toContain('limite 200\u202f000');
  });

  it('reads a legacy .xls inside its compound file, and refuses a damaged one', () => {
    expect(guardBytes('ok.xls', fixture('occitanie-postes.xls')).format).toBe('xls');
    expect(refusal('abîmé.xls', craftCfb(['Workbook'])).kind).toBe('unreadable');
  });
});
