// The planner's connection to IndexedDB and what the app can do with it: loading, ready, locked (a newer
// version opened in another tab) or unavailable (no IndexedDB, a newer schema), with the French reason.
import { DEFAULT_DB_NAME, openPlannerDb, type PlannerDb } from '../storage/db';
import { rawDump } from '../storage/raw-dump';

export type PlannerStatus = 'loading' | 'ready' | 'locked' | 'unavailable';

export class Database {
  status = $state<PlannerStatus>('loading');

  /** Why the app cannot work (IndexedDB missing, newer schema, another tab upgraded). */
  blockingMessage = $state<string | null>(null);

  #db: PlannerDb | null = null;
  #name = DEFAULT_DB_NAME;
  #onLock: () => void;

  /** `onLock` runs when the app locks itself (to stop hearing other tabs). */
  constructor(onLock: () => void) {
    this.#onLock = onLock;
  }

  /** The open database; null before `open` succeeded. */
  get db(): PlannerDb | null {
    return this.#db;
  }

  /** The database when writes are allowed, else null. */
  get writable(): PlannerDb | null {
    return this.status === 'ready' ? this.#db : null;
  }

  /** Why a write cannot run now. */
  get notReady(): string {
    return this.blockingMessage ?? 'Planificateur non prêt';
  }

  /** Opens (and upgrades) the database; false, with the status and message set, when it cannot. */
  async open(name = DEFAULT_DB_NAME): Promise<boolean> {
    this.#name = name;
    try {
      this.#db = await openPlannerDb(name, {
        onVersionChange: () =>
          this.lock(
            'Une version plus récente du planificateur a été ouverte dans un autre onglet. Rechargez cette page pour continuer : aucune modification ne sera perdue.',
          ),
        onBlocked: () =>
          this.lock(
            'Un autre onglet utilise une ancienne version du planificateur : fermez-le ou rechargez-le.',
          ),
      });
      return true;
    } catch (e) {
      this.status = 'unavailable';
      this.blockingMessage = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  lock(message: string): void {
    this.status = 'locked';
    this.blockingMessage = message;
    this.#onLock();
  }

  /** When the database cannot be opened: every table as stored, whatever its version, as JSON text. */
  async rawDumpText(): Promise<string> {
    return JSON.stringify(await rawDump(this.#name));
  }
}
