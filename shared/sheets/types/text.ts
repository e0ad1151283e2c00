// Text: up to a column's maximum length, and where the column has a format, an identifier of DESIGN §2
// (a council ID is read in lower case).
import { z } from 'zod';
import { asText, CellFault, type CellReader } from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { TEXT_FORMAT, TEXT_FORMATS, type TextFormat } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import { build, type Options } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { phrase, say } from '../../i18n/say.js';

/** `textSchema`'s rule as a test. */
export function isText(required: boolean | undefined, maxLength?: number, format?: TextFormat) {
  const rule = format && TEXT_FORMATS[format];
  const longest = rule?.bounded ? undefined : maxLength;
  const shortest = !rule && required ? 1 : 0;
  return (value: unknown) =>
    typeof value === 'string' &&
    value.length >= shortest &&
    (longest === undefined || value.length <= longest) &&
    (!rule || rule.test(value));
}

/** Text of up to `maxLength` characters; a required column's must not be empty. */
export function textSchema(
  required: boolean | undefined,
  maxLength?: number,
  format?: TextFormat,
): z.ZodString {
  if (format) {
    const rule = TEXT_FORMATS[format];
    return rule.bounded || maxLength === undefined ? rule.schema : rule.schema.max(maxLength);
  }
  const text = required ? z.string().min(1) : z.string();
  return maxLength === undefined ? text : text.max(maxLength);
}

interface TextOptions extends Options<'text'> {
  readonly maxLength?: number;
  readonly format?: TextFormat;
}
export const text = <K extends string, const O extends TextOptions>(header: string, key: K, options: O) =>
  build(
    'text',
    header,
    key,
    textSchema(options.required, options.maxLength, options.format),
    isText(options.required, options.maxLength, options.format),
    options,
    {
      numberFormat: TEXT_FORMAT,
      maxLength: options.maxLength,
      format: options.format,
    },
  );

export function textReader(column: ColumnLayout): CellReader {
  const { header, maxLength } = column;
  const format = column.format ? TEXT_FORMATS[column.format] : undefined;
  const isCouncilId = column.format === 'councilId';
  return (cell) => {
    const raw = asText(cell);
    const text = isCouncilId ? raw.toLowerCase() : raw;
    if (maxLength !== undefined && text.length > maxLength) {
      return new CellFault(
        'too-long',
        say('problem.tooLong', { column: header, max: maxLength, length: text.length }),
      );
    }
    if (format && !format.test(text)) {
      return new CellFault(
        format.code,
        say('problem.mustBe', {
          column: header,
          expected: phrase(format.expected),
          found: describeFound(cell),
        }),
      );
    }
    return text;
  };
}

export const TEXT: ColumnType = { reader: textReader, writer: () => asCell };
