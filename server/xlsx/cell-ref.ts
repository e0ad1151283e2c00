// Where a cell is: Excel's grid limits, column letters and cell references (`B12`, `$B$12`), for the
// reader's checks and the writer alike.

/** Excel's last row and last column (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** Excel's column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * `B12` (or `$B$12`: one to three letters, one to seven digits) within Excel's grid → its place as
 * `(row - 1) * EXCEL_COLUMNS + (column - 1)`; anything else → -1. A number, not an object: it is
 * worked out for every cell.
 */
export function cellAt(ref: string): number {
  const length = ref.length;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  const lettersFrom = i;
  for (; i < length; i++) {
    const letter = ref.charCodeAt(i) - 64;
    if (letter < 1 || letter > 26) break;
    column = column * 26 + letter;
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return -1;
  if (ref.charCodeAt(i) === 36) i += 1;
  let row = 0;
  const digitsFrom = i;
  for (; i < length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    row = row * 10 + digit;
  }
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7) return -1;
  return row >= 1 && row <= EXCEL_ROWS && column <= EXCEL_COLUMNS
    ? (row - 1) * EXCEL_COLUMNS + (column - 1)
    : -1;
}

/** The row and column (both from 1) of a place given by `cellAt`. */
export const rowOf = (at: number): number => Math.floor(at / EXCEL_COLUMNS) + 1;
export const columnOf = (at: number): number => (at % EXCEL_COLUMNS) + 1;
