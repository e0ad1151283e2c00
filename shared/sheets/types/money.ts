// Money: pounds in the cell, integer pence in the row; never negative.
import { CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { formatPounds, parseMoneyText, penceToPounds, poundsToPence } from '../../money.js';
import { MONEY_FORMAT, penceSchema } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import { build, type Options } from './build.js';
import type { ColumnType } from './column-type.js';
import { isInteger } from './numeric.js';
import { phrase, say } from '../../i18n/say.js';

/** Larger amounts are typing mistakes, and beyond this pence stop being exact integers. */
const MAX_POUNDS = 1e12;

export const money = <K extends string, const O extends Options<'money'>>(
  header: string,
  key: K,
  options: O,
) =>
  // "£1,234,567.89"; the header wraps onto two lines rather than widening the column.
  build(
    'money',
    header,
    key,
    penceSchema,
    isInteger({ min: 0 }),
    { width: 13, ...options },
    {
      min: 0,
      numberFormat: MONEY_FORMAT,
    },
  );

function moneyReader(column: ColumnLayout): CellReader {
  const { header, min } = column;
  return (cell) => {
    const pounds =
      typeof cell === 'number' ? cell : typeof cell === 'string' ? parseMoneyText(cell) : undefined;
    if (pounds === undefined) {
      return new CellFault(
        'invalid-number',
        say('problem.mustBe', {
          column: header,
          expected: phrase('problem.expected.pounds'),
          found: describeFound(cell),
        }),
      );
    }
    if (Math.abs(pounds) >= MAX_POUNDS) {
      return new CellFault(
        'out-of-range',
        say('problem.tooLarge', { column: header, found: describeFound(cell) }),
      );
    }
    const pence = poundsToPence(pounds);
    if (min !== undefined && pence < min * 100) {
      return new CellFault(
        'out-of-range',
        say('problem.mustBe', {
          column: header,
          expected: phrase('problem.expected.atLeast', { min: formatPounds(min * 100) }),
          found: formatPounds(pence),
        }),
      );
    }
    return pence;
  };
}

export const MONEY: ColumnType = {
  reader: moneyReader,
  writer: () => (v) => (typeof v === 'number' ? penceToPounds(v) : v),
  excel: { kind: 'an amount in pounds', whole: false, bounds: (min) => `of £${min.toFixed(2)} or more` },
};
