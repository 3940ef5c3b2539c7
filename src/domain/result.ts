// A value or a French message saying why there is none; used where failure is expected input, not a bug.

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(message: string): Result<T> {
  return { ok: false, message };
}
