// Opens a scenario file read by the import reader (values only): guard → migrate → restore. Pure: nothing is
// written; the caller shows the preview, then commits (planner.addScenario and the change log).
import { formatEuros } from '../../domain/format-fr';
import type { Cents } from '../../domain/money';
import { err, ok, type Result } from '../../domain/result';
import type { Scenario } from '../../domain/types';
import type { IgnoredRow } from '../table/find-table';
import { isKnownMetadataKey, restoreMetadata } from './scenario-file-campaign';
import { cellDiagnostic, fileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import { SCENARIO_FILE_SHEETS, type JournalEntry } from './scenario-file-format';
import { restoreJournal } from './scenario-file-journal';
import { guardScenarioFile, migrateScenarioFile, type Migration } from './scenario-file-migrate';
import { restoreRecords, type NewId } from './scenario-file-records';
import { readSummary, restoreRegions } from './scenario-file-regions';
import type { WorkbookData } from '../workbook-data';

export interface OpenedScenarioFile {
  scenario: Scenario;
  /** The change log carried by the file, oldest first. */
  changeLog: JournalEntry[];
  diagnostics: FileDiagnostic[];
  /** Rows of Postes left out (blank, totals, notes), with the reason. */
  ignored: IgnoredRow[];
  /** The format version the file was written in (before migration). */
  formatVersion: number;
  /** The planner version that saved it, as written. */
  appVersion: string;
  exportedAt: string | null;
}

export interface ReadScenarioOptions {
  /** Fresh ids for rows without one (default: random `pos-…` / `st-…`). */
  newId?: NewId;
  /** Migration steps (tests); default MIGRATIONS. */
  migrations?: readonly Migration[];
}

function randomId(kind: 'position' | 'structure'): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${kind === 'position' ? 'pos' : 'st'}-${hex}`;
}

function checkUnchanged(
  check: { positions: number | null; committed: Cents | null },
  scenario: Scenario,
  out: FileDiagnostic[],
): void {
  const committed = scenario.positions.reduce((a, p) => a + p.stateAmount, 0) as Cents;
  const parts: string[] = [];
  if (check.positions !== null && check.positions !== scenario.positions.length)
    parts.push(`${check.positions} postes enregistrés, ${scenario.positions.length} lus`);
  if (check.committed !== null && check.committed !== committed)
    parts.push(
      `total des parts État enregistré ${formatEuros(check.committed)}, lu ${formatEuros(committed)}`,
    );
  if (parts.length > 0)
    out.push(fileDiagnostic(`Le fichier a été modifié après son enregistrement : ${parts.join(' ; ')}.`));
}

/** The scenario, its change log and what was found, or the French reason the file cannot be opened. */
export function readScenarioFile(
  workbook: WorkbookData,
  options: ReadScenarioOptions = {},
): Result<OpenedScenarioFile> {
  const guarded = guardScenarioFile(workbook);
  if (!guarded.ok) return guarded;
  const migrated = migrateScenarioFile(guarded.value, options.migrations);
  if (!migrated.ok) return migrated;
  const file = migrated.value;
  const diagnostics: FileDiagnostic[] = [];
  for (const key of file.duplicateKeys)
    diagnostics.push(
      fileDiagnostic(
        `clé « ${key.slice(0, 60)} » en double : la première est retenue`,
        'warning',
        SCENARIO_FILE_SHEETS.metadata,
      ),
    );
  for (const [key, { row }] of file.metadata)
    if (!isKnownMetadataKey(key))
      diagnostics.push(
        cellDiagnostic(
          SCENARIO_FILE_SHEETS.metadata,
          row,
          'A',
          `clé inconnue « ${key.slice(0, 60)} » ignorée`,
        ),
      );
  const meta = restoreMetadata(file.metadata, workbook.fileName, diagnostics);
  if (!meta.ok) return meta;
  const m = meta.value;
  const summary = readSummary(workbook, diagnostics);
  const campaign = { ...m.campaign };
  if (summary.nationalEnvelope !== null && summary.nationalEnvelope !== campaign.nationalEnvelope) {
    diagnostics.push(
      fileDiagnostic(
        `enveloppe nationale de ${formatEuros(summary.nationalEnvelope)} différente de celle de « Métadonnées » (${formatEuros(campaign.nationalEnvelope)}) : celle de la Synthèse est retenue`,
        'warning',
        'Synthèse',
      ),
    );
    campaign.nationalEnvelope = summary.nationalEnvelope;
  }
  const records = restoreRecords(workbook, campaign, options.newId ?? randomId, diagnostics);
  if (!records.ok) return err(records.message);
  const scenario: Scenario = {
    id: m.scenarioId,
    name: m.scenarioName,
    campaign,
    regions: restoreRegions(summary, m.regionCodes, m.fteTargets, diagnostics),
    structures: records.value.structures,
    positions: records.value.positions,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
  checkUnchanged(m.check, scenario, diagnostics);
  if (m.journalOmitted > 0)
    diagnostics.push(
      fileDiagnostic(
        `${m.journalOmitted} lignes anciennes du journal n’avaient pas été enregistrées dans le fichier`,
        'warning',
        SCENARIO_FILE_SHEETS.journal,
      ),
    );
  return ok({
    scenario,
    changeLog: restoreJournal(workbook, diagnostics),
    diagnostics,
    ignored: records.value.ignored,
    formatVersion: guarded.value.version,
    appVersion: m.appVersion,
    exportedAt: m.exportedAt,
  });
}
