// A number, within the column's bounds.
import { z } from 'zod';
import { DECIMAL_FORMAT } from '../cells.js';
import { build } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { bounded, isNumber, numberFacts, numberReader, type NumberOptions } from './numeric.js';

export const number = <K extends string, const O extends NumberOptions<'number'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'number',
    header,
    key,
    bounded(z.number(), options),
    isNumber(options),
    options,
    numberFacts(options, DECIMAL_FORMAT),
  );

export const NUMBER: ColumnType = {
  reader: (column) =>
    numberReader(column, { expected: 'problem.expected.number', whole: false, percent: false }),
  writer: () => asCell,
  excel: { kind: 'a number', whole: false },
};
