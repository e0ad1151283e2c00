// What the number, integer and percent columns share: bounds, their schema and test, and a reader of a
// number typed in a cell or as text ("1,200", "2.5", "12.5%").
import type { z } from 'zod';
import { CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { boundsPhrase, plainNumber } from '../bounds.js';
import type { CellType } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import type { Bounds, Defaulted, Facts, Options } from './build.js';
import type { ExpectedKey } from '../../i18n/problems.js';
import { phrase, say } from '../../i18n/say.js';

export interface NumberOptions<T extends CellType> extends Options<T>, Bounds, Defaulted<number> {
  readonly numberFormat?: string;
}

export const numberFacts = (options: Bounds & { numberFormat?: string }, numberFormat?: string): Facts => ({
  min: options.min,
  max: options.max,
  numberFormat: options.numberFormat ?? numberFormat,
});

export const bounded = <S extends z.ZodNumber | z.ZodInt>(schema: S, { min, max }: Bounds): S => {
  const low = min === undefined ? schema : (schema.min(min) as S);
  return max === undefined ? low : (low.max(max) as S);
};

const withinBounds =
  ({ min, max }: Bounds) =>
  (value: number) =>
    (min === undefined || value >= min) && (max === undefined || value <= max);
export const isNumber = (bounds: Bounds) => {
  const within = withinBounds(bounds);
  return (value: unknown) => typeof value === 'number' && Number.isFinite(value) && within(value);
};
export const isInteger = (bounds: Bounds) => {
  const within = withinBounds(bounds);
  return (value: unknown) => Number.isSafeInteger(value) && within(value as number);
};

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** A number typed as text: "1,200", "2.5", "12.5%" (the % only where allowed). */
function parseNumberText(text: string, allowPercent: boolean): number | undefined {
  let t = text.replace(/\s+/g, '');
  if (allowPercent && t.endsWith('%')) t = t.slice(0, -1);
  if (t === '' || !NUMBER_TEXT.test(t) || !/\d/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

function rangeFault(column: ColumnLayout, value: number, shown: string): CellFault | undefined {
  const { min, max, header } = column;
  const tooLow = min !== undefined && value < min;
  const tooHigh = max !== undefined && value > max;
  if (!tooLow && !tooHigh) return undefined;
  return new CellFault(
    'out-of-range',
    say('problem.mustBe', { column: header, expected: boundsPhrase(min, max), found: shown }),
  );
}

interface NumberReading {
  /** What the cell must be, after "<Header> must be ". */
  readonly expected: ExpectedKey;
  readonly whole: boolean;
  /** Text may end in %. */
  readonly percent: boolean;
}

export function numberReader(column: ColumnLayout, reading: NumberReading): CellReader {
  const { whole, percent } = reading;
  const expected = phrase(reading.expected);
  const { header } = column;
  return (cell) => {
    const value =
      typeof cell === 'number' ? cell : typeof cell === 'string' ? parseNumberText(cell, percent) : undefined;
    if (value === undefined || (whole && !Number.isInteger(value))) {
      return new CellFault(
        'invalid-number',
        say('problem.mustBe', { column: header, expected, found: describeFound(cell) }),
      );
    }
    return rangeFault(column, value, plainNumber(value)) ?? value;
  };
}
