// One import of a workbook, from the file to the commit: read in the worker (progress, stop), preview on the page
// (sheet, column mapping — remembered for files with the same headers — counts, rows left out, diagnostics), then
// the plan written as ONE transaction and one undo step, or nothing. Reading and analysing never write anything.
import type { Scenario, Structure } from '../domain/types';
import type { Result } from '../domain/result';
import { mappingKey, type ImportField, type Mapping } from '../io/table/column-mapping';
import { WorkbookRefusal, type RefusalKind } from '../io/errors';
import type { SheetCandidate } from '../io/table/find-table';
import type { NamedBlob, ReadInWorkerOptions } from '../io/read/import-client';
import { previewImport, type ImportPreview } from '../io/plan/import-preview';
import type { ReadStage } from '../io/read/read-workbook';
import type { WorkbookData } from '../io/workbook-data';
import { rankSheets } from '../io/table/find-table';
import type { Op } from '../domain/ops';
import type { ChangeSource, MetaKey } from '../storage/rows';
import { newId } from './ids';
import {
  readRemembered,
  remember,
  rememberedFor,
  sameMapping,
  type RememberedMappings,
} from './import-mappings';
import { importLabel, importOps, summarizeImport } from './import-summary';

/** What an import needs of the planner (Planner implements it). */
export interface ImportTarget {
  readonly scenario: Scenario;
  readonly structuresById: ReadonlyMap<string, Structure>;
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>>;
  readSetting<T>(key: MetaKey): Promise<T | undefined>;
  writeSetting(key: MetaKey, value: unknown): Promise<Result<void>>;
}

export type WorkbookReader = (file: NamedBlob, options: ReadInWorkerOptions) => Promise<WorkbookData>;

/** The worker of src/io, loaded on first use (the reading code stays out of the page's first load). */
const readInWorker: WorkbookReader = async (file, options) =>
  (await import('../io/read/import-client')).readWorkbookInWorker(file, options);

export type ImportPhase = 'closed' | 'reading' | 'analysing' | 'ready' | 'committing' | 'refused';
export type ImportStage = ReadStage | 'analyse';
export const IMPORT_STAGES: readonly ImportStage[] = ['guard', 'verify', 'parse', 'extract', 'analyse'];

const MAPPINGS_KEY: MetaKey = 'importMappings';
const importId = (kind: 'position' | 'structure') => newId(kind === 'position' ? 'pos' : 'st');
/** Lets the browser paint the progress before the page is busy analysing. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 20));

export class ImportSession {
  phase = $state<ImportPhase>('closed');
  fileName = $state('');
  stage = $state<ImportStage | null>(null);
  /** Why the file was refused as a whole (French, names the file); `aborted` when the person stopped it. */
  refusal = $state.raw<{ kind: RefusalKind | 'noTable' | 'failed'; message: string } | null>(null);
  sheets = $state.raw<SheetCandidate[]>([]);
  sheetIndex = $state<number | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  /** Why the chosen sheet cannot be previewed (no table of positions found). */
  problem = $state<string | null>(null);
  /** Information above the preview (remembered mapping applied, preview refreshed). */
  notice = $state<string | null>(null);
  /** Why the last commit was not written (storage full…); nothing was written. */
  commitError = $state<string | null>(null);
  /** The last import written, for the page's success notice. */
  done = $state.raw<{ fileName: string; added: number; updated: number } | null>(null);
  summary = $derived.by(() =>
    this.preview ? summarizeImport(this.preview, this.#target.structuresById) : null,
  );

  readonly #target: ImportTarget;
  readonly #read: WorkbookReader;
  #workbook: WorkbookData | null = null;
  #scenario: Scenario | null = null;
  #remembered: RememberedMappings = {};
  #abort: AbortController | null = null;
  #token = 0;

  constructor(target: ImportTarget, read: WorkbookReader = readInWorker) {
    this.#target = target;
    this.#read = read;
  }

  get open(): boolean {
    return this.phase !== 'closed';
  }

  /** Reads a file and shows its preview; a file being read is stopped first (not one being written). */
  async start(file: NamedBlob): Promise<void> {
    if (this.phase === 'committing') return;
    this.#abort?.abort();
    this.#reset();
    const token = ++this.#token;
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = 'reading';
    this.fileName = file.name;
    this.done = null;
    try {
      const onProgress = (stage: ReadStage) => {
        if (token === this.#token) this.stage = stage;
      };
      const workbook = await this.#read(file, { signal: abort.signal, onProgress });
      const remembered = readRemembered(await this.#target.readSetting(MAPPINGS_KEY));
      if (token !== this.#token) return;
      this.#workbook = workbook;
      this.#remembered = remembered;
      this.phase = 'analysing';
      this.stage = 'analyse';
      await paint();
      if (token !== this.#token) return;
      this.#analyse(undefined, undefined);
      this.sheets = this.preview?.sheets ?? rankSheets(workbook);
      if (!this.preview && this.sheets.length <= 1) {
        // No other sheet to choose: the file cannot be imported.
        this.phase = 'refused';
        this.refusal = { kind: 'noTable', message: this.problem ?? '' };
        this.problem = null;
        return;
      }
      this.phase = 'ready';
    } catch (e) {
      if (token !== this.#token) return;
      this.#abort = null;
      this.phase = 'refused';
      this.refusal =
        e instanceof WorkbookRefusal
          ? { kind: e.kind, message: e.message }
          : { kind: 'failed', message: `Le fichier « ${file.name} » n'a pas pu être lu : ${String(e)}` };
    }
  }

  /** `Arrêter la lecture`: the worker is stopped; the dialog says so. */
  stop(): void {
    this.#abort?.abort();
  }

  /** `Annuler`: stops any reading and closes; nothing is written. Refused while the commit is being written. */
  cancel(): boolean {
    if (this.phase === 'committing') return false;
    this.#abort?.abort();
    this.#token++;
    this.#reset();
    return true;
  }

  chooseSheet(sheetIndex: number): void {
    if (!this.#workbook || this.phase !== 'ready') return;
    this.#analyse(sheetIndex, undefined);
  }

  chooseField(column: number, field: ImportField | null): void {
    const preview = this.preview;
    if (!preview || this.phase !== 'ready') return;
    const mapping = [...preview.mapping];
    mapping[column] = field;
    this.notice = null;
    this.#analyse(preview.sheetIndex, mapping);
  }

  /** `Valider l'import`: the plan as one transaction and one undo step; the dialog closes when it is written. */
  async commit(): Promise<void> {
    const preview = this.preview;
    const plan = preview?.plan;
    if (this.phase !== 'ready' || !preview || !plan) return;
    const ops = importOps(plan);
    if (ops.length === 0) return;
    this.phase = 'committing';
    this.commitError = null;
    let stale = false;
    const result = await this.#target.applyOps(
      (scenario) => {
        stale = scenario !== this.#scenario;
        return stale ? [] : ops;
      },
      importLabel(this.fileName, plan),
      'import',
    );
    if (this.phase !== 'committing') return;
    this.phase = 'ready';
    if (stale) {
      this.#analyse(preview.sheetIndex, preview.mapping);
      this.notice =
        'Les données ont changé pendant l’aperçu (autre onglet, annulation…) : l’aperçu a été recalculé. Vérifiez-le puis validez à nouveau.';
    } else if (!result.ok) {
      this.commitError = `L’import du fichier « ${this.fileName} » n’a pas été enregistré : ${result.message} Aucune donnée n’a été importée.`;
    } else {
      await this.#rememberMapping(preview);
      const done = { fileName: this.fileName, added: plan.toAdd.length, updated: plan.toUpdate.length };
      this.#reset();
      this.done = done;
    }
  }

  /** Forgets the success notice. */
  dismissDone(): void {
    this.done = null;
  }

  #analyse(sheetIndex: number | undefined, mapping: Mapping | undefined): void {
    const workbook = this.#workbook;
    if (!workbook) return;
    const scenario = this.#target.scenario;
    const run = (m: Mapping | undefined) =>
      previewImport(workbook, scenario, { sheetIndex, mapping: m, newId: importId });
    try {
      let result = run(mapping);
      if (result.ok && mapping === undefined) {
        sheetIndex = result.preview.sheetIndex;
        const headers = result.preview.table.headers;
        const remembered = rememberedFor(this.#remembered, mappingKey(headers), headers.length);
        if (remembered && !sameMapping(remembered, result.preview.mapping)) {
          result = run(remembered);
          this.notice =
            'La correspondance des colonnes enregistrée lors d’un import précédent de ce modèle de fichier a été appliquée.';
        }
      }
      this.#scenario = scenario;
      this.sheetIndex = result.ok ? result.preview.sheetIndex : (sheetIndex ?? null);
      this.preview = result.ok ? result.preview : null;
      this.problem = result.ok ? null : result.message;
    } catch (e) {
      this.preview = null;
      this.problem = `L’analyse du fichier « ${workbook.fileName} » a échoué : ${String(e)}`;
    }
  }

  async #rememberMapping(preview: ImportPreview): Promise<void> {
    const key = mappingKey(preview.table.headers);
    const next = remember(this.#remembered, key, preview.mapping, preview.proposal.mapping);
    if (JSON.stringify(next) === JSON.stringify(this.#remembered)) return;
    // Not worth failing an import that is written: without it, the mapping is proposed again next time.
    const saved = await this.#target.writeSetting(MAPPINGS_KEY, next);
    if (saved.ok) this.#remembered = next;
  }

  #reset(): void {
    this.#abort = null;
    this.#workbook = null;
    this.#scenario = null;
    this.phase = 'closed';
    this.stage = null;
    this.refusal = null;
    this.sheets = [];
    this.sheetIndex = null;
    this.preview = null;
    this.problem = null;
    this.notice = null;
    this.commitError = null;
  }
}
