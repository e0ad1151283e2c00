// Cell values as Office.js (`range.values`) and exceljs give them, reduced to plain values: a number, a
// trimmed non-empty string, a boolean, a Date, an Excel error, or undefined for a blank cell. Also the one
// rule both the pane and the service's reader apply to a number a cell shows as a percentage.

/** A cell showing an Excel error such as `#DIV/0!`. */
export class ExcelErrorValue {
  constructor(readonly text: string) {}
}

export type PlainCell = number | string | boolean | Date | ExcelErrorValue | undefined;

/** Office.js gives error cells as their text; these are the errors Excel can show. */
const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

interface RichTextRun {
  text?: unknown;
}

/** Reads one cell; exceljs rich text, hyperlinks and formulas (their cached result) included. */
export function plainCell(raw: unknown): PlainCell {
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : undefined;
    case 'string': {
      const text = raw.trim();
      if (text === '') return undefined;
      return text.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(text) ? new ExcelErrorValue(text) : text;
    }
    case 'boolean':
      return raw;
    case 'object':
      return raw === null ? undefined : plainObjectCell(raw);
    default:
      return undefined;
  }
}

function plainObjectCell(raw: object): PlainCell {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw;
  if ('richText' in raw && Array.isArray(raw.richText)) {
    return plainCell((raw.richText as RichTextRun[]).map((run) => String(run.text ?? '')).join(''));
  }
  if ('error' in raw) return new ExcelErrorValue(String(raw.error));
  if ('formula' in raw || 'sharedFormula' in raw) return 'result' in raw ? plainCell(raw.result) : undefined;
  if ('hyperlink' in raw && 'text' in raw) return plainCell(raw.text);
  if ('text' in raw) return plainCell(raw.text);
  return undefined;
}

/**
 * Whether a number format shows a number as a percentage: a `%` in its first section outside quotes,
 * brackets and escapes, which makes Excel show the number times 100 (`0"%"` and `0\%` only print the
 * sign, and leave the number as it is).
 */
export function isPercentFormat(code: string): boolean {
  if (!code.includes('%')) return false;
  const positive = code.replace(/"[^"]*"|\[[^\]]*]|\\.|[_*]./g, '').split(';')[0]!;
  return positive.includes('%');
}

/** Excel shows at most 15 significant digits; beyond them a product like 0.07 × 100 is float noise. */
const SIGNIFICANT_DIGITS = 15;

/**
 * A number a cell shows as a percentage, as the text a person would type for it, to full precision
 * whatever decimals the format shows: 0.125 → "12.5%". A percentage column reads that as 12.5; any other
 * column sees what Excel shows, not a number 100 times smaller.
 */
export function percentText(value: number): string {
  const percent = Number((value * 100).toPrecision(SIGNIFICANT_DIGITS));
  const digits = String(percent);
  if (!digits.includes('e')) return `${digits}%`;
  // Very large or very small: written out in full, as a person would type it.
  return `${percent.toLocaleString('en-GB', { useGrouping: false, maximumFractionDigits: 100 })}%`;
}

/** A cell's value as its number format shows it: a number formatted as a percentage becomes its text. */
export function shownValue(value: unknown, numberFormat: string): unknown {
  return typeof value === 'number' && Number.isFinite(value) && isPercentFormat(numberFormat)
    ? percentText(value)
    : value;
}
