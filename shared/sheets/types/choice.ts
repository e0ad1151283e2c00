// One of a drop-down list's words; a council may also be named rather than given by its ID.
import { z } from 'zod';
import {
  asText,
  CellFault,
  councilResolver,
  unknownCouncilSay,
  type CellReader,
  type ReadContext,
} from '../../parse/cell-reader.js';
import { describeFound } from '../../parse/found.js';
import { councilIdSchema, TEXT_FORMATS } from '../cells.js';
import type { Column } from '../column.js';
import type { ColumnLayout } from '../layout.js';
import { FIXED_LISTS, type FixedList, type ListSource, type ListWord } from '../lists.js';
import { build, type Defaulted, type Finished, type Options } from './build.js';
import { asCell, type ColumnType } from './column-type.js';
import { isText, textReader, textSchema } from './text.js';
import { phrase, say } from '../../i18n/say.js';

type ListSchema<L extends ListSource> = L extends FixedList
  ? z.ZodEnum<{ [W in ListWord<L>]: W }>
  : L extends 'councils'
    ? typeof councilIdSchema
    : z.ZodString;

function listSchema<L extends ListSource>(list: L, required?: boolean, maxLength?: number): ListSchema<L> {
  if (list === 'councils') return councilIdSchema as ListSchema<L>;
  if (list === 'budgetLines') return textSchema(required, maxLength) as ListSchema<L>;
  return z.enum(FIXED_LISTS[list as FixedList]) as unknown as ListSchema<L>;
}

export const isCouncilId = (value: unknown) =>
  typeof value === 'string' && TEXT_FORMATS.councilId.test(value);

/** `listSchema`'s rule as a test. */
function isListed(list: ListSource, required?: boolean, maxLength?: number) {
  if (list === 'councils') return isCouncilId;
  if (list === 'budgetLines') return isText(required, maxLength);
  const words = new Set<unknown>(FIXED_LISTS[list]);
  return (value: unknown) => words.has(value);
}

interface ChoiceOptions extends Options<'choice'>, Defaulted<string> {
  readonly maxLength?: number;
}
export const choice = <K extends string, L extends ListSource, const O extends ChoiceOptions>(
  header: string,
  key: K,
  list: L,
  options: O,
): Column<K, 'choice', Finished<ListSchema<L>, O>> =>
  build(
    'choice',
    header,
    key,
    listSchema(list, options.required, options.maxLength),
    isListed(list, options.required, options.maxLength),
    options,
    { list, maxLength: options.maxLength },
  ) as Column<K, 'choice', Finished<ListSchema<L>, O>>;

function choiceReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  const { header, list } = column;
  if (list === 'councils') {
    const resolve = councilResolver(ctx.councils);
    return (cell) =>
      resolve(asText(cell)) ??
      new CellFault('unknown-council', unknownCouncilSay(header, describeFound(cell), ctx.councils));
  }
  // Budget lines depend on the row's financial year: validation matches them against the partnership.
  if (list === undefined || list === 'budgetLines') return textReader(column);
  const words: readonly string[] = FIXED_LISTS[list];
  // Keyed by the exact spelling too, so the usual cell needs no normalising.
  const canonical = new Map(words.flatMap((w) => [[w, w] as const, [w.toLowerCase(), w] as const]));
  const expected = phrase('problem.expected.oneOf', { words: words.join(', ') });
  return (cell) => {
    const text = asText(cell);
    return (
      canonical.get(text) ??
      canonical.get(text.replace(/\s+/g, ' ').toLowerCase()) ??
      new CellFault(
        'not-in-list',
        say('problem.mustBe', { column: header, expected, found: describeFound(cell) }),
      )
    );
  };
}

export const CHOICE: ColumnType = { reader: choiceReader, writer: () => asCell };
