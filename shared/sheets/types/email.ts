// An e-mail address, of at most 254 characters.
import { z } from 'zod';
import { asText, CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { emailSchema } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import { build, passes, type Options } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { phrase, say } from '../../i18n/say.js';

/** The longest address the schema and the readers accept. */
export const MAX_EMAIL_LENGTH = 254;

/** The same address pattern as `emailSchema`'s, for cells read by the thousand. */
export const isEmailAddress = (text: string): boolean =>
  text.length <= MAX_EMAIL_LENGTH && z.regexes.email.test(text);

export const email = <K extends string, const O extends Options<'email'>>(
  header: string,
  key: K,
  options: O,
) => build('email', header, key, emailSchema, passes(emailSchema), options, { maxLength: MAX_EMAIL_LENGTH });

function emailReader(column: ColumnLayout): CellReader {
  const { header, maxLength = MAX_EMAIL_LENGTH } = column;
  return (cell) => {
    const text = asText(cell);
    if (text.length > maxLength || !z.regexes.email.test(text)) {
      return new CellFault(
        'invalid-email',
        say('problem.mustBe', {
          column: header,
          expected: phrase('problem.expected.email'),
          found: describeFound(cell),
        }),
      );
    }
    return text;
  };
}

export const EMAIL: ColumnType = { reader: emailReader, writer: () => asCell };
