// The column types, one file each (a new type is its file, its name in CellType and a line here): the
// builders the sheets are defined with, and the registry the readers, writers and Excel rules look a
// column's type up in.
import type { CellType } from '../cells.js';
import { BOOLEAN } from './boolean.js';
import { CHOICE } from './choice.js';
import type { ColumnType } from './column-type.js';
import { COUNCIL_LIST } from './council-list.js';
import { DATE } from './date.js';
import { EMAIL } from './email.js';
import { EMAIL_LIST } from './email-list.js';
import { INTEGER } from './integer.js';
import { MONEY } from './money.js';
import { MONTH } from './month.js';
import { NUMBER } from './number.js';
import { PERCENT } from './percent.js';
import { TEXT } from './text.js';

export const COLUMN_TYPES: Readonly<Record<CellType, ColumnType>> = {
  text: TEXT,
  email: EMAIL,
  money: MONEY,
  number: NUMBER,
  integer: INTEGER,
  percent: PERCENT,
  date: DATE,
  month: MONTH,
  choice: CHOICE,
  councilList: COUNCIL_LIST,
  emailList: EMAIL_LIST,
  boolean: BOOLEAN,
};

export { boolean } from './boolean.js';
export { choice } from './choice.js';
export type { CellWriter, ColumnType, DateCells, ExcelNumberRule } from './column-type.js';
export { councilList } from './council-list.js';
export { date } from './date.js';
export { email } from './email.js';
export { emailList } from './email-list.js';
export { integer } from './integer.js';
export { money } from './money.js';
export { month } from './month.js';
export { number } from './number.js';
export { percent } from './percent.js';
export { text } from './text.js';
