// The scenario file's contract (format type, version, sheets, metadata keys): an app export workbook plus the
// sheets Structures, Rattachements, Métadonnées and Journal. Changing a key or a sheet means a new format version, a
// migration step in scenario-file-migrate.ts and a fixture per version in test/fixtures.
import type { ChangeRow } from '../../domain/change-log';
import type { Scenario } from '../../domain/types';
import { PARAMETER_LABELS as P } from '../../domain/vocabulary';

export const SCENARIO_FILE_TYPE = 'planificateur-etp-scenario';
/** The version this code writes; every version from 1 up to it stays readable. */
export const CURRENT_FORMAT_VERSION = 1;
/** The app's version, written in each file. */
export { APP_VERSION } from '../../app-version';

export const SCENARIO_FILE_SHEETS = {
  structures: 'Structures',
  links: 'Rattachements',
  metadata: 'Métadonnées',
  journal: 'Journal',
} as const;

/** Header of Métadonnées: a stable key, its value, a French description for people. */
export const METADATA_HEADERS = ['Clé', 'Valeur', 'Description'] as const;
export const STRUCTURE_HEADERS = ['Identifiant', 'Nom', 'SIRET', 'Statut juridique', 'Département'] as const;
/** Which structure each position belongs to (the Postes sheet names structures, two may share a name). */
export const LINK_HEADERS = ['Identifiant poste', 'Identifiant structure'] as const;
export const JOURNAL_HEADERS = [
  'Date',
  'Qui',
  'Origine',
  'Entité',
  'Identifiant',
  'Champ',
  'Avant (JSON)',
  'Après (JSON)',
  'Libellé',
  'Lot',
] as const;

/** Metadata keys and their description, in the order written. */
export const METADATA_KEYS = {
  formatType: ['format.type', 'Type de fichier'],
  formatVersion: ['format.version', 'Version du format de fichier'],
  appVersion: ['app.version', 'Version du planificateur qui a enregistré le fichier'],
  scenarioId: ['scenario.id', 'Identifiant du scénario'],
  scenarioName: ['scenario.name', 'Nom du scénario'],
  createdAt: ['scenario.createdAt', 'Scénario créé le (UTC)'],
  updatedAt: ['scenario.updatedAt', 'Dernière modification (UTC)'],
  exportedAt: ['file.exportedAt', 'Fichier enregistré le (UTC)'],
  campaignId: ['campaign.id', 'Identifiant de la campagne'],
  campaignYear: ['campaign.year', P.year],
  campaignLabel: ['campaign.label', 'Libellé de la campagne'],
  nationalEnvelope: ['campaign.nationalEnvelope', P.nationalEnvelope],
  conventionStart: ['campaign.defaultConventionStart', P.defaultConventionStart],
  conventionEnd: ['campaign.defaultConventionEnd', P.defaultConventionEnd],
  paymentSchedule: ['campaign.defaultPaymentSchedule', P.defaultPaymentSchedule],
  maxStateRate: ['rules.maxStateRate', P.maxStateRate],
  minCoFundingRate: ['rules.minCoFundingRate', P.minCoFundingRate],
  maxAllStateRate: ['rules.maxAllStateRate', P.maxAllStateRate],
  allStateRateStatuses: ['rules.allStateRateStatuses', P.allStateRateStatuses],
  stateCeilingPerFte: ['rules.stateCeilingPerFte', `${P.stateCeilingPerFte} (« aucun » sinon)`],
  minFte: ['rules.minFtePerStructureRole', P.minFtePerStructureRole],
  maxConventionYears: ['rules.maxConventionYears', `${P.maxConventionYears} (années)`],
  regionCodes: ['regions.codes', 'Régions du scénario (codes, dans l’ordre)'],
  positionCount: ['check.positions', 'Nombre de postes enregistrés (contrôle)'],
  committed: ['check.committed', 'Total des parts État enregistré (contrôle)'],
  journalOmitted: ['journal.omitted', 'Lignes anciennes du journal non enregistrées'],
} as const satisfies Record<string, readonly [string, string]>;

export type MetadataName = keyof typeof METADATA_KEYS;

/** Per-region ETP target: `regions.fteTarget.76`. */
export const FTE_TARGET_PREFIX = 'regions.fteTarget.';

/** Most journal rows written (the newest); the reader accepts 200 000 rows per sheet. */
export const MAX_JOURNAL_ROWS = 150_000;

/** The file's journal uses the app's own vocabulary of change sources and entities (one list, in the domain). */
export {
  CHANGE_ENTITIES as JOURNAL_ENTITIES,
  CHANGE_SOURCES as JOURNAL_SOURCES,
  type ChangeEntity as JournalEntity,
  type ChangeSource as JournalSource,
} from '../../domain/change-log';

/** One change-log row as the file carries it: a ChangeRow without seq and scenario id (values JSON-safe). */
export type JournalEntry = Omit<ChangeRow, 'seq' | 'scenarioId'>;

/** `scenario-Démonstration-2026-2026-11-22.xlsx`: the name without characters file systems refuse. */
export function scenarioFileName(scenario: Scenario, isoDate: string): string {
  const safe = [...scenario.name]
    .map((ch) => (ch <= ' ' || '\\/:*?"<>|\u00a0\u202f'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `scenario-${safe || 'sans-nom'}-${isoDate.slice(0, 10)}.xlsx`;
}
