// Export of the active scenario as a file: .xlsx, .ods, .csv, or only the positions the Postes grid shows.
// Workbooks are written in a worker (io/export-client, which imports no SheetJS itself), so the page stays
// responsive; the CSV writer is loaded on first use. The bytes go to `save` (a download in the page). A full
// .xlsx/.ods export saves the scenario to a file: the planner notes its time.
import type { ScenarioFigures } from '../domain/recompute';
import type { Position, Scenario } from '../domain/types';
import { EXPORT_MIME_TYPES, writeWorkbook } from '../io/export/export-client';
import { positionsCount } from './import-summary';

export type ExportKind = 'xlsx' | 'ods' | 'csv' | 'view';

/** What an export needs of the planner (Planner implements it). */
export interface ExportSource {
  readonly scenario: Scenario;
  readonly figures: ScenarioFigures;
  /** Notes that the data was just saved to a file (lastSavedAt, for the save reminder). */
  markSaved(): Promise<void>;
}

/** Hands the file to the person (a download); `data` is the file's content. */
export type SaveFile = (data: ArrayBuffer | string, fileName: string, mimeType: string) => void;

/** Writes a workbook of the scenario (all positions, or `rows`): io/export/export-client's writeWorkbook by default. */
export type WriteWorkbook = (
  scenario: Scenario,
  options: { bookType: 'xlsx' | 'ods'; rows?: readonly Position[] },
) => Promise<ArrayBuffer>;

/** The file's name for a scenario name, `view` for the grid's rows only, and an extension. */
export type NameFile = (scenarioName: string, view: boolean, extension: 'xlsx' | 'ods' | 'csv') => string;

const CSV_MIME = 'text/csv;charset=utf-8';

/** Lets the browser paint `Préparation du fichier…` before the page is busy writing. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 20));

export class FileExport {
  /** The export being prepared. */
  busy = $state<ExportKind | null>(null);
  /** Outcome of the last export, in French. */
  message = $state.raw<{ tone: 'success' | 'error'; text: string } | null>(null);

  readonly #source: ExportSource;
  readonly #save: SaveFile;
  readonly #name: NameFile;
  readonly #write: WriteWorkbook;

  constructor(source: ExportSource, save: SaveFile, name: NameFile, write: WriteWorkbook = writeWorkbook) {
    this.#source = source;
    this.#save = save;
    this.#name = name;
    this.#write = write;
  }

  /**
   * Writes and hands over the file. `view` exports the positions of `shownIds` in that order (the Postes grid's
   * rows, filters applied); null when the grid cannot say.
   */
  async run(kind: ExportKind, shownIds: readonly string[] | null = null): Promise<void> {
    if (this.busy) return;
    const { scenario, figures } = this.#source;
    const rows = kind === 'view' ? shownPositions(scenario, shownIds) : undefined;
    if (rows?.length === 0 || (kind === 'view' && !rows)) {
      this.message = {
        tone: 'error',
        text: rows
          ? 'Aucun poste n’est affiché dans la grille Postes : rien à exporter.'
          : 'La grille Postes n’est pas encore affichée : ouvrez l’onglet Postes puis exportez la vue.',
      };
      return;
    }
    this.busy = kind;
    this.message = null;
    try {
      await paint();
      const extension = kind === 'view' ? 'xlsx' : kind;
      const fileName = this.#name(scenario.name, kind === 'view', extension);
      if (extension === 'csv') {
        const { buildCsv } = await import('../io/export/export-csv');
        this.#save(buildCsv(scenario, figures), fileName, CSV_MIME);
      } else {
        const bytes = await this.#write(scenario, {
          bookType: extension,
          ...(rows ? { rows } : {}),
        });
        this.#save(bytes, fileName, EXPORT_MIME_TYPES[extension]);
      }
      const count = positionsCount(rows?.length ?? scenario.positions.length);
      this.message = { tone: 'success', text: `Fichier « ${fileName} » téléchargé (${count}).` };
      // The file is out even if noting its time fails (the save reminder then stays).
      if (kind === 'xlsx' || kind === 'ods') await this.#source.markSaved().catch(() => undefined);
    } catch (e) {
      this.message = {
        tone: 'error',
        text: `L’export n’a pas abouti : ${e instanceof Error ? e.message : String(e)}. Aucun fichier n’a été enregistré.`,
      };
    } finally {
      this.busy = null;
    }
  }

  dismiss(): void {
    this.message = null;
  }
}

/** The scenario's positions with these ids, in this order (ids no longer in the scenario are skipped). */
export function shownPositions(scenario: Scenario, ids: readonly string[] | null): Position[] | undefined {
  if (!ids) return undefined;
  // A local lookup, never reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const byId = new Map(scenario.positions.map((p) => [p.id, p]));
  const rows: Position[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (p) rows.push(p);
  }
  return rows;
}
