// Storage failures reach people as one French message per cause.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isQuotaError, QUOTA_MESSAGE, StorageError, toStorageError } from '../../src/storage/errors';

const quota = () => new DOMException('quota', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each([
    ['the DOMException itself', quota(), true],
    ['inside Dexie AbortError.inner', new Dexie.AbortError('aborted', quota()), true],
    ['two levels down', new Dexie.AbortError('a', new Dexie.AbortError('b', quota())), true],
    ['as a cause', new Error('x', { cause: quota() }), true],
    ['another error', new Dexie.ConstraintError('clé en double'), false],
    ['not an error', 'QuotaExceededError', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('toStorageError', () => {
  it('gives the quota message for a nested quota error', () => {
    const error = toStorageError(new Dexie.AbortError('Transaction aborted', quota()));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
  });
  it('names the innermost cause of any other failure', () => {
    const error = toStorageError(
      new Dexie.AbortError('Transaction aborted', new Dexie.DataCloneError('objet non copiable')),
    );
    expect(error).toMatchObject({
      code: 'failed',
      message: "Échec de l'enregistrement : objet non copiable",
    });
  });
  it('passes a StorageError through, also when Dexie wrapped it', () => {
    const original = new StorageError('notFound', 'Scénario introuvable');
    expect(toStorageError(original)).toBe(original);
    expect(toStorageError(new Dexie.AbortError('aborted', original))).toBe(original);
  });
});
