// E-mail addresses separated by `;` or `,` (the Settings sheet's Roll-up recipients); blank is none.
import { z } from 'zod';
import { CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { emailSchema } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import { build, isListOf, listItems, passes, type Options } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { isEmailAddress } from './email.js';
import { textReader } from './text.js';
import { phrase, say } from '../../i18n/say.js';

interface EmailListOptions extends Omit<Options<'emailList'>, 'required'> {
  readonly maxLength?: number;
}
export const emailList = <K extends string, const O extends EmailListOptions>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'emailList',
    header,
    key,
    z.array(emailSchema),
    isListOf(passes(emailSchema)),
    { ...options, default: [] as string[] },
    {
      maxLength: options.maxLength,
    },
  );

function emailListReader(column: ColumnLayout): CellReader {
  // The whole cell's length is the column's; each address is held to an address's.
  const length = textReader({ ...column, format: undefined });
  return (cell) => {
    const text = length(cell);
    if (text instanceof CellFault) return text;
    const list = listItems(text as string);
    const bad = list.find((address) => !isEmailAddress(address));
    return bad === undefined
      ? list
      : new CellFault(
          'invalid-email',
          say('problem.mustBe', {
            column: column.header,
            expected: phrase('problem.expected.emails'),
            found: describeFound(bad),
          }),
        );
  };
}

export const EMAIL_LIST: ColumnType = { reader: emailListReader, writer: () => asCell };
