// Writes a scenario file: the export workbook (Synthèse, Postes, Cofinancements, Paramètres, live formulas)
// plus Structures (ids and fields of every structure), Rattachements (each position's structure id), Métadonnées (format, versions, campaign parameters,
// dates) and Journal (the change log, every cell a string so nothing is evaluated or reformatted).
import type { ScenarioFigures } from '../../domain/recompute';
import type { RegionBudget, Scenario } from '../../domain/types';
import { FORMATS, date, money, num, text, type Cell } from '../export/export-cells';
import { buildWorkbook, type ExtraSheet } from '../export/export-workbook';
import { MAX_CELL_TEXT } from '../limits';
import {
  CURRENT_FORMAT_VERSION,
  FTE_TARGET_PREFIX,
  JOURNAL_HEADERS,
  LINK_HEADERS,
  MAX_JOURNAL_ROWS,
  METADATA_HEADERS,
  METADATA_KEYS,
  SCENARIO_FILE_SHEETS,
  SCENARIO_FILE_TYPE,
  STRUCTURE_HEADERS,
  type JournalEntry,
  type MetadataName,
} from './scenario-file-format';
import { LEGAL_STATUS_LABELS, PAYMENT_SCHEDULE_LABELS } from '../value-labels';

export interface ScenarioFileOptions {
  /** The planner's version (APP_VERSION). */
  appVersion: string;
  /** ISO date-time of the save. */
  exportedAt: string;
}

type Rows = (Cell | undefined)[][];

const rate = (bp: number) => num(bp / 10_000, FORMATS.rate);

function metadataRows(scenario: Scenario, options: ScenarioFileOptions, omitted: number): Rows {
  const { campaign } = scenario;
  const { rules } = campaign;
  const committed = scenario.positions.reduce((a, p) => a + p.stateAmount, 0);
  const values: Record<MetadataName, Cell | undefined> = {
    formatType: text(SCENARIO_FILE_TYPE),
    formatVersion: num(CURRENT_FORMAT_VERSION, FORMATS.integer),
    appVersion: text(options.appVersion),
    scenarioId: text(scenario.id),
    scenarioName: text(scenario.name),
    createdAt: text(scenario.createdAt),
    updatedAt: text(scenario.updatedAt),
    exportedAt: text(options.exportedAt),
    campaignId: text(campaign.id),
    campaignYear: num(campaign.year, FORMATS.integer),
    campaignLabel: text(campaign.label),
    nationalEnvelope: money(campaign.nationalEnvelope),
    conventionStart: date(campaign.defaultConventionStart),
    conventionEnd: date(campaign.defaultConventionEnd),
    paymentSchedule: text(PAYMENT_SCHEDULE_LABELS[campaign.defaultPaymentSchedule]),
    maxStateRate: rate(rules.maxStateRate),
    minCoFundingRate: rate(rules.minCoFundingRate),
    maxAllStateRate: rate(rules.maxAllStateRate),
    allStateRateStatuses: text(rules.allStateRateStatuses.map((s) => LEGAL_STATUS_LABELS[s]).join(' ; ')),
    stateCeilingPerFte: rules.stateCeilingPerFte === null ? text('aucun') : money(rules.stateCeilingPerFte),
    minFte: num(rules.minFtePerStructureRole / 100, FORMATS.fte),
    maxConventionYears: num(rules.maxConventionYears, FORMATS.integer),
    regionCodes: text(scenario.regions.map((r) => r.regionCode).join(' ; ')),
    positionCount: num(scenario.positions.length, FORMATS.integer),
    committed: money(committed),
    journalOmitted: num(omitted, FORMATS.integer),
  };
  const rows: Rows = [METADATA_HEADERS.map(text)];
  for (const name of Object.keys(METADATA_KEYS) as MetadataName[]) {
    const [key, description] = METADATA_KEYS[name];
    rows.push([text(key), values[name], text(description)]);
  }
  for (const r of scenario.regions.filter(
    (x): x is RegionBudget & { fteTarget: number } => x.fteTarget !== null,
  )) {
    rows.push([
      text(`${FTE_TARGET_PREFIX}${r.regionCode}`),
      num(r.fteTarget / 100, FORMATS.fte),
      text(`Objectif d’ETP de la région ${r.regionCode}`),
    ]);
  }
  return rows;
}

function structureRows(scenario: Scenario): Rows {
  return [
    STRUCTURE_HEADERS.map(text),
    ...scenario.structures.map((s) => [
      text(s.id),
      text(s.name),
      s.siret ? text(s.siret) : undefined,
      text(LEGAL_STATUS_LABELS[s.legalStatus]),
      s.departmentCode ? text(s.departmentCode) : undefined,
    ]),
  ];
}

function linkRows(scenario: Scenario): Rows {
  return [LINK_HEADERS.map(text), ...scenario.positions.map((p) => [text(p.id), text(p.structureId)])];
}

/** A value as JSON text; a value too long for one cell is replaced by a French note (kept as a string). */
function json(value: unknown): Cell {
  const written = JSON.stringify(value ?? null) ?? 'null';
  return text(
    written.length <= MAX_CELL_TEXT ? written : JSON.stringify('(valeur trop longue pour le fichier)'),
  );
}

function journalRows(entries: readonly JournalEntry[]): Rows {
  return [
    JOURNAL_HEADERS.map(text),
    ...entries.map((e) => [
      text(e.at),
      text(e.who),
      text(e.source),
      text(e.entity),
      text(e.entityId),
      text(e.field),
      json(e.oldValue),
      json(e.newValue),
      text(e.label),
      text(e.batchId),
    ]),
  ];
}

/**
 * The scenario file's bytes (.xlsx). `figures` is recompute(scenario); `changeLog` is the scenario's change
 * log, oldest first (only the newest MAX_JOURNAL_ROWS are written; the count left out is in Métadonnées).
 */
export function buildScenarioFile(
  scenario: Scenario,
  figures: ScenarioFigures,
  changeLog: readonly JournalEntry[],
  options: ScenarioFileOptions,
): Promise<ArrayBuffer> {
  return buildWorkbook(scenario, figures, {
    bookType: 'xlsx',
    exportedAt: options.exportedAt,
    extraSheets: scenarioFileSheets(scenario, changeLog, options),
  });
}

/** The sheets a scenario file adds to the export workbook. */
function scenarioFileSheets(
  scenario: Scenario,
  changeLog: readonly JournalEntry[],
  options: ScenarioFileOptions,
): ExtraSheet[] {
  const omitted = Math.max(0, changeLog.length - MAX_JOURNAL_ROWS);
  const journal = omitted > 0 ? changeLog.slice(omitted) : changeLog;
  return [
    { name: SCENARIO_FILE_SHEETS.structures, rows: structureRows(scenario), widths: [24, 40, 16, 30, 12] },
    { name: SCENARIO_FILE_SHEETS.links, rows: linkRows(scenario), widths: [24, 24] },
    {
      name: SCENARIO_FILE_SHEETS.metadata,
      rows: metadataRows(scenario, options, omitted),
      widths: [34, 44, 54],
    },
    {
      name: SCENARIO_FILE_SHEETS.journal,
      rows: journalRows(journal),
      widths: [26, 20, 12, 12, 22, 18, 40, 40, 34, 38],
    },
  ];
}
