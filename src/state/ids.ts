// Fresh ids for records created in the app (positions, structures): random, never reused across tabs.
// getRandomValues works on plain http too (randomUUID needs a secure context; intranets may serve http).
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
