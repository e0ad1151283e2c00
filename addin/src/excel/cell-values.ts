// What the pane writes into cells. Text is always written as text: a string Excel would read as a
// formula or a number (=, +, -, @) gets the apostrophe prefix, which Excel keeps out of the value.

const FORMULA_LIKE = /^[=+\-@]/;

export function cellValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return FORMULA_LIKE.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export const cellRow = (row: readonly unknown[]): (string | number | boolean)[] => row.map(cellValue);
