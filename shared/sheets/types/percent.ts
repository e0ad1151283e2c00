// A percentage as a number of per cent (12.5, not 0.125); text may end in %.
import { z } from 'zod';
import { build } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { bounded, isNumber, numberFacts, numberReader, type NumberOptions } from './numeric.js';

export const percent = <K extends string, const O extends NumberOptions<'percent'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'percent',
    header,
    key,
    bounded(z.number(), options),
    isNumber(options),
    options,
    numberFacts(options),
  );

export const PERCENT: ColumnType = {
  reader: (column) =>
    numberReader(column, { expected: 'problem.expected.percent', whole: false, percent: true }),
  writer: () => asCell,
  excel: { kind: 'a number of per cent', whole: false },
};
