// The `Sauvegarde` file: every scenario and the change log as one JSON document. Reading it follows
// guard → migrate → restore: envelope checked (type, version; a newer version is refused with the reason),
// migrated by version, each record rebuilt field by field (hostile keys dropped), before anything is written.
import { CHANGE_ENTITIES, CHANGE_SOURCES, type ChangeRow } from '../domain/change-log';
import { restoreScenario } from '../domain/restore-records';
import { err, ok, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';

export const BACKUP_FORMAT = 'planificateur-etp-sauvegarde';
export const BACKUP_VERSION = 1;
/** 200 MB of JSON at most: beyond, the browser would struggle anyway. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface BackupFile {
  scenarios: Scenario[];
  changes: ChangeRow[];
  savedAt: string;
  appVersion: string;
}

export function buildBackup(
  content: { scenarios: Scenario[]; changes: ChangeRow[] },
  appVersion: string,
  savedAt: string,
): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, appVersion, savedAt, ...content });
}

const HOSTILE = new Set(['__proto__', 'constructor', 'prototype']);

/** Migrations by version: version n's document → version n + 1's. None yet: version 1 is the first. */
const MIGRATIONS: ReadonlyArray<(doc: Record<string, unknown>) => Record<string, unknown>> = [];

function changeRow(v: unknown): ChangeRow | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const text = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).slice(0, 2_000) : '');
  const source = CHANGE_SOURCES.find((s) => s === o.source);
  const entity = CHANGE_ENTITIES.find((s) => s === o.entity);
  if (!source || !entity) return null;
  return {
    scenarioId: text('scenarioId'),
    batchId: text('batchId'),
    at: text('at'),
    who: text('who'),
    source,
    entity,
    entityId: text('entityId'),
    field: text('field'),
    oldValue: o.oldValue ?? null,
    newValue: o.newValue ?? null,
    label: text('label'),
  };
}

export function readBackup(text: string, fileName: string): Result<BackupFile> {
  let doc: unknown;
  try {
    // The reviver drops hostile keys everywhere, including in the free-form old/new values of the log.
    doc = JSON.parse(text, (key, value: unknown) => (HOSTILE.has(key) ? undefined : value));
  } catch {
    return err(`Le fichier « ${fileName} » n'est pas une sauvegarde du planificateur (JSON illisible).`);
  }
  if (typeof doc !== 'object' || doc === null || (doc as Record<string, unknown>).format !== BACKUP_FORMAT) {
    return err(`Le fichier « ${fileName} » n'est pas une sauvegarde du planificateur.`);
  }
  let d = doc as Record<string, unknown>;
  const version = d.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(`Sauvegarde « ${fileName} » : version de format illisible.`);
  }
  if (version > BACKUP_VERSION) {
    return err(
      `La sauvegarde « ${fileName} » vient d'une version plus récente du planificateur (format ${version}) : mettez l'application à jour pour la restaurer.`,
    );
  }
  for (let v = version; v < BACKUP_VERSION; v++)
    d = (MIGRATIONS[v - 1] as (x: Record<string, unknown>) => Record<string, unknown>)(d);
  if (!Array.isArray(d.scenarios) || d.scenarios.length === 0)
    return err(`Sauvegarde « ${fileName} » : aucun scénario.`);
  const scenarios: Scenario[] = [];
  for (const [i, raw] of d.scenarios.entries()) {
    const r = restoreScenario(raw);
    if (!r.ok)
      return err(`Sauvegarde « ${fileName} », scénario n° ${i + 1} : ${r.message}. Rien n'a été restauré.`);
    scenarios.push(r.value);
  }
  const changes = (Array.isArray(d.changes) ? d.changes : [])
    .map(changeRow)
    .filter((c): c is ChangeRow => c !== null);
  return ok({
    scenarios,
    changes,
    savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    appVersion: typeof d.appVersion === 'string' ? d.appVersion : '',
  });
}
