// Council IDs separated by `;` or `,` (a council may be named); blank is none.
import { z } from 'zod';
import {
  asText,
  CellFault,
  councilResolver,
  unknownCouncilSay,
  type CellReader,
  type ReadContext,
} from '../../parse/cell-reader.js';
import { councilIdSchema, TEXT_FORMAT } from '../cells.js';
import type { ColumnLayout } from '../layout.js';
import { build, isListOf, listItems, type Options } from './build.js';
import { isCouncilId } from './choice.js';
import { asCell, type ColumnType } from './column-type.js';

export const councilList = <K extends string, const O extends Omit<Options<'councilList'>, 'required'>>(
  header: string,
  key: K,
  options: O,
) =>
  build(
    'councilList',
    header,
    key,
    z.array(councilIdSchema),
    isListOf(isCouncilId),
    { ...options, default: [] as string[] },
    {
      numberFormat: TEXT_FORMAT,
    },
  );

function councilListReader(column: ColumnLayout, ctx: ReadContext): CellReader {
  const resolve = councilResolver(ctx.councils);
  return (cell) => {
    const ids: string[] = [];
    for (const item of listItems(asText(cell))) {
      const id = resolve(item);
      if (id === undefined) {
        return new CellFault(
          'unknown-council',
          unknownCouncilSay(column.header, `"${item}"`, ctx.councils, true),
        );
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };
}

export const COUNCIL_LIST: ColumnType = { reader: councilListReader, blank: () => [], writer: () => asCell };
