// One reader per column of a sheet's definition, built once per sheet: turns a plain cell into the
// typed value of the row, or a CellFault saying in plain English what is wrong with it.
import { z } from 'zod';
import { jsDateToIsoDate, parseDateValue, parseMonthValue } from '../dates.js';
import { formatPounds, parseMoneyText, poundsToPence } from '../money.js';
import type { ColumnLayout, Council } from '../sheets/index.js';
import { boundsInWords, listValues, TEXT_FORMATS } from '../sheets/index.js';
import { COUNCIL_ID_PATTERN } from '../vocabulary.js';
import type { PlainCell } from './cells.js';
import { describeFound, plainNumber } from './problems.js';

export class CellFault {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** Reads a non-blank, non-error cell: the typed value, or a CellFault. */
export type CellReader = (cell: Exclude<PlainCell, undefined>) => unknown;

export interface ReadContext {
  /** The partnership's councils, to accept a council's name where its ID is asked for. */
  readonly councils?: readonly Council[];
}

/** Larger amounts are typing mistakes, and beyond this pence stop being exact integers. */
const MAX_POUNDS = 1e12;
const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;
const emailPattern = z.regexes.email;

/** A number typed as text: "1,200", "2.5", "12.5%" (the % only where allowed). */
function parseNumberText(text: string, allowPercent: boolean): number | undefined {
  let t = text.replace(/\s+/g, '');
  if (allowPercent && t.endsWith('%')) t = t.slice(0, -1);
  if (t === '' || !NUMBER_TEXT.test(t) || !/\d/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

function asText(cell: Exclude<PlainCell, undefined>): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return jsDateToIsoDate(cell) ?? '';
  return String(cell);
}

/** Maps what a person may type for a council (its ID in any case, or its name) to the council ID. */
export function councilResolver(councils?: readonly Council[]): (text: string) => string | undefined {
  const known = new Map<string, string>();
  for (const c of councils ?? []) known.set(c.name.trim().replace(/\s+/g, ' ').toLowerCase(), c.id);
  for (const c of councils ?? []) known.set(c.id, c.id);
  return (text) => {
    const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
    const id = known.get(wanted);
    if (id !== undefined) return id;
    return COUNCIL_ID_PATTERN.test(wanted) ? wanted : undefined;
  };
}

/** The message for a council reference that is not one of the partnership's councils. */
export function unknownCouncilMessage(
  header: string,
  found: string,
  councils?: readonly Council[],
  many = false,
): string {
  return councils && councils.length > 0
    ? `${header} must be ${many ? 'councils' : 'a council'} of the partnership (${[...new Set(councils.map((c) => c.id))].join(', ')}) — found ${found}.`
    : `${header} must be ${many ? 'council IDs' : 'a council ID'}, like vale-of-white-horse — found ${found}.`;
}

function rangeFault(column: ColumnLayout, value: number, shown: string): CellFault | undefined {
  const { min, max, header } = column;
  const tooLow = min !== undefined && value < min;
  const tooHigh = max !== undefined && value > max;
  if (!tooLow && !tooHigh) return undefined;
  return new CellFault('out-of-range', `${header} must be ${boundsInWords(min, max)} — found ${shown}.`);
}

function numberReader(column: ColumnLayout): CellReader {
  const { header, type } = column;
  const percent = type === 'percent';
  const expected =
    type === 'integer'
      ? 'a whole number, like 1200'
      : percent
        ? 'a percentage, like 12.5'
        : 'a number, like 2.5';
  return (cell) => {
    const value =
      typeof cell === 'number' ? cell : typeof cell === 'string' ? parseNumberText(cell, percent) : undefined;
    if (value === undefined || (type === 'integer' && !Number.isInteger(value))) {
      return new CellFault('invalid-number', `${header} must be ${expected} — found ${describeFound(cell)}.`);
    }
    return rangeFault(column, value, plainNumber(value)) ?? value;
  };
}

function moneyReader(column: ColumnLayout): CellReader {
  const { header, min } = column;
  return (cell) => {
    const pounds =
      typeof cell === 'number' ? cell : typeof cell === 'string' ? parseMoneyText(cell) : undefined;
    if (pounds === undefined) {
      return new CellFault(
        'invalid-number',
        `${header} must be a number of pounds, like 1200.50 — found ${describeFound(cell)}.`,
      );
    }
    if (Math.abs(pounds) >= MAX_POUNDS) {
      return new CellFault(
        'out-of-range',
        `${header} is too large to be an amount — found ${describeFound(cell)}.`,
      );
    }
    const pence = poundsToPence(pounds);
    if (min !== undefined && pence < min * 100) {
      return new CellFault(
        'out-of-range',
        `${header} must be ${formatPounds(min * 100)} or more — found ${formatPounds(pence)}.`,
      );
    }
    return pence;
  };
}

/**
 * Date columns repeat the same few values down a sheet, and turning a cell into an ISO date costs a Date
 * formatting call; each reader remembers what it has read (bounded by the sheet's distinct values).
 */
function remembering(parse: (cell: unknown) => string | undefined): (cell: unknown) => string | undefined {
  const byTime = new Map<number, string | undefined>();
  const byValue = new Map<number | string, string | undefined>();
  return (cell) => {
    const key =
      cell instanceof Date
        ? cell.getTime()
        : typeof cell === 'number' || typeof cell === 'string'
          ? cell
          : undefined;
    if (key === undefined) return parse(cell);
    const memo = cell instanceof Date ? byTime : byValue;
    if (memo.has(key)) return memo.get(key);
    const value = parse(cell);
    memo.set(key, value);
    return value;
  };
}

/** A date or month column: the parsed ISO text, or a fault saying what was expected. */
function calendarReader(
  column: ColumnLayout,
  parseCell: (cell: unknown) => string | undefined,
  code: string,
  expected: string,
): CellReader {
  const parse = remembering(parseCell);
  return (cell) =>
    parse(cell) ??
    new CellFault(code, `${column.header} must be ${expected} — found ${describeFound(cell)}.`);
}

function textReader(column: ColumnLayout): CellReader {
  const { header, maxLength } = column;
  const format = column.format ? TEXT_FORMATS[column.format] : undefined;
  const isCouncilId = column.format === 'councilId';
  return (cell) => {
    const raw = asText(cell);
    const text = isCouncilId ? raw.toLowerCase() : raw;
    if (maxLength !== undefined && text.length > maxLength) {
      return new CellFault(
        'too-long',
        `${header} must be at most ${maxLength} characters — found ${text.length}.`,
      );
    }
    if (format && !format.test(text)) {
      return new CellFault(format.code, `${header} must be ${format.rule} — found ${describeFound(cell)}.`);
    }
    return text;
  };
}

function emailReader(column: ColumnLayout): CellReader {
  const { header, maxLength = 254 } = column;
  return (cell) => {
    const text = asText(cell);
    if (text.length > maxLength || !emailPattern.test(text)) {
      return new CellFault(
        'invalid-email',
        `${header} must be an email address, like name@council.gov.uk — found ${describeFound(cell)}.`,
      );
    }
    return text;
  };
}

function choiceReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  const { header, list } = column;
  if (list === 'councils') {
    const resolve = councilResolver(ctx.councils);
    return (cell) =>
      resolve(asText(cell)) ??
      new CellFault('unknown-council', unknownCouncilMessage(header, describeFound(cell), ctx.councils));
  }
  // Budget lines depend on the row's financial year: validation matches them against the partnership.
  if (list === undefined || list === 'budgetLines') return textReader(column);
  const words = listValues(list);
  // Keyed by the exact spelling too, so the usual cell needs no normalising.
  const canonical = new Map(words.flatMap((w) => [[w, w] as const, [w.toLowerCase(), w] as const]));
  const wording = `${header} must be one of ${words.join(', ')}`;
  return (cell) => {
    const text = asText(cell);
    return (
      canonical.get(text) ??
      canonical.get(text.replace(/\s+/g, ' ').toLowerCase()) ??
      new CellFault('not-in-list', `${wording} — found ${describeFound(cell)}.`)
    );
  };
}

function councilListReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  const resolve = councilResolver(ctx.councils);
  return (cell) => {
    const items = asText(cell)
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const ids: string[] = [];
    for (const item of items) {
      const id = resolve(item);
      if (id === undefined) {
        return new CellFault(
          'unknown-council',
          unknownCouncilMessage(column.header, `"${item}"`, ctx.councils, true),
        );
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };
}

/** Addresses separated by `;` or `,` (the Settings sheet's Roll-up recipients). */
function emailListReader(column: ColumnLayout): CellReader {
  const length = textReader({ ...column, format: undefined });
  return (cell) => {
    const text = length(cell);
    if (text instanceof CellFault) return text;
    const list = (text as string)
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const bad = list.find((address) => address.length > 254 || !emailPattern.test(address));
    return bad === undefined
      ? list
      : new CellFault(
          'invalid-email',
          `${column.header} must be email addresses separated by ; — found ${describeFound(bad)}.`,
        );
  };
}

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

function booleanReader(column: ColumnLayout): CellReader {
  return (cell) => {
    if (typeof cell === 'boolean') return cell;
    const text = asText(cell).toLowerCase();
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    return new CellFault(
      'invalid-boolean',
      `${column.header} must be Yes or No — found ${describeFound(cell)}.`,
    );
  };
}

export function columnReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  switch (column.type) {
    case 'text':
      return textReader(column);
    case 'email':
      return emailReader(column);
    case 'money':
      return moneyReader(column);
    case 'number':
    case 'integer':
    case 'percent':
      return numberReader(column);
    case 'date':
      return calendarReader(column, parseDateValue, 'invalid-date', 'a date, like 31/03/2027');
    case 'month':
      return calendarReader(
        column,
        parseMonthValue,
        'invalid-month',
        'a month, like 2026-04, or a date in that month',
      );
    case 'choice':
      return choiceReader(column, ctx);
    case 'councilList':
      return councilListReader(column, ctx);
    case 'emailList':
      return emailListReader(column);
    case 'boolean':
      return booleanReader(column);
  }
}

/** What a blank optional cell reads as: nothing, or an empty list of councils. */
export const blankValue = (column: ColumnLayout): unknown => (column.type === 'councilList' ? [] : undefined);
