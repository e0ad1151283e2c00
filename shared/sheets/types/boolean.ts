// Yes or No.
import { z } from 'zod';
import { asText, CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import type { ColumnLayout } from '../layout.js';
import { build, type Options } from './build.js';
import type { ColumnType } from './column-type.js';
import { phrase, say } from '../../i18n/say.js';

export const boolean = <K extends string, const O extends Options<'boolean'>>(
  header: string,
  key: K,
  options: O,
) => build('boolean', header, key, z.boolean(), (value) => typeof value === 'boolean', options);

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
      say('problem.mustBe', {
        column: column.header,
        expected: phrase('problem.expected.yesNo'),
        found: describeFound(cell),
      }),
    );
  };
}

export const BOOLEAN: ColumnType = {
  reader: booleanReader,
  writer: () => (v) => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : v),
};
