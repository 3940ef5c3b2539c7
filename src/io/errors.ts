// Why a file is refused as a whole (before any row is read), with the French message shown to people.
import { megabytes } from './limits';

export type RefusalKind =
  | 'empty'
  | 'tooLarge'
  | 'bomb'
  | 'encrypted'
  | 'truncated'
  | 'notWorkbook'
  | 'tooManySheets'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'tooManyCells'
  | 'unreadable'
  | 'timeout'
  | 'aborted'
  | 'crashed';

export const REFUSAL_KINDS: readonly RefusalKind[] = [
  'empty',
  'tooLarge',
  'bomb',
  'encrypted',
  'truncated',
  'notWorkbook',
  'tooManySheets',
  'tooManyRows',
  'tooManyColumns',
  'tooManyCells',
  'unreadable',
  'timeout',
  'aborted',
  'crashed',
];

/** A file refused as a whole; `message` is French and names the file. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookRefusal';
  }
}

const fr = (n: number) => n.toLocaleString('fr-FR');
const file = (name: string) => `Le fichier « ${name} »`;

/** The French messages, one per kind of refusal. */
export const REFUSAL = {
  empty: (name: string) => new WorkbookRefusal('empty', `${file(name)} est vide (0 octet).`),
  tooLarge: (name: string, bytes: number, limit: number) =>
    new WorkbookRefusal(
      'tooLarge',
      `${file(name)} est trop volumineux (${megabytes(bytes)} Mo, limite ${megabytes(limit)} Mo).`,
    ),
  bomb: (name: string, declared: number, limit: number) =>
    new WorkbookRefusal(
      'bomb',
      `${file(name)} est trop volumineux une fois décompressé (${megabytes(declared)} Mo déclarés, limite ${megabytes(limit)} Mo).`,
    ),
  ratio: (name: string, entry: string, ratio: number) =>
    new WorkbookRefusal(
      'bomb',
      `${file(name)} est anormalement compressé (élément « ${entry} » : ${fr(Math.round(ratio))} pour 1) : il est refusé par précaution.`,
    ),
  inconsistent: (name: string, detail: string) =>
    new WorkbookRefusal('bomb', `${file(name)} est incohérent (${detail}) : il est refusé par précaution.`),
  /** A sheet whose declared repeats or spans exceed a limit (seen in the XML before the reader expands them). */
  declared: (
    name: string,
    sheet: string,
    what: string,
    kind: 'tooManyRows' | 'tooManyColumns' | 'tooManyCells',
  ) =>
    new WorkbookRefusal(
      kind,
      `La feuille « ${sheet} » déclare ${what} : le fichier « ${name} » est refusé par précaution.`,
    ),
  /** An XML part built to stall or mislead the reader (depth, giant text, DOCTYPE, repeated roots, huge merges). */
  suspectPart: (name: string, part: string, detail: string) =>
    new WorkbookRefusal('bomb', `${file(name)} est refusé par précaution : « ${part} » ${detail}.`),
  /** A sheet of a legacy .xls whose records point outside the tables they index. */
  suspectSheet: (name: string, sheet: string, detail: string) =>
    new WorkbookRefusal(
      'bomb',
      `La feuille « ${sheet} » ${detail} : le fichier « ${name} » est refusé par précaution.`,
    ),
  encrypted: (name: string) =>
    new WorkbookRefusal(
      'encrypted',
      `${file(name)} est protégé par un mot de passe : enregistrez-le sans mot de passe, puis importez-le à nouveau.`,
    ),
  truncated: (name: string) =>
    new WorkbookRefusal(
      'truncated',
      `${file(name)} est incomplet ou endommagé (archive tronquée) : enregistrez-le à nouveau ou demandez-en une nouvelle copie.`,
    ),
  notWorkbook: (name: string, hint = '') =>
    new WorkbookRefusal(
      'notWorkbook',
      `${file(name)} n'est pas un classeur lisible (.xlsx, .xls, .ods ou .csv)${hint ? ` : ${hint}` : ''}.`,
    ),
  tooManySheets: (name: string, count: number, limit: number) =>
    new WorkbookRefusal(
      'tooManySheets',
      `${file(name)} contient trop de feuilles (${fr(count)}, limite ${fr(limit)}).`,
    ),
  tooManyRows: (name: string, sheet: string, count: number, limit: number) =>
    new WorkbookRefusal(
      'tooManyRows',
      `${file(name)} contient trop de lignes (feuille « ${sheet} » : ${fr(count)} lignes, limite ${fr(limit)}).`,
    ),
  tooManyColumns: (name: string, sheet: string, limit: number) =>
    new WorkbookRefusal(
      'tooManyColumns',
      `${file(name)} contient trop de colonnes (feuille « ${sheet} » : plus de ${fr(limit)}).`,
    ),
  tooManyCells: (name: string, limit: number) =>
    new WorkbookRefusal(
      'tooManyCells',
      `${file(name)} contient trop de cellules remplies (plus de ${fr(limit)}).`,
    ),
  unreadable: (name: string) =>
    new WorkbookRefusal(
      'unreadable',
      `${file(name)} n'a pas pu être lu : il est peut-être endommagé. Enregistrez-le à nouveau depuis Excel ou LibreOffice.`,
    ),
  timeout: (name: string, ms: number) =>
    new WorkbookRefusal(
      'timeout',
      `La lecture du fichier « ${name} » a dépassé ${fr(Math.round(ms / 1000))} s : elle a été arrêtée. Aucune donnée n'a été importée.`,
    ),
  aborted: (name: string) =>
    new WorkbookRefusal(
      'aborted',
      `La lecture du fichier « ${name} » a été annulée. Aucune donnée n'a été importée.`,
    ),
  crashed: (name: string) =>
    new WorkbookRefusal(
      'crashed',
      `La lecture du fichier « ${name} » a échoué : le lecteur de fichiers s'est arrêté (mémoire insuffisante ?). Aucune donnée n'a été importée.`,
    ),
};
