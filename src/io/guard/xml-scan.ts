// Looks at the XML parts of a zip workbook as they inflate, before the reader parses them, for what makes the
// reader expand or stall: .ods repeats and spans that carry content (a cell repeated 4 294 967 297 times), merges
// reaching XFD1048576, <!DOCTYPE>/<!ENTITY>, nesting and text beyond the limits, shared-string tables repeated,
// .xlsb parts. A byte-level tokenizer over the chunks (no tree, no full string); only the few tags it needs are
// decoded. Empty repeats are free for the reader (it adds them to a counter), so LibreOffice's trailing
// `number-columns-repeated="1024"` cells and its last empty row repeated 1 048 000 times are accepted.
import { REFUSAL, WorkbookRefusal } from '../errors';
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_XML_DEPTH, MAX_XML_TOKEN_BYTES } from '../limits';

export interface XmlScanner {
  push(chunk: Uint8Array): void;
  end(): void;
}

/** Parts the reader may parse as XML. */
export function isXmlPart(part: string): boolean {
  return /\.(xml|rels|vml|rdf)$/i.test(part);
}

/** Part names of the binary workbook format (.xlsb), which the import does not read. */
export function isXlsbPart(part: string): boolean {
  return /^xl\/((workbook|sharedStrings|styles)\.bin|(worksheets|chartsheets)\/[^/]*\.bin)$/i.test(part);
}

const XLSB_CONTENT_TYPE = /^application\/vnd\.ms-excel\.(sheet\.binary\.|worksheet$|sharedStrings$|styles$)/i;
const fr = (n: number) => n.toLocaleString('fr-FR');
const utf8 = new TextDecoder('utf-8');
const attrPatterns = new Map<string, RegExp>();

/** The value of the attribute with local name `local` (any prefix) in a start tag, entities left as they are. */
function attr(tag: string, local: string): string | undefined {
  let re = attrPatterns.get(local);
  if (!re) {
    re = new RegExp(`\\s(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(local, re);
  }
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A repeat or span count as the reader reads it: a positive number, else 1. */
function count(value: string | undefined, parse: (v: string) => number): number {
  if (value === undefined) return 1;
  const n = parse(value);
  return n >= 1 ? n : 1;
}
/** One tag's bytes (between `<` and `>`), read in place in the chunk when it fits, decoded only on demand. */
class TagView {
  buf: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  private text: string | undefined;

  set(buf: Uint8Array, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.text = undefined;
  }

  /** The tag as text, with a leading space so that attribute patterns match its first attribute too. */
  decoded(): string {
    return (this.text ??= ' ' + utf8.decode(this.buf.subarray(this.start, this.end)));
  }

  /** Whether the tag contains the ASCII text `ascii`. */
  has(ascii: string): boolean {
    const first = ascii.charCodeAt(0);
    const last = this.end - ascii.length;
    outer: for (let i = this.start; i <= last; i++) {
      if (this.buf[i] !== first) continue;
      for (let k = 1; k < ascii.length; k++) if (this.buf[i + k] !== ascii.charCodeAt(k)) continue outer;
      return true;
    }
    return false;
  }

  private is(from: number, ascii: string): boolean {
    for (let k = 0; k < ascii.length; k++) if (this.buf[from + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }

  /** The local name between `from` and `to` when it is one the checks look at, else '' (no string built). */
  localName(from: number, to: number): string {
    switch (to - from) {
      case 1:
        return this.buf[from] === 0x66 ? 'f' : '';
      case 3:
        return this.is(from, 'sst') ? 'sst' : '';
      case 5:
        return this.is(from, 'table') ? 'table' : '';
      case 8:
        return this.is(from, 'Override') ? 'Override' : '';
      case 9:
        return this.is(from, 'table-row') ? 'table-row' : this.is(from, 'mergeCell') ? 'mergeCell' : '';
      case 10:
        return this.is(from, 'table-cell') ? 'table-cell' : '';
      case 12:
        return this.is(from, 'Relationship') ? 'Relationship' : '';
      case 18:
        return this.is(from, 'covered-table-cell') ? 'covered-table-cell' : '';
      default:
        return '';
    }
  }
}

const asInt = (v: string) => Number.parseInt(v, 10);
const asNumber = (v: string) => +v;

/** Last row and column (1-based) of an A1 range such as `A1:XFD1048576`; undefined when unreadable. */
function rangeEnd(ref: string): { row: number; col: number } | undefined {
  const m = /([A-Za-z]{1,7})\$?(\d{1,15})$/.exec(ref.replace(/\$/g, '').trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

interface OdsRow {
  repeat: number;
  col: number;
  cells: number;
  content: boolean;
}

interface OdsCell {
  repeat: number;
  depth: number;
  content: boolean;
  covered: boolean;
}

/** The content of an .ods `content.xml`: rows × columns that carry values, per sheet, against the limits. */
class OdsSheets {
  private sheet = '';
  private rowPos = 0;
  private cells = 0;
  private row: OdsRow | undefined;
  private cell: OdsCell | undefined;

  constructor(private readonly file: string) {}

  /** `tag` is decoded only for the sheet name, repeats and spans. */
  start(name: string, tag: TagView, selfClosing: boolean, depth: number): void {
    if (this.cell && depth > this.cell.depth) this.cell.content = true;
    switch (name) {
      case 'table':
        if (!selfClosing) {
          this.sheet = unescapeXml(attr(tag.decoded(), 'name') ?? '');
          this.rowPos = 0;
          this.row = undefined;
        }
        return;
      case 'table-row': {
        const repeat = tag.has('repeated') ? count(attr(tag.decoded(), 'number-rows-repeated'), asNumber) : 1;
        if (selfClosing) this.rowPos += repeat;
        else this.row = { repeat, col: 0, cells: 0, content: false };
        return;
      }
      case 'table-cell':
      case 'covered-table-cell': {
        if (!this.row) return;
        const t = tag.has('repeated') || tag.has('spanned') ? tag.decoded() : '';
        const repeat = count(attr(t, 'number-columns-repeated'), asInt);
        this.checkSpans(t);
        const covered = name === 'covered-table-cell';
        const typed = tag.has('value-type');
        if (selfClosing) {
          // The reader keeps a self-closing typed cell once, whatever its repeat.
          if (!covered && typed) this.addCells(1, 1);
          this.row.col += repeat;
        } else {
          this.cell = { repeat, depth, covered, content: typed };
        }
        return;
      }
    }
  }

  end(name: string): void {
    if ((name === 'table-cell' || name === 'covered-table-cell') && this.cell && this.row) {
      const { repeat, content, covered } = this.cell;
      this.cell = undefined;
      if (content && !covered) this.addCells(repeat, repeat);
      this.row.col += repeat;
    } else if (name === 'table-row' && this.row) {
      const row = this.row;
      this.row = undefined;
      if (row.content) this.checkRow(row);
      this.rowPos += row.repeat;
    }
  }

  private refuse(what: string, kind: 'tooManyRows' | 'tooManyColumns' | 'tooManyCells'): never {
    throw REFUSAL.declared(this.file, this.sheet, what, kind);
  }

  private addCells(repeat: number, width: number): void {
    const row = this.row as OdsRow;
    if (repeat > MAX_COLUMNS)
      this.refuse(`${fr(repeat)} colonnes répétées (limite ${fr(MAX_COLUMNS)})`, 'tooManyColumns');
    if (row.col + width > MAX_COLUMNS)
      this.refuse(
        `des valeurs jusqu'à la colonne ${fr(row.col + width)} (limite ${fr(MAX_COLUMNS)})`,
        'tooManyColumns',
      );
    row.content = true;
    row.cells += repeat;
  }

  private checkRow(row: OdsRow): void {
    if (row.repeat > MAX_ROWS)
      this.refuse(`${fr(row.repeat)} lignes répétées (limite ${fr(MAX_ROWS)})`, 'tooManyRows');
    if (this.rowPos + row.repeat > MAX_ROWS)
      this.refuse(
        `des valeurs jusqu'à la ligne ${fr(this.rowPos + row.repeat)} (limite ${fr(MAX_ROWS)})`,
        'tooManyRows',
      );
    this.cells += row.repeat * row.cells;
    if (this.cells > MAX_CELLS)
      this.refuse(
        `plus de ${fr(MAX_CELLS)} cellules remplies une fois les répétitions déployées`,
        'tooManyCells',
      );
  }

  private checkSpans(tag: string): void {
    const row = this.row as OdsRow;
    const rows = count(attr(tag, 'number-rows-spanned'), asInt);
    const cols = count(attr(tag, 'number-columns-spanned'), asInt);
    if (rows > 1 && this.rowPos + rows > MAX_ROWS)
      this.refuse(
        `une cellule fusionnée sur ${fr(rows)} lignes, jusqu'à la ligne ${fr(this.rowPos + rows)} (limite ${fr(MAX_ROWS)})`,
        'tooManyRows',
      );
    if (cols > 1 && row.col + cols > MAX_COLUMNS)
      this.refuse(
        `une cellule fusionnée sur ${fr(cols)} colonnes, jusqu'à la colonne ${fr(row.col + cols)} (limite ${fr(MAX_COLUMNS)})`,
        'tooManyColumns',
      );
  }
}

const enum Mode {
  Text,
  Tag,
  Bang,
  Comment,
  Cdata,
}

const LT = 0x3c;
const GT = 0x3e;

/**
 * A streaming check of one XML part of `file` (a zip of `format`); push() throws a WorkbookRefusal (French
 * message naming the file and the part, and the sheet for .ods repeats) as soon as the part goes too far.
 */
export function xmlScanner(file: string, part: string, format: 'xlsx' | 'ods'): XmlScanner {
  const ods = format === 'ods' && part === 'content.xml' ? new OdsSheets(file) : undefined;
  const refuse = (detail: string): never => {
    throw REFUSAL.suspectPart(file, part, detail);
  };
  let mode = Mode.Text;
  let run = 0;
  let tag = new Uint8Array(256);
  let tagLength = 0;
  let quote = 0;
  let depth = 0;
  let roots = 0;
  let sst = 0;
  let bang = '';

  const tooLong = () =>
    refuse(`contient un texte ou une balise de plus de ${fr(MAX_XML_TOKEN_BYTES / 1024 / 1024)} Mo`);

  const view = new TagView();

  function onTag(buf: Uint8Array, start: number, end: number): void {
    view.set(buf, start, end);
    const first = buf[start];
    if (first === 0x3f) return; // <?xml … ?>
    const selfClosing = buf[end - 1] === 0x2f;
    const closing = first === 0x2f;
    const from = closing ? start + 1 : start;
    let at = from;
    let colon = from - 1;
    while (at < end) {
      const b = buf[at] as number;
      if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f) break;
      if (b === 0x3a) colon = at;
      at++;
    }
    const local = view.localName(colon + 1, at);
    if (closing) {
      depth = Math.max(0, depth - 1);
      ods?.end(local);
      return;
    }
    if (local === 'sst' && ++sst > 1)
      refuse(`contient plusieurs tables de textes partagés (<sst>) au lieu d'une`);
    if (depth === 0 && ++roots > 1)
      refuse(
        `contient plusieurs éléments racine (<${utf8.decode(buf.subarray(from, Math.min(at, from + 64)))}>)`,
      );
    if (!selfClosing && ++depth > MAX_XML_DEPTH)
      refuse(`imbrique des éléments sur plus de ${fr(MAX_XML_DEPTH)} niveaux`);
    if (ods) {
      ods.start(local, view, selfClosing, depth - (selfClosing ? 0 : 1));
    } else if (format === 'xlsx') {
      if (local === 'mergeCell' || (local === 'f' && view.has('ref') && / ref\s*=/.test(view.decoded()))) {
        const ref = attr(view.decoded(), 'ref') ?? '';
        const e = rangeEnd(ref);
        if (e && (e.row > MAX_ROWS || e.col > MAX_COLUMNS))
          refuse(
            `contient ${local === 'f' ? 'une formule matricielle' : 'une fusion de cellules'} « ${ref} » au-delà des limites (${fr(MAX_ROWS)} lignes, ${fr(MAX_COLUMNS)} colonnes)`,
          );
      } else if (local === 'Override') {
        const type = attr(view.decoded(), 'ContentType') ?? '';
        if (XLSB_CONTENT_TYPE.test(type))
          throw REFUSAL.notWorkbook(
            file,
            `« ${part} » déclare des éléments au format Excel binaire (.xlsb, « ${type} »), non pris en charge : enregistrez-le au format .xlsx`,
          );
      } else if (local === 'Relationship') {
        const target = attr(view.decoded(), 'Target') ?? '';
        const type = attr(view.decoded(), 'Type') ?? '';
        if (
          /\.bin$/i.test(target) &&
          /(officeDocument|worksheet|sharedStrings|styles|chartsheet)$/.test(type)
        )
          throw REFUSAL.notWorkbook(
            file,
            `« ${part} » désigne « ${target} », au format Excel binaire (.xlsb), non pris en charge : enregistrez-le au format .xlsx`,
          );
      }
    }
  }

  function push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      switch (mode) {
        case Mode.Text: {
          const lt = chunk.indexOf(LT, i);
          const end = lt < 0 ? chunk.length : lt;
          run += end - i;
          if (run > MAX_XML_TOKEN_BYTES) tooLong();
          i = end;
          if (lt >= 0) {
            mode = Mode.Tag;
            tagLength = 0;
            quote = 0;
            run = 0;
            bang = '';
          }
          break;
        }
        case Mode.Tag: {
          if (tagLength === 0 && b === 0x21) {
            mode = Mode.Bang;
            bang = '!';
            break;
          }
          // The rest of the tag in this chunk, up to its '>' outside quotes, copied in one piece.
          let end = i;
          let q = quote;
          for (; end < chunk.length; end++) {
            const c = chunk[end] as number;
            if (q === 0) {
              if (c === GT) break;
              if (c === 0x22 || c === 0x27) q = c;
            } else if (c === q) q = 0;
          }
          quote = q;
          const length = end - i;
          if (tagLength === 0 && end < chunk.length) {
            onTag(chunk, i, end);
            i = end;
            mode = Mode.Text;
            run = 0;
            break;
          }
          if (tagLength + length > MAX_XML_TOKEN_BYTES) tooLong();
          if (tagLength + length > tag.length) {
            const bigger = new Uint8Array(Math.max(tag.length * 2, tagLength + length));
            bigger.set(tag.subarray(0, tagLength));
            tag = bigger;
          }
          tag.set(chunk.subarray(i, end), tagLength);
          tagLength += length;
          i = end;
          if (end < chunk.length) {
            onTag(tag, 0, tagLength);
            mode = Mode.Text;
            run = 0;
          }
          break;
        }
        case Mode.Bang:
          bang += String.fromCharCode(b);
          if (bang === '!--') {
            mode = Mode.Comment;
            run = 0;
          } else if (bang === '![CDATA[') {
            mode = Mode.Cdata;
            run = 0;
          } else if (!'!--'.startsWith(bang) && !'![CDATA['.startsWith(bang)) {
            const word = /^!([A-Za-z]*)/.exec(bang)?.[1] ?? '';
            if (/[A-Za-z]/.test(String.fromCharCode(b)) && bang.length < 12) break;
            refuse(
              `contient une déclaration <!${word}>, que les classeurs n'utilisent pas (elle peut définir des entités)`,
            );
          }
          break;
        case Mode.Comment:
        case Mode.Cdata: {
          if (++run > MAX_XML_TOKEN_BYTES) tooLong();
          const close = mode === Mode.Comment ? 0x2d : 0x5d;
          if (b === GT && quote >= 2) {
            mode = Mode.Text;
            run = 0;
          }
          quote = b === close ? quote + 1 : 0;
          break;
        }
      }
    }
  }

  return {
    push(chunk) {
      try {
        push(chunk);
      } catch (e) {
        if (e instanceof WorkbookRefusal) throw e;
        throw REFUSAL.unreadable(file);
      }
    },
    end() {
      if (mode === Mode.Bang) refuse("contient une déclaration <!…> que les classeurs n'utilisent pas");
    },
  };
}
