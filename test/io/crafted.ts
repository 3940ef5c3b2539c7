// Hand-made archives for the broken-file tests: zips with any declared sizes and flags (ZIP64 too), and
// minimal OLE compound files with chosen stream names (an encrypted Office package, a Word document…).

export interface CraftedEntry {
  name: string;
  /** Bytes stored as the entry's data (already deflated when method is 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** Declared inflated size in the central directory (default: data length). */
  declaredSize?: number;
  /** Declared inflated size in the local header (default: declaredSize). */
  localSize?: number;
  flags?: number;
  /** Write the sizes as 0xFFFFFFFF with a ZIP64 extra field. */
  zip64?: boolean;
  /** Point the central entry at another entry's local header (overlap). */
  localOffsetOf?: number;
}

export function craftZip(entries: readonly CraftedEntry[], { zip64Eocd = false } = {}): Uint8Array {
  const enc = new TextEncoder();
  const chunks: number[] = [];
  const offsets: number[] = [];
  const push16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const push32 = (a: number[], v: number) =>
    a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  const push64 = (a: number[], v: number) => {
    push32(a, v % 2 ** 32);
    push32(a, Math.floor(v / 2 ** 32));
  };
  for (const e of entries) {
    offsets.push(chunks.length);
    const name = enc.encode(e.name);
    const size = e.declaredSize ?? e.data.length;
    push32(chunks, 0x04034b50);
    push16(chunks, 20);
    push16(chunks, e.flags ?? 0);
    push16(chunks, e.method ?? 0);
    push32(chunks, 0);
    push32(chunks, 0);
    push32(chunks, e.data.length);
    push32(chunks, e.localSize ?? size);
    push16(chunks, name.length);
    push16(chunks, 0);
    for (const b of name) chunks.push(b);
    for (const b of e.data) chunks.push(b);
  }
  const cdStart = chunks.length;
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    const size = e.declaredSize ?? e.data.length;
    const extra: number[] = [];
    if (e.zip64) {
      push16(extra, 0x0001);
      push16(extra, 16);
      push64(extra, size);
      push64(extra, e.data.length);
    }
    push32(chunks, 0x02014b50);
    push16(chunks, 45);
    push16(chunks, 20);
    push16(chunks, e.flags ?? 0);
    push16(chunks, e.method ?? 0);
    push32(chunks, 0);
    push32(chunks, 0);
    push32(chunks, e.zip64 ? 0xffffffff : e.data.length);
    push32(chunks, e.zip64 ? 0xffffffff : size);
    push16(chunks, name.length);
    push16(chunks, extra.length);
    push16(chunks, 0);
    push16(chunks, 0);
    push16(chunks, 0);
    push32(chunks, 0);
    push32(chunks, offsets[e.localOffsetOf ?? i] ?? 0);
    chunks.push(...name, ...extra);
  });
  const cdSize = chunks.length - cdStart;
  if (zip64Eocd) {
    const record = chunks.length;
    push32(chunks, 0x06064b50);
    push64(chunks, 44);
    push16(chunks, 45);
    push16(chunks, 45);
    push32(chunks, 0);
    push32(chunks, 0);
    push64(chunks, entries.length);
    push64(chunks, entries.length);
    push64(chunks, cdSize);
    push64(chunks, cdStart);
    push32(chunks, 0x07064b50);
    push32(chunks, 0);
    push64(chunks, record);
    push32(chunks, 1);
  }
  push32(chunks, 0x06054b50);
  push16(chunks, 0);
  push16(chunks, 0);
  push16(chunks, zip64Eocd ? 0xffff : entries.length);
  push16(chunks, zip64Eocd ? 0xffff : entries.length);
  push32(chunks, zip64Eocd ? 0xffffffff : cdSize);
  push32(chunks, zip64Eocd ? 0xffffffff : cdStart);
  push16(chunks, 0);
  return Uint8Array.from(chunks);
}

/** A 3-sector compound file (header, FAT, directory) whose directory lists `streams` under a root entry. */
export function craftCfb(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3).fill(0);
  const v = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true);
  v.setUint32(48, 1, true);
  v.setUint32(56, 4096, true);
  v.setUint32(60, 0xfffffffe, true);
  v.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  for (let i = 0; i < 128; i++)
    v.setUint32(512 + i * 4, i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, true);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, k) => {
    const at = 1024 + k * 128;
    for (let i = 0; i < name.length; i++) v.setUint16(at + i * 2, name.charCodeAt(i), true);
    v.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = k === 0 ? 5 : 2;
  });
  return bytes;
}
