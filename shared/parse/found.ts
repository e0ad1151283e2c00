// How a message names what a cell held ("— found …"), and a date as a UK reader writes it.
import { jsDateToIsoDate } from '../dates.js';
import { ExcelErrorValue, type PlainCell } from './cells.js';
import { phrase, type Phrase } from '../i18n/say.js';

/** An ISO date as a UK reader writes it: 31/03/2027. */
export const ukDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const MAX_QUOTED = 60;

/** What a cell held, for "— found …" at the end of a message: its text, or a date in the reader's words. */
export function describeFound(cell: PlainCell): string | Phrase {
  if (typeof cell === 'string') {
    return `"${cell.length > MAX_QUOTED ? `${cell.slice(0, MAX_QUOTED)}…` : cell}"`;
  }
  if (cell instanceof Date)
    return phrase('problem.found.date', { date: ukDate(jsDateToIsoDate(cell) ?? '') });
  if (cell instanceof ExcelErrorValue) return cell.text;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
