// What the pane writes into cells. Text is always written as text: a string Excel would turn into
// something else when written — a formula (=, +, -, @), a number (1,000, £5, 50%, 1e3), TRUE or FALSE,
// a date — gets the apostrophe prefix, which Excel keeps out of the value.

const FORMULA_LIKE = /^[=+\-@]/;
const EXCEL_WOULD_CONVERT =
  /^\s*(?:[£$€]?\s*[\d,]*\.?\d+(?:e[+-]?\d+)?\s*%?|true|false|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?)\s*$/i;

export function cellValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string')
    return FORMULA_LIKE.test(value) || EXCEL_WOULD_CONVERT.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export const cellRow = (row: readonly unknown[]): (string | number | boolean)[] => row.map(cellValue);
