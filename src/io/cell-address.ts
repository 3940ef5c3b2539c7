// Spreadsheet cell addresses as people read them: column 0 is A, 25 is Z, 26 is AA.

/** The column's letters (A, B, …, Z, AA, …) of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = (n - rest - 1) / 26;
  }
  return letters;
}
