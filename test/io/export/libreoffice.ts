// LibreOffice Calc as an independent spreadsheet engine for the export tests: find `soffice`, give it a fresh
// profile that recalculates every formula on load, convert files to .xlsx, and take the cached values out of
// (or put wrong ones into) the formula cells of an exported workbook so that what comes back is LibreOffice's.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { guardZip } from '../../../src/io/guard/zip-guard';
import { writeZip, type ZipFile } from '../../../src/io/export/zip-write';

const INSTALL_HINT =
  'Le test de recalcul des exports a besoin de LibreOffice Calc (`soffice`) : installez-le ' +
  '(Debian/Ubuntu : `apt-get install -y --no-install-recommends libreoffice-calc-nogui`) ' +
  'ou indiquez son exécutable dans la variable SOFFICE_PATH.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The `soffice` executable: $SOFFICE_PATH, else the first on PATH. Throws, saying what to install, if none. */
export function resolveSoffice(): string {
  const fromEnv = process.env.SOFFICE_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`LibreOffice introuvable (${fromEnv}, depuis SOFFICE_PATH). ${INSTALL_HINT}`);
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/bin', '/usr/lib/libreoffice/program']) {
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  }
  throw new Error(`LibreOffice introuvable (pas de \`soffice\` dans le PATH). ${INSTALL_HINT}`);
}

/**
 * A new LibreOffice user profile in `dir` where Calc recalculates every formula when it loads an .xlsx
 * (OOXMLRecalcMode) or an .ods (ODFRecalcMode): 0 = always, 1 = never, 2 = ask. Returns its file URL.
 */
export function recalcProfile(dir: string, mode: 0 | 1 = 0): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  const prop = (name: string) =>
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
    `<prop oor:name="${name}" oor:op="fuse"><value>${mode}</value></prop></item>`;
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      `${prop('OOXMLRecalcMode')}\n${prop('ODFRecalcMode')}\n</oor:items>\n`,
  );
  return pathToFileURL(dir).href;
}

/**
 * Converts `files` (distinct base names) to .xlsx in `outDir` in one LibreOffice run; returns the output path
 * of each input. Throws with LibreOffice's output when a file is missing afterwards (soffice may exit 0).
 */
export async function convertToXlsx(
  soffice: string,
  profileUrl: string,
  files: readonly string[],
  outDir: string,
): Promise<Map<string, string>> {
  const args = [
    '--headless',
    '--norestore',
    '--nologo',
    '--nolockcheck',
    `-env:UserInstallation=${profileUrl}`,
    '--convert-to',
    'xlsx',
    '--outdir',
    outDir,
    ...files,
  ];
  let output: string;
  try {
    const run = await promisify(execFile)(soffice, args, { timeout: 240_000, maxBuffer: 16 << 20 });
    output = `${run.stdout}${run.stderr}`;
  } catch (error) {
    throw new Error(`${soffice} ${args.join(' ')} a échoué : ${String(error)}`, { cause: error });
  }
  const outputs = new Map<string, string>();
  for (const file of files) {
    const converted = join(outDir, `${basename(file, extname(file))}.xlsx`);
    if (!existsSync(converted)) {
      throw new Error(
        `LibreOffice n'a pas converti ${file} (attendu : ${converted}) ; Calc est-il installé ? ` +
          `${INSTALL_HINT}\nSortie de soffice :\n${output}`,
      );
    }
    outputs.set(file, converted);
  }
  return outputs;
}

/** Every entry of a (deflated or stored) zip, in archive order; the ODF `mimetype` stays stored. */
function unzip(bytes: Uint8Array): ZipFile[] {
  return guardZip(bytes, 'export').map((e) => {
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    return {
      name: e.name,
      data: e.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw,
      store: e.name === 'mimetype',
    };
  });
}

/** `<c …><f>…</f><v>…</v></c>` (what SheetJS writes): the value goes, and the type of the cached value. */
const XLSX_FORMULA_CELL = /<c\b((?:\s+[\w:]+="[^"]*")*)\s*>(<f\b[^>]*>[^<]*<\/f>)(?:<v>[^<]*<\/v>)?<\/c>/g;
const ODS_CELL = /<table:table-cell\b((?:\s+[\w:.-]+="[^"]*")*)\s*(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g;
const ODS_VALUE_ATTRIBUTES =
  /\s+(?:office:value-type|calcext:value-type|office:value|office:string-value|office:boolean-value|office:date-value|office:time-value|office:currency)="[^"]*"/g;

/**
 * The workbook with the cached value of every formula cell removed (`poison` null) or replaced by `poison`,
 * and the number of formula cells changed. Nothing else in the file changes.
 */
export function rewriteCachedValues(
  bytes: Uint8Array,
  bookType: 'xlsx' | 'ods',
  poison: number | null,
): { bytes: Uint8Array; formulaCells: number } {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let formulaCells = 0;
  const files = unzip(bytes).map((file) => {
    const isSheet =
      bookType === 'xlsx' ? /^xl\/worksheets\/sheet\d+\.xml$/.test(file.name) : file.name === 'content.xml';
    if (!isSheet) return file;
    let xml = decoder.decode(file.data);
    if (bookType === 'xlsx') {
      xml = xml.replace(XLSX_FORMULA_CELL, (_m, attributes: string, f: string) => {
        formulaCells += 1;
        const kept = attributes.replace(/\s+t="[^"]*"/, '');
        return poison === null ? `<c${kept}>${f}</c>` : `<c${kept}>${f}<v>${poison}</v></c>`;
      });
    } else {
      xml = xml.replace(ODS_CELL, (cell, attributes: string) => {
        if (!/\stable:formula="/.test(attributes)) return cell;
        formulaCells += 1;
        const kept = attributes.replace(ODS_VALUE_ATTRIBUTES, '');
        if (poison === null) return `<table:table-cell${kept}/>`;
        return (
          `<table:table-cell${kept} office:value-type="float" office:value="${poison}">` +
          `<text:p>${poison}</text:p></table:table-cell>`
        );
      });
    }
    return { ...file, data: encoder.encode(xml) };
  });
  return { bytes: writeZip(files), formulaCells };
}

/**
 * What the sheets of a workbook say about their formula cells, read from the XML itself (SheetJS drops or
 * zero-fills a formula cell without a cached value): how many there are, and the cached values they carry.
 */
export function formulaCachedValues(
  bytes: Uint8Array,
  bookType: 'xlsx' | 'ods',
): { formulas: number; cached: string[] } {
  const decoder = new TextDecoder();
  let formulas = 0;
  const cached: string[] = [];
  for (const file of unzip(bytes)) {
    if (bookType === 'xlsx' && /^xl\/worksheets\/sheet\d+\.xml$/.test(file.name)) {
      const xml = decoder.decode(file.data);
      formulas += xml.match(/<f[ >]/g)?.length ?? 0;
      for (const m of xml.matchAll(/<\/f>\s*<v>([^<]*)<\/v>/g)) cached.push(m[1]!);
    } else if (bookType === 'ods' && file.name === 'content.xml') {
      for (const m of decoder.decode(file.data).matchAll(/<table:table-cell\b[^>]*>/g)) {
        if (!m[0].includes('table:formula=')) continue;
        formulas += 1;
        const value = /office:(?:value|string-value|boolean-value|date-value)="([^"]*)"/.exec(m[0]);
        const type = /office:value-type="([^"]*)"/.exec(m[0]);
        if (value || type) cached.push(value?.[1] ?? `(${type?.[1]})`);
      }
    }
  }
  return { formulas, cached };
}
