// Storage failures as one error type with a French message for people and a stable code for the UI.
// Every write goes through `toStorageError`, so a full disk, a closed database or a bad value never reaches
// the UI as a raw DOMException or Dexie error.

export type StorageErrorCode =
  /** The browser refused to store more data (QuotaExceededError). */
  | 'quota'
  /** The connection was closed because another tab upgraded or deleted the database. */
  | 'closed'
  /** The database was written by a newer version of the app. */
  | 'newerSchema'
  /** A scenario or record the change refers to does not exist. */
  | 'notFound'
  /** The change itself is inconsistent (ids that do not match, duplicate scenario…). */
  | 'invalid'
  /** Anything else (IndexedDB unavailable, data that cannot be cloned…). */
  | 'failed';

export const QUOTA_MESSAGE =
  "Stockage plein : la modification n'a pas été enregistrée. Enregistrez un fichier de sauvegarde et libérez de l'espace.";

export const CLOSED_MESSAGE =
  "La base de données a été fermée par un autre onglet qui utilise une version plus récente de l'application : " +
  "la modification n'a pas été enregistrée. Rechargez la page.";

export const NEWER_SCHEMA_MESSAGE =
  "Les données de ce navigateur ont été enregistrées par une version plus récente de l'application. " +
  'Rechargez la page pour utiliser la dernière version.';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

interface NamedError {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and the errors it wraps (Dexie's `inner`, the standard `cause`), outermost first. */
function errorChain(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && chain.length < 10) {
    const named = current as NamedError;
    if (chain.includes(named)) break;
    chain.push(named);
    current = named.inner ?? named.cause;
  }
  return chain;
}

/** True for a QuotaExceededError, also when Dexie wrapped it (AbortError.inner) or it is a `cause`. */
export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some((e) => e.name === 'QuotaExceededError');
}

function isClosedError(error: unknown): boolean {
  return errorChain(error).some((e) => e.name === 'DatabaseClosedError');
}

function describe(error: unknown): string {
  const chain = errorChain(error);
  // The innermost message is the one that names the real cause (Dexie's outer errors only say "aborted").
  for (let i = chain.length - 1; i >= 0; i--) {
    const message = chain[i]?.message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}

/** Wraps any failure of a write as a StorageError; a StorageError passes through unchanged. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const inner = errorChain(error).find((e): e is StorageError => e instanceof StorageError);
  if (inner) return inner;
  if (isQuotaError(error)) return new StorageError('quota', QUOTA_MESSAGE, { cause: error });
  if (isClosedError(error)) return new StorageError('closed', CLOSED_MESSAGE, { cause: error });
  return new StorageError('failed', `Échec de l'enregistrement : ${describe(error)}`, { cause: error });
}

/** Same as toStorageError, for reads: the message says nothing was read rather than not saved. */
export function toReadError(error: unknown): StorageError {
  const wrapped = toStorageError(error);
  if (wrapped.code !== 'failed') return wrapped;
  return new StorageError('failed', `Échec de la lecture des données : ${describe(error)}`, { cause: error });
}
