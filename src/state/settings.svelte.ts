// This browser's settings: the user's name (who, in the change log), when data was last saved to a file (the
// weekly reminder), whether storage is persistent, and small remembered values (import mappings, last export).
import { err, ok, type Result } from '../domain/result';
import type { PlannerDb } from '../storage/db';
import { getMeta, setMeta, type MetaKey } from '../storage/meta';
import { nowIso } from './clock';

export class Settings {
  userName = $state('');

  /** When data was last saved to a file (backup, export, scenario file); null when never. */
  lastSavedAt = $state<string | null>(null);

  persistence = $state<'granted' | 'refused' | 'unavailable' | 'unknown'>('unknown');

  #db: PlannerDb | null = null;

  /** Reads the stored settings of `db`, which later writes go to. */
  async load(db: PlannerDb): Promise<void> {
    this.#db = db;
    const [userName, lastSavedAt] = await Promise.all([
      getMeta<string>(db, 'userName'),
      getMeta<string>(db, 'lastSavedAt'),
    ]);
    this.userName = userName ?? '';
    this.lastSavedAt = lastSavedAt ?? null;
  }

  /** The name the change log records. */
  who(): string {
    return this.userName.trim() || 'Utilisateur sans nom';
  }

  async setUserName(name: string): Promise<void> {
    this.userName = name.trim().slice(0, 80);
    if (this.#db) await setMeta(this.#db, 'userName', this.userName);
  }

  /** Notes that the data was just saved to a file (for the weekly reminder). */
  async markSaved(): Promise<void> {
    this.lastSavedAt = nowIso();
    if (this.#db) await setMeta(this.#db, 'lastSavedAt', this.lastSavedAt);
  }

  /** A small setting (remembered import mappings, last export); undefined if absent or unreadable. */
  async read<T>(key: MetaKey): Promise<T | undefined> {
    if (!this.#db) return undefined;
    try {
      return await getMeta<T>(this.#db, key);
    } catch {
      return undefined;
    }
  }

  /** Stores a small setting (a plain, JSON-safe value); the French message when storage refuses it. */
  async write(key: MetaKey, value: unknown): Promise<Result<void>> {
    if (!this.#db) return err('Planificateur non prêt');
    try {
      await setMeta(this.#db, key, value);
      return ok(undefined);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }
}
