// What SheetJS (community edition) does not write, added before the archive is compressed: frozen header
// rows in .xlsx (a `pane` in the sheet view) and in .ods (settings.xml view settings), the autofilter of .ods
// (a database range), and an .ods `mimetype` first and stored. SheetJS writes the archive uncompressed; this
// module patches its parts and compresses the result once (zip-write.ts).
import { readStoredZip, writeZipCompact, type ZipFile } from './zip-write';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function patch(files: ZipFile[], name: string, change: (xml: string) => string): void {
  const file = files.find((f) => f.name === name);
  if (file) file.data = encoder.encode(change(decoder.decode(file.data)));
}

const XLSX_PANE =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

function odsTableSettings(name: string): string {
  const item = (key: string, type: string, value: number) =>
    `<config:config-item config:name="${key}" config:type="${type}">${value}</config:config-item>`;
  return (
    `<config:config-item-map-entry config:name="${escapeXml(name)}">` +
    item('HorizontalSplitMode', 'short', 0) +
    item('VerticalSplitMode', 'short', 2) +
    item('HorizontalSplitPosition', 'int', 0) +
    item('VerticalSplitPosition', 'int', 1) +
    item('ActiveSplitRange', 'short', 2) +
    item('PositionLeft', 'int', 0) +
    item('PositionRight', 'int', 0) +
    item('PositionTop', 'int', 0) +
    item('PositionBottom', 'int', 1) +
    '</config:config-item-map-entry>'
  );
}

function odsSettings(sheetNames: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2"><office:settings>' +
    '<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views">' +
    '<config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item>' +
    `<config:config-item-map-named config:name="Tables">${sheetNames.map(odsTableSettings).join('')}` +
    '</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed>' +
    '</config:config-item-set></office:settings></office:document-settings>'
  );
}

function odsFilters(ranges: readonly string[]): string {
  const db = ranges.map(
    (range, i) =>
      `<table:database-range table:name="__Anonymous_Sheet_DB__${i}" ` +
      `table:target-range-address="${escapeXml(range)}" table:display-filter-buttons="true"/>`,
  );
  return `<table:database-ranges>${db.join('')}</table:database-ranges>`;
}

/**
 * SheetJS writes a reference to another sheet as `Postes![.$J$2:.$J$9]`, which is not OpenFormula; LibreOffice
 * expects `[$Postes.$J$2:.$J$9]`. Only formulas (table:formula attributes) are rewritten.
 */
export function fixOdsFormulas(xml: string): string {
  return xml.replace(/table:formula="[^"]*"/g, (attr) =>
    attr.replace(/([A-Za-z_][\w.]*)!\[\./g, (_m, sheet: string) => `[$${sheet}.`),
  );
}

export interface ViewOptions {
  bookType: 'xlsx' | 'ods';
  /** Sheets whose first row is frozen, by name and by 1-based position in the workbook. */
  frozen: ReadonlyArray<{ name: string; number: number }>;
  /** ODS autofilter ranges in ODF notation, `'Postes'.A1:'Postes'.AC101` (xlsx: SheetJS writes `!autofilter`). */
  odsFilters: readonly string[];
}

/**
 * The final workbook bytes from SheetJS's uncompressed output, with the views added, compressed by the platform
 * where it can (zip-write.ts).
 */
export async function finishArchive(stored: Uint8Array, options: ViewOptions): Promise<ArrayBuffer> {
  const out = await writeZipCompact(withViews(stored, options));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** The entries of SheetJS's uncompressed output with the views added, in archive order. */
function withViews(stored: Uint8Array, options: ViewOptions): ZipFile[] {
  const files = readStoredZip(stored);
  if (options.bookType === 'xlsx') {
    for (const s of options.frozen) {
      patch(files, `xl/worksheets/sheet${s.number}.xml`, (xml) =>
        xml.replace('<sheetView workbookViewId="0"/>', XLSX_PANE),
      );
    }
  } else {
    files.push({
      name: 'settings.xml',
      data: encoder.encode(odsSettings(options.frozen.map((s) => s.name))),
    });
    const entry =
      ' <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>\n';
    patch(files, 'META-INF/manifest.xml', (xml) =>
      xml.replace('</manifest:manifest>', `${entry}</manifest:manifest>`),
    );
    if (options.odsFilters.length > 0) {
      patch(files, 'content.xml', (xml) => {
        const at = xml.lastIndexOf('</office:spreadsheet>');
        return at < 0 ? xml : `${xml.slice(0, at)}${odsFilters(options.odsFilters)}${xml.slice(at)}`;
      });
    }
    const mimetype = files.findIndex((f) => f.name === 'mimetype');
    if (mimetype > 0) files.unshift(...files.splice(mimetype, 1));
    if (files[0]?.name === 'mimetype') files[0].store = true;
    patch(files, 'content.xml', fixOdsFormulas);
  }
  return files;
}
