// Cell values as Office.js (`range.values`) and exceljs give them, reduced to plain values: a number, a
// trimmed non-empty string, a boolean, a Date, an Excel error, or undefined for a blank cell.

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
