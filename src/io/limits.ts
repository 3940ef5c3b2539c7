// Hard limits on files read by the import, checked before and while they are parsed (sizes in bytes).
// A file over a limit is refused with a French message; nothing is written.

const MB = 1024 * 1024;

/** Largest file accepted, as stored on disk. */
export const MAX_FILE_BYTES = 20 * MB;
/** Most sheets read from one workbook. */
export const MAX_SHEETS = 50;
/** Most rows in one sheet (a national campaign has about 1 000 positions; 200 000 leaves room). */
export const MAX_ROWS = 200_000;
/** Most columns holding a value in one sheet. */
export const MAX_COLUMNS = 1_024;
/** Most non-empty cells in the whole workbook. */
export const MAX_CELLS = 5_000_000;
/** Most bytes a zip (.xlsx, .ods) may declare once inflated, all entries together. */
export const MAX_UNCOMPRESSED_BYTES = 300 * MB;
/**
 * Largest inflated ÷ compressed ratio for one entry bigger than RATIO_MIN_BYTES. Deflate cannot exceed
 * about 1 032 : 1, so a higher declared ratio is a lie or a bomb; real sheets stay under 200 : 1.
 */
export const MAX_COMPRESSION_RATIO = 1_000;
export const RATIO_MIN_BYTES = 1 * MB;
/** Most entries in a zip (a workbook has a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Longest text kept in one cell (longer text is an error, not silently cut). */
export const MAX_CELL_TEXT = 32_767;
/** Time a worker may take to read any file before it is stopped (starting the worker included). */
export const READ_TIMEOUT_BASE_MS = 10_000;
/** Time added per megabyte of the file. */
export const READ_TIMEOUT_MS_PER_MB = 5_000;

/**
 * How long the worker may take to read a file of `bytes` before it is stopped: 10 s plus 5 s per megabyte
 * (a few kilobytes: 10 s; 1 Mo: 15 s; the largest accepted file, 20 Mo: 110 s). A fixed limit is wrong at both
 * ends: reading takes about 0,2 to 0,8 s per megabyte on a 2-core VM (a 20 Mo workbook about 15 s, several
 * times that on an old office PC), while a small file that has not answered after 10 s never will.
 */
export function readTimeoutMs(bytes: number): number {
  return Math.round(READ_TIMEOUT_BASE_MS + (READ_TIMEOUT_MS_PER_MB * Math.max(0, bytes)) / MB);
}

/** Time limit of an export worker: 15 s plus 1 s per 2 000 positions (10 000 take about 1 s on a 2-core VM). */
export function exportTimeoutMs(positions: number): number {
  return 15_000 + Math.ceil(Math.max(0, positions) / 2_000) * 1_000;
}

export function megabytes(bytes: number): string {
  return (bytes / MB).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

/** Deepest nesting of elements in an XML part of a workbook (real parts stay under 30 levels). */
export const MAX_XML_DEPTH = 100;
/**
 * Longest run of text, tag, comment or CDATA in an XML part, in bytes: a cell's 32 767 characters, escaped
 * and in UTF-8, stay under 400 KB; longer is refused before the reader scans it.
 */
export const MAX_XML_TOKEN_BYTES = 1024 * 1024;
