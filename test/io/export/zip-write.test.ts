// The export's zip writer: CRC-32 as zip readers check it, and archives whose entries inflate to the files given.
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, writeZip, writeZipCompact, type ZipFile } from '../../../src/io/export/zip-write';
import { guardZip } from '../../../src/io/guard/zip-guard';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
    ['Coût total annuel – 31 500,00 €', zlibCrc32(bytes('Coût total annuel – 31 500,00 €'))],
  ])('of « %s » is %i', (text, expected) => {
    expect(crc32(bytes(text))).toBe(expected);
  });

  it('equals zlib’s for any bytes, whatever their length modulo 4', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (data) => crc32(data) === zlibCrc32(data)));
  });
});

describe.each([
  ['writeZip', async (files: ZipFile[]) => writeZip(files)],
  ['writeZipCompact', writeZipCompact],
])('%s', (_name, write) => {
  it('writes the entries in order, stored (asked for, or empty) or deflated, each giving back its file', async () => {
    const files: ZipFile[] = [
      { name: 'mimetype', data: bytes('application/vnd.oasis.opendocument.spreadsheet'), store: true },
      { name: 'content.xml', data: bytes('<t>Hérault</t>'.repeat(500)) },
      { name: 'vide.xml', data: new Uint8Array() },
    ];
    const zip = await write(files);
    const entries = guardZip(zip, 'x');
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['mimetype', 0],
      ['content.xml', 8],
      ['vide.xml', 0],
    ]);
    for (const [i, e] of entries.entries()) {
      const raw = zip.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      expect(e.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw).toEqual(files[i]!.data);
    }
    expect(entries[1]!.compressedSize).toBeLessThan(files[1]!.data.length / 10);
  });
});
