// Guard and migrate steps of opening a scenario file. Guard: the Métadonnées sheet is there, says it is a
// scenario file and gives a format version this code knows (a newer one is refused with the reason).
// Migrate: one small pure function per version step turns a file of version n into version n + 1, so every
// older file is read by the current restore code. Version 1 is current: the chain is empty today; format 2
// adds one entry `{ from: 1, migrate }` to MIGRATIONS (and a test/fixtures/scenario-v2.xlsx).
import { err, ok, type Result } from '../../domain/result';
import { headerKey } from '../table/header-vocabulary';
import { cellText } from '../restore/restore-values';
import {
  CURRENT_FORMAT_VERSION,
  METADATA_KEYS,
  SCENARIO_FILE_SHEETS,
  SCENARIO_FILE_TYPE,
} from './scenario-file-format';
import type { CellValue, SheetData, WorkbookData } from '../workbook-data';

/** One value of Métadonnées with its 1-based row (for diagnostics). */
export interface MetadataValue {
  value: CellValue;
  row: number;
}

/** A scenario file between the guard and the restore: its format version, metadata and sheets. */
export interface RawScenarioFile {
  version: number;
  /** Key → value; a Map, so no key (`__proto__`…) can reach an object's prototype. First row of a key wins. */
  metadata: ReadonlyMap<string, MetadataValue>;
  /** Keys met more than once (only the first is read). */
  duplicateKeys: readonly string[];
  workbook: WorkbookData;
}

export interface Migration {
  /** The version this step reads; it returns a file of version from + 1. */
  from: number;
  migrate(file: RawScenarioFile): RawScenarioFile;
}

/** The steps from each older version; empty while version 1 is the only one. */
export const MIGRATIONS: readonly Migration[] = [];

export function findSheet(workbook: WorkbookData, name: string): SheetData | undefined {
  return workbook.sheets.find((s) => headerKey(s.name) === headerKey(name));
}

function readMetadata(sheet: SheetData): Pick<RawScenarioFile, 'metadata' | 'duplicateKeys'> {
  const metadata = new Map<string, MetadataValue>();
  const duplicates: string[] = [];
  sheet.rows.forEach((cells, index) => {
    const key = cellText(cells[0] ?? null);
    if (index === 0 || key === '' || key.length > 100) return;
    if (metadata.has(key)) duplicates.push(key);
    else metadata.set(key, { value: cells[1] ?? null, row: index + 1 });
  });
  return { metadata, duplicateKeys: duplicates };
}

const NOT_A_SCENARIO = (fileName: string, why: string) =>
  `Le fichier « ${fileName} » n’est pas un fichier de scénario du planificateur (${why}). Pour reprendre les postes d’un classeur, utilisez « Importer un classeur ».`;

export function newerFormatMessage(version: number): string {
  return `Ce fichier a été enregistré par une version plus récente du planificateur (format ${version}) : mettez l'application à jour pour l'ouvrir.`;
}

/** Guard: a French reason when the workbook is not a scenario file this code can read. */
export function guardScenarioFile(workbook: WorkbookData): Result<RawScenarioFile> {
  const sheet = findSheet(workbook, SCENARIO_FILE_SHEETS.metadata);
  if (!sheet) return err(NOT_A_SCENARIO(workbook.fileName, 'feuille « Métadonnées » absente'));
  const { metadata, duplicateKeys } = readMetadata(sheet);
  const type = cellText(metadata.get(METADATA_KEYS.formatType[0])?.value ?? null);
  if (type !== SCENARIO_FILE_TYPE)
    return err(NOT_A_SCENARIO(workbook.fileName, `type de fichier « ${type.slice(0, 60) || 'absent'} »`));
  const raw = metadata.get(METADATA_KEYS.formatVersion[0])?.value ?? null;
  const version =
    typeof raw === 'number' ? raw : /^\s*\d{1,6}\s*$/.test(String(raw ?? '')) ? Number(raw) : NaN;
  if (!Number.isInteger(version) || version < 1)
    return err(
      `Le fichier « ${workbook.fileName} » a une version de format illisible (« ${cellText(raw).slice(0, 20)} ») : il ne peut pas être ouvert.`,
    );
  if (version > CURRENT_FORMAT_VERSION) return err(newerFormatMessage(version));
  return ok({ version, metadata, duplicateKeys, workbook });
}

/** Migrate: applies the steps from the file's version up to `target`. */
export function migrateScenarioFile(
  file: RawScenarioFile,
  chain: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_FORMAT_VERSION,
): Result<RawScenarioFile> {
  let current = file;
  while (current.version < target) {
    const step = chain.find((m) => m.from === current.version);
    if (!step)
      return err(`Aucune conversion connue depuis le format ${current.version} : fichier non ouvert.`);
    current = { ...step.migrate(current), version: current.version + 1 };
  }
  return ok(current);
}
