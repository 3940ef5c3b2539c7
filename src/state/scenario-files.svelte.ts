// Scenario files as the page uses them: save the active scenario as one .xlsx; open a file (read in the
// worker, restored, previewed, then stored as a new scenario with its change log); consolidate several
// regional files into one national scenario once every conflict has a choice. The io module (SheetJS) is
// loaded on first use, so it stays out of the main bundle.
import {
  consolidate,
  findConflicts,
  unresolved,
  type Consolidation,
  type ConsolidationInput,
  NO_CHOICES,
  withChoices,
  type Resolution,
  type Resolutions,
} from '../domain/consolidation';
import { formatDate } from '../domain/format-fr';
import { err, type Result } from '../domain/result';
import type { NamedBlob } from '../io/read/import-client';
import { writeScenarioFile } from '../io/export/export-client';
import type { JournalEntry, OpenedScenarioFile } from '../io/scenario-file/scenario-file';
import { scenarioFileName } from '../io/scenario-file/scenario-file-format';
import { APP_VERSION } from '../app-version';
import type { WorkbookData } from '../io/workbook-data';
import type { ChangeRow } from '../storage/rows';
import { nowIso } from './clock';
import { newId } from './ids';
import type { Planner } from './planner.svelte';

/** The planner commands this class uses (Planner implements them). */
export type ScenarioFilesHost = Pick<
  Planner,
  | 'scenario'
  | 'figures'
  | 'scenarios'
  | 'userName'
  | 'recentChanges'
  | 'addScenario'
  | 'appendFileChangeLog'
  | 'markSaved'
>;

export interface ScenarioFilesDeps {
  readWorkbook: (file: NamedBlob) => Promise<WorkbookData>;
  /** Appends a file's change log to the scenario it was opened as; returns the rows written. */
  importJournal: (
    scenarioId: string,
    fileName: string,
    rows: readonly JournalEntry[],
    who: string,
  ) => Promise<number>;
  /** Writes the scenario file's bytes (in the export worker by default). */
  writeScenarioFile: typeof writeScenarioFile;
}

/** Every change-log row goes into the file (the writer keeps the newest 150 000). */
const ALL_ROWS = 1_000_000;

export type OpenStep =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; opened: OpenedScenarioFile }
  | { kind: 'opening'; fileName: string };

export type ReadFile =
  | { ok: true; fileName: string; opened: OpenedScenarioFile }
  | { ok: false; fileName: string; message: string };

export interface Notice {
  text: string;
  error: boolean;
}

const loadIo = () => import('../io/scenario-file/scenario-file');
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function toJournal(r: ChangeRow): JournalEntry {
  const { batchId, at, who, source, entity, entityId, field, oldValue, newValue, label } = r;
  return { batchId, at, who, source, entity, entityId, field, oldValue, newValue, label };
}

export class ScenarioFiles {
  saving = $state(false);
  saveNotice = $state<Notice | null>(null);
  open = $state.raw<OpenStep>({ kind: 'idle' });
  openNotice = $state<Notice | null>(null);
  consolidationReading = $state(false);
  consolidationFiles = $state.raw<ReadFile[]>([]);
  resolutions = $state.raw<Resolutions>(NO_CHOICES);
  consolidationNotice = $state<Notice | null>(null);

  inputs = $derived<ConsolidationInput[]>(
    this.consolidationFiles.flatMap((f) =>
      f.ok ? [{ fileName: f.fileName, scenario: f.opened.scenario }] : [],
    ),
  );
  conflicts = $derived(findConflicts(this.inputs, this.resolutions));
  pending = $derived(unresolved(this.conflicts, this.resolutions).length);
  consolidation = $derived<Result<Consolidation>>(
    this.inputs.length === 0
      ? err('Aucun fichier de scénario lisible.')
      : consolidate(this.inputs, this.resolutions, {
          name: `Consolidation nationale ${nowIso().slice(0, 10)}`,
          now: nowIso(),
          newId: (kind) => newId(kind === 'position' ? 'pos' : 'st'),
        }),
  );

  readonly #planner: ScenarioFilesHost;
  readonly #deps: ScenarioFilesDeps;

  constructor(planner: ScenarioFilesHost, deps: Partial<ScenarioFilesDeps> = {}) {
    this.#planner = planner;
    this.#deps = {
      readWorkbook:
        deps.readWorkbook ??
        (async (file) => (await import('../io/read/import-client')).readWorkbookInWorker(file)),
      importJournal:
        deps.importJournal ??
        ((scenarioId, fileName, rows, who) =>
          planner.appendFileChangeLog({ scenarioId, fileName, who, rows })),
      writeScenarioFile: deps.writeScenarioFile ?? writeScenarioFile,
    };
  }

  /** The active scenario as a file's name and bytes (the UI hands them to the browser). */
  async save(): Promise<{ fileName: string; bytes: ArrayBuffer } | null> {
    this.saving = true;
    try {
      const { scenario } = this.#planner;
      const log = (await this.#planner.recentChanges(ALL_ROWS)).reverse().map(toJournal);
      const exportedAt = nowIso();
      const bytes = await this.#deps.writeScenarioFile(scenario, log, APP_VERSION, { exportedAt });
      const fileName = scenarioFileName(scenario, exportedAt);
      this.saveNotice = { text: `Scénario enregistré dans « ${fileName} ».`, error: false };
      await this.#planner.markSaved();
      return { fileName, bytes };
    } catch (e) {
      this.saveNotice = { text: `Échec de l’enregistrement du scénario : ${messageOf(e)}`, error: true };
      return null;
    } finally {
      this.saving = false;
    }
  }

  async #read(file: NamedBlob): Promise<ReadFile> {
    try {
      const [workbook, io] = await Promise.all([this.#deps.readWorkbook(file), loadIo()]);
      const r = io.readScenarioFile(workbook);
      return r.ok
        ? { ok: true, fileName: file.name, opened: r.value }
        : { ok: false, fileName: file.name, message: r.message };
    } catch (e) {
      return { ok: false, fileName: file.name, message: messageOf(e) };
    }
  }

  async readForOpening(file: NamedBlob): Promise<void> {
    this.openNotice = null;
    this.open = { kind: 'reading', fileName: file.name };
    const r = await this.#read(file);
    if (r.ok) this.open = { kind: 'preview', fileName: r.fileName, opened: r.opened };
    else {
      this.open = { kind: 'idle' };
      this.openNotice = { text: r.message, error: true };
    }
  }

  cancelOpening(): void {
    this.open = { kind: 'idle' };
    this.openNotice = null;
  }

  /** The file's name, or with the save date when a stored scenario already has that name. */
  #freeName(name: string, exportedAt: string | null): string {
    if (!this.#planner.scenarios.some((s) => s.name === name)) return name;
    return `${name} (fichier du ${formatDate((exportedAt ?? nowIso()).slice(0, 10))})`;
  }

  /** Stores the previewed file as a new scenario (made active), then its change log. */
  async confirmOpening(): Promise<void> {
    const step = this.open;
    if (step.kind !== 'preview') return;
    this.open = { kind: 'opening', fileName: step.fileName };
    const { scenario, changeLog, exportedAt } = step.opened;
    const name = this.#freeName(scenario.name, exportedAt);
    const added = await this.#planner.addScenario(
      scenario,
      name,
      'import',
      `Ouverture du fichier « ${step.fileName} »`,
    );
    if (!added.ok) {
      this.open = step;
      this.openNotice = { text: added.message, error: true };
      return;
    }
    this.open = { kind: 'idle' };
    const opened = `Scénario « ${name} » ouvert : ${scenario.positions.length} postes.`;
    try {
      const rows = await this.#deps.importJournal(
        added.value,
        step.fileName,
        changeLog,
        this.#planner.userName.trim() || 'Utilisateur sans nom',
      );
      this.openNotice = { text: `${opened} Journal repris : ${rows} lignes.`, error: false };
    } catch (e) {
      this.openNotice = {
        text: `${opened} Son journal n’a pas pu être repris : ${messageOf(e)}`,
        error: true,
      };
    }
  }

  async readForConsolidation(files: readonly NamedBlob[]): Promise<void> {
    this.consolidationNotice = null;
    this.consolidationReading = true;
    const read: ReadFile[] = [];
    for (const file of files) read.push(await this.#read(file));
    this.consolidationFiles = read;
    this.resolutions = NO_CHOICES;
    this.consolidationReading = false;
  }

  choose(conflictId: string, resolution: Resolution): void {
    this.resolutions = withChoices(this.resolutions, [[conflictId, resolution]]);
  }

  /** One choice for every position conflict it applies to (many ids collide when a region keeps both files). */
  chooseForAllPositions(resolution: Resolution): void {
    const ids = this.conflicts
      .filter(
        (c) => c.kind === 'position' && (resolution.keep === 'all' || c.files.includes(resolution.keep)),
      )
      .map((c) => [c.id, resolution] as const);
    this.resolutions = withChoices(this.resolutions, ids);
  }

  clearConsolidation(): void {
    this.consolidationFiles = [];
    this.resolutions = NO_CHOICES;
    this.consolidationNotice = null;
  }

  async createConsolidated(): Promise<void> {
    const result = this.consolidation;
    if (!result.ok) {
      this.consolidationNotice = { text: result.message, error: true };
      return;
    }
    const { scenario } = result.value;
    const label = `Consolidation de ${this.inputs.length} fichiers régionaux`;
    const added = await this.#planner.addScenario(scenario, scenario.name, 'import', label);
    this.consolidationNotice = added.ok
      ? { text: `Scénario « ${scenario.name} » créé : ${scenario.positions.length} postes.`, error: false }
      : { text: added.message, error: true };
    if (added.ok) {
      this.consolidationFiles = [];
      this.resolutions = NO_CHOICES;
    }
  }
}
