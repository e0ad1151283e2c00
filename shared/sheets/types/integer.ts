// A whole number, within the column's bounds.
import { z } from 'zod';
import { INTEGER_FORMAT } from '../cells.js';
import { build } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { bounded, isInteger, numberFacts, numberReader, type NumberOptions } from './numeric.js';

export const integer = <K extends string, const O extends NumberOptions<'integer'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'integer',
    header,
    key,
    bounded(z.int(), options),
    isInteger(options),
    options,
    numberFacts(options, INTEGER_FORMAT),
  );

export const INTEGER: ColumnType = {
  reader: (column) =>
    numberReader(column, { expected: 'problem.expected.wholeNumber', whole: true, percent: false }),
  writer: () => asCell,
  excel: { kind: 'a whole number', whole: true },
};
