// Hostile workbooks from issue 17 (found by mutating the fixtures): each is refused by the guard, before SheetJS
// reads it, in well under 2 s, with a French message naming the file and the sheet or part. Each file is the
// smallest that shows the case, built here. Honest files (the fixtures, the app's own exports, LibreOffice's
// trailing empty repeats) still read to the same values.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { generateScenario } from '../../../src/domain/demo/generate';
import { recompute } from '../../../src/domain/recompute';
import { WorkbookRefusal, type RefusalKind } from '../../../src/io/errors';
import { buildWorkbook } from '../../../src/io/export/export-workbook';
import { guardBytes } from '../../../src/io/guard/guard';
import { verifyInflatedSizes } from '../../../src/io/guard/zip-verify';
import {
  readWorkbookBytes,
  readWorkbookBytesVerified,
  type ReadStage,
} from '../../../src/io/read/read-workbook';
import { craftZip, type CraftedEntry } from '../crafted';
import { FIXTURES, fixture } from '../helpers';

const enc = new TextEncoder();

function deflated(name: string, xml: string): CraftedEntry {
  return { name, data: deflateRawSync(enc.encode(xml)), method: 8, declaredSize: enc.encode(xml).length };
}

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** A one-sheet .ods whose `table:table` holds `rows` (XML of table-row elements). */
function ods(rows: string, sheet = 'Postes'): Uint8Array {
  return craftZip([
    { name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet') },
    deflated(
      'content.xml',
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS}><office:body>` +
        `<office:spreadsheet><table:table table:name="${sheet}">${rows}</table:table>` +
        `</office:spreadsheet></office:body></office:document-content>`,
    ),
  ]);
}

const VALUE =
  '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>';
const NS_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A minimal .xlsx with the given parts (XML text) besides its workbook. */
function xlsx(parts: Record<string, string>): Uint8Array {
  return craftZip([
    deflated(
      'xl/workbook.xml',
      `<workbook ${NS_MAIN}><sheets><sheet name="Postes" sheetId="1"/></sheets></workbook>`,
    ),
    ...Object.entries(parts).map(([name, xml]) => deflated(name, xml)),
  ]);
}

function sheetXml(inside: string, after = ''): string {
  return `<worksheet ${NS_MAIN}><sheetData><row r="1">${inside}</row></sheetData>${after}</worksheet>`;
}

/** The refusal of the worker's read of `bytes`, its duration, and whether SheetJS was reached. */
async function refusal(name: string, bytes: Uint8Array) {
  const stages: ReadStage[] = [];
  const start = performance.now();
  try {
    await readWorkbookBytesVerified(name, bytes, (s) => stages.push(s));
  } catch (e) {
    if (!(e instanceof WorkbookRefusal)) throw e;
    const ms = performance.now() - start;
    return { kind: e.kind as RefusalKind, message: e.message, ms, parsed: stages.includes('parse') };
  }
  throw new Error(`${name} was read`);
}

async function expectRefused(name: string, bytes: Uint8Array, kind: RefusalKind, message: string) {
  const r = await refusal(name, bytes);
  expect(r.message).toEqual(message);
  expect(r.kind).toBe(kind);
  expect(r.parsed).toBe(false);
  expect(r.ms).toBeLessThan(2000);
  return r;
}

/** French thousands use a narrow no-break space, as toLocaleString('fr-FR') writes them. */
const nb = (n: string) => n.replace(/(\d) (?=\d)/g, '$1\u202f');

describe('hostile .ods repeats and spans (issue 17)', () => {
  it.each([
    ['4294967297', '4 294 967 297'],
    ['5000001', '5 000 001'],
    ['2147483647', '2 147 483 647'],
    ['100000000000000000000', '100 000 000 000 000 000 000'],
  ])('refuses a row with a value repeated %s times, naming the sheet', async (repeat, shown) => {
    await expectRefused(
      'lignes.ods',
      ods(`<table:table-row table:number-rows-repeated="${repeat}">${VALUE}</table:table-row>`),
      'tooManyRows',
      nb(
        `La feuille « Postes » déclare ${shown} lignes répétées (limite 200 000) : le fichier « lignes.ods » est refusé par précaution.`,
      ),
    );
  });

  it.each([
    ['16384', '16 384'],
    ['4294967297', '4 294 967 297'],
  ])('refuses a cell with a value repeated over %s columns', async (repeat, shown) => {
    const cell = VALUE.replace(
      '<table:table-cell ',
      `<table:table-cell table:number-columns-repeated="${repeat}" `,
    );
    await expectRefused(
      'colonnes.ods',
      ods(`<table:table-row>${cell}</table:table-row>`, 'Enveloppes'),
      'tooManyColumns',
      nb(
        `La feuille « Enveloppes » déclare ${shown} colonnes répétées (limite 1 024) : le fichier « colonnes.ods » est refusé par précaution.`,
      ),
    );
  });

  it('refuses repeats whose product exceeds the cell limit (100 000 rows × 100 columns)', async () => {
    const cell = VALUE.replace(
      '<table:table-cell ',
      '<table:table-cell table:number-columns-repeated="100" ',
    );
    await expectRefused(
      'produit.ods',
      ods(`<table:table-row table:number-rows-repeated="100000">${cell}</table:table-row>`),
      'tooManyCells',
      nb(
        'La feuille « Postes » déclare plus de 5 000 000 cellules remplies une fois les répétitions déployées : le fichier « produit.ods » est refusé par précaution.',
      ),
    );
  });

  it('refuses a value placed after 1 048 000 repeated empty rows', async () => {
    await expectRefused(
      'loin.ods',
      ods(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>' +
          `<table:table-row>${VALUE}</table:table-row>`,
      ),
      'tooManyRows',
      nb(
        "La feuille « Postes » déclare des valeurs jusqu'à la ligne 1 048 001 (limite 200 000) : le fichier « loin.ods » est refusé par précaution.",
      ),
    );
  });

  it('refuses a cell spanned over 1 048 576 rows', async () => {
    const cell = VALUE.replace(
      '<table:table-cell ',
      '<table:table-cell table:number-rows-spanned="1048576" ',
    );
    await expectRefused(
      'fusion.ods',
      ods(`<table:table-row>${cell}</table:table-row>`),
      'tooManyRows',
      nb(
        "La feuille « Postes » déclare une cellule fusionnée sur 1 048 576 lignes, jusqu'à la ligne 1 048 576 (limite 200 000) : le fichier « fusion.ods » est refusé par précaution.",
      ),
    );
  });

  it('accepts the trailing empty repeats LibreOffice writes (1 024 empty columns, 1 048 000 empty rows)', async () => {
    const bytes = ods(
      `<table:table-row>${VALUE}<table:table-cell table:number-columns-repeated="1023"/></table:table-row>` +
        '<table:table-row table:number-rows-repeated="1048000">' +
        '<table:table-cell table:style-name="ce1" table:number-columns-repeated="16384"/></table:table-row>',
    );
    const entries = guardBytes('honnête.ods', bytes);
    expect(entries.format).toBe('ods');
    if (entries.format !== 'ods') return;
    await expect(verifyInflatedSizes(bytes, entries.entries, 'honnête.ods', 'ods')).resolves.toBeUndefined();
  });
});

describe('hostile XML parts (issue 17)', () => {
  const SST_HEAD = `<sst ${NS_MAIN} count="1" uniqueCount="1">`;

  it.each([1_000, 100_000])('refuses XML nested %i levels deep (.xlsx and .ods)', async (levels) => {
    const deep = '<si>'.repeat(levels) + '</si>'.repeat(levels);
    await expectRefused(
      'profond.xlsx',
      xlsx({ 'xl/sharedStrings.xml': `${SST_HEAD}${deep}</sst>` }),
      'bomb',
      'Le fichier « profond.xlsx » est refusé par précaution : « xl/sharedStrings.xml » imbrique des éléments sur plus de 100 niveaux.',
    );
    const cells = '<text:span>'.repeat(levels) + '</text:span>'.repeat(levels);
    await expectRefused(
      'profond.ods',
      ods(
        `<table:table-row><table:table-cell office:value-type="string"><text:p>${cells}</text:p></table:table-cell></table:table-row>`,
      ),
      'bomb',
      'Le fichier « profond.ods » est refusé par précaution : « content.xml » imbrique des éléments sur plus de 100 niveaux.',
    );
  });

  it('refuses a 5 MB text node', async () => {
    const letters = new Uint8Array(5 * 1024 * 1024);
    let seed = 17;
    for (let k = 0; k < letters.length; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      letters[k] = 97 + (seed % 26);
    }
    const text = new TextDecoder('latin1').decode(letters); // not repetitive, so it is the text and not the compression ratio that is refused
    await expectRefused(
      'texte.xlsx',
      xlsx({ 'xl/sharedStrings.xml': `${SST_HEAD}<si><t>${text}</t></si></sst>` }),
      'bomb',
      'Le fichier « texte.xlsx » est refusé par précaution : « xl/sharedStrings.xml » contient un texte ou une balise de plus de 1 Mo.',
    );
  });

  it('refuses a DOCTYPE with entities in sharedStrings.xml', async () => {
    const doctype =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    await expectRefused(
      'entités.xlsx',
      xlsx({ 'xl/sharedStrings.xml': `${doctype}${SST_HEAD}<si><t>&b;</t></si></sst>` }),
      'bomb',
      "Le fichier « entités.xlsx » est refusé par précaution : « xl/sharedStrings.xml » contient une déclaration <!DOCTYPE>, que les classeurs n'utilisent pas (elle peut définir des entités).",
    );
  });

  it.each([
    ['one after the other', `${SST_HEAD}<si><t>a</t></si></sst>`.repeat(5_000)],
    ['nested', `${SST_HEAD}`.repeat(50) + '</sst>'.repeat(50)],
  ])('refuses <sst> repeated (%s)', async (_how, xml) => {
    await expectRefused(
      'sst.xlsx',
      xlsx({ 'xl/sharedStrings.xml': xml }),
      'bomb',
      "Le fichier « sst.xlsx » est refusé par précaution : « xl/sharedStrings.xml » contient plusieurs tables de textes partagés (<sst>) au lieu d'une.",
    );
  });

  it('refuses a mergeCell reaching XFD1048576', async () => {
    const merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>';
    await expectRefused(
      'fusion.xlsx',
      xlsx({ 'xl/worksheets/sheet1.xml': sheetXml('<c r="A1" t="n"><v>1</v></c>', merge) }),
      'bomb',
      nb(
        'Le fichier « fusion.xlsx » est refusé par précaution : « xl/worksheets/sheet1.xml » contient une fusion de cellules « A1:XFD1048576 » au-delà des limites (200 000 lignes, 1 024 colonnes).',
      ),
    );
  });

  it('refuses an array formula without cached value over A1:XFD1048576', async () => {
    await expectRefused(
      'matrice.xlsx',
      xlsx({
        'xl/worksheets/sheet1.xml': sheetXml('<c r="A1"><f t="array" ref="A1:XFD1048576">1+1</f></c>'),
      }),
      'bomb',
      nb(
        'Le fichier « matrice.xlsx » est refusé par précaution : « xl/worksheets/sheet1.xml » contient une formule matricielle « A1:XFD1048576 » au-delà des limites (200 000 lignes, 1 024 colonnes).',
      ),
    );
  });

  it('refuses a workbook whose parts are .xlsb (by part name, and by content type)', async () => {
    const byName = craftZip([{ name: 'xl/workbook.bin', data: new Uint8Array([0x83, 0x01, 0x00]) }]);
    await expectRefused(
      'binaire.xlsx',
      byName,
      'notWorkbook',
      "Le fichier « binaire.xlsx » n'est pas un classeur lisible (.xlsx, .xls, .ods ou .csv) : « xl/workbook.bin » est au format Excel binaire (.xlsb), non pris en charge : enregistrez-le au format .xlsx.",
    );
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>';
    const r = await expectRefused(
      'types.xlsx',
      xlsx({ '[Content_Types].xml': types }),
      'notWorkbook',
      "Le fichier « types.xlsx » n'est pas un classeur lisible (.xlsx, .xls, .ods ou .csv) : « [Content_Types].xml » déclare des éléments au format Excel binaire (.xlsb, « application/vnd.ms-excel.sheet.binary.macroEnabled.main »), non pris en charge : enregistrez-le au format .xlsx.",
    );
    expect(r.kind).toBe('notWorkbook');
  });
});

describe('honest workbooks pass the scan unchanged', () => {
  it.each(FIXTURES)('%s reads to the same values through the worker path', async (name) => {
    const start = performance.now();
    const verified = await readWorkbookBytesVerified(name, fixture(name));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(verified).toEqual(readWorkbookBytes(name, fixture(name)));
  });

  it.each(['xlsx', 'ods'] as const)(
    "the app's own .%s export reads back through the worker path",
    async (format) => {
      const s = generateScenario(300, 17);
      const bytes = new Uint8Array(
        await buildWorkbook(s, recompute(s), { bookType: format, exportedAt: '2026-11-22' }),
      );
      const verified = await readWorkbookBytesVerified(`export.${format}`, bytes);
      expect(verified).toEqual(readWorkbookBytes(`export.${format}`, bytes));
      expect(verified.sheets.reduce((n, sheet) => n + sheet.rows.length, 0)).toBeGreaterThan(300);
    },
  );
});

/** The fixture .xls with the bytes at `offset` (in the file) replaced; offsets of its first records, in sector 10. */
function mutatedXls(offset: number, replacement: readonly number[]): Uint8Array {
  const bytes = fixture('occitanie-postes.xls').slice();
  bytes.set(replacement, offset);
  return bytes;
}

/** Where the first record of `type` with `length` starts in the file (the stream's first sectors are in order). */
function recordAt(type: number, length: number): number {
  const bytes = fixture('occitanie-postes.xls');
  for (let at = 0; at + 4 <= bytes.length; at++)
    if (
      bytes[at] === (type & 0xff) &&
      bytes[at + 1] === type >> 8 &&
      bytes[at + 2] === length &&
      bytes[at + 3] === 0
    )
      return at;
  throw new Error('record not found');
}

describe('hostile .xls (BIFF) records (issue 17)', () => {
  it('refuses a LABELSST pointing at shared string 4 294 967 295', async () => {
    const at = recordAt(0x00fd, 10);
    const r = await expectRefused(
      'sst.xls',
      mutatedXls(at + 4 + 6, [0xff, 0xff, 0xff, 0xff]),
      'bomb',
      expect.stringMatching(
        /^La feuille « [^»]+ » \(cellule [A-Z]+\d+\) renvoie au texte partagé n° 4\u202f294\u202f967\u202f295, alors que le classeur en contient \d+ : le fichier « sst\.xls » est refusé par précaution\.$/,
      ) as unknown as string,
    );
    expect(r.message).toContain('« Postes');
  });

  it('refuses a record retyped as LABELSST (a NUMBER read as a shared-string index)', async () => {
    const at = recordAt(0x00fd, 10);
    const r = await refusal('retypé.xls', mutatedXls(at + 4 + 6, [0x00, 0x00, 0x40, 0x8f]));
    expect(r.message).toContain('renvoie au texte partagé n°');
    expect(r.ms).toBeLessThan(2000);
  });

  it('reads the records of a small .xls whose workbook stream sits in the mini stream', async () => {
    const wb = XLSX.utils.book_new();
    const rows = [
      ['Structure', 'ETP'],
      ['Mission locale', 1],
    ];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Postes');
    const bytes = new Uint8Array(
      XLSX.write(wb, { type: 'array', bookType: 'biff8', bookSST: true }) as ArrayBuffer,
    );
    expect(bytes.length).toBeLessThan(4096 + 1024);
    expect((await readWorkbookBytesVerified('petit.xls', bytes)).sheets[0]?.rows).toEqual(rows);
    let at = 0;
    while (!(bytes[at] === 0xfd && bytes[at + 1] === 0 && bytes[at + 2] === 10 && bytes[at + 3] === 0)) at++;
    const hostile = bytes.slice();
    hostile.set([0xff, 0xff, 0xff, 0xff], at + 4 + 6);
    await expectRefused(
      'petit.xls',
      hostile,
      'bomb',
      'La feuille « Postes » (cellule A1) renvoie au texte partagé n° 4\u202f294\u202f967\u202f295, alors que le classeur en contient 3 : le fichier « petit.xls » est refusé par précaution.',
    );
  });

  it('refuses DIMENSIONS beyond a BIFF8 sheet', async () => {
    const at = recordAt(0x0200, 14);
    const r = await refusal('dimensions.xls', mutatedXls(at + 4 + 4, [0xff, 0xff, 0xff, 0xff]));
    expect(r.message).toMatch(
      /^La feuille « .+ » déclare des dimensions impossibles pour un \.xls \(4\u202f294\u202f967\u202f295 lignes/,
    );
    expect(r.kind).toBe('bomb');
    expect(r.ms).toBeLessThan(2000);
  });
});
