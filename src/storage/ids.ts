// Random ids for change batches. crypto.randomUUID exists only in secure contexts (https, localhost), and the
// app may be served over plain http on an intranet, so build a v4 UUID from getRandomValues, which exists
// everywhere.

export function newBatchId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Current time as an ISO date-time (one value per transaction, shared by its log rows). */
export function nowIso(): string {
  return new Date().toISOString();
}
