// Excel's data validation of a column, from its definition: the drop-down list or the bounds on a
// number, how Excel answers a value outside them, and the input prompt. The template the service writes
// and the sheets the add-in sets up both take their rules from here, so the two never differ.
import { boundsInWords } from './bounds.js';
import type { ColumnLayout } from './layout.js';
import type { ListSource } from './lists.js';
import { COLUMN_TYPES } from './types/index.js';

/**
 * How Excel answers a typed value the rule refuses. `stop` refuses it: the value could never pass the
 * add-in's or the service's checks, and a finance officer expects the sheet to say so at once rather
 * than at Check. `warning` lets the user keep it after a question: the checks accept more than the rule
 * can say (a council's name where its ID is listed).
 */
export type AlertStyle = 'stop' | 'warning';

export interface ColumnRule {
  /** The range of the column's drop-down list, as the caller gave it. */
  readonly list?: string;
  /** Bounds on a number: whole numbers for an integer column, any number otherwise. */
  readonly number?: { readonly whole: boolean; readonly min: number; readonly max?: number };
  /** With `list` or `number`: how Excel answers a value outside the rule, under this title. */
  readonly alert?: { readonly style: AlertStyle; readonly title: string; readonly message: string };
  /** The sentence Excel shows beside a selected cell. */
  readonly prompt?: { readonly title: string; readonly message: string };
}

// Excel's limits (MS-XLS DValStrings; "Add data validation to Excel ranges"): 32 characters for a
// title, 255 for a prompt's message and 225 for an error alert's; Excel refuses a longer one.
const title = (text: string): string => text.slice(0, 32);
const promptMessage = (text: string): string => text.slice(0, 255);
const alertMessage = (text: string): string => text.slice(0, 225);

/**
 * A column's rule. `listRange` gives the range a list's values are on, or undefined when the list has
 * none (the column then gets no list rule, rather than one pointing at another list). A number rule
 * needs a lower bound: every number column of the sheets has one, as none wants a negative number.
 * Undefined when the column has neither a rule nor a prompt.
 */
export function columnRule(
  column: ColumnLayout,
  listRange: (source: ListSource) => string | undefined,
): ColumnRule | undefined {
  const prompt = column.prompt
    ? { prompt: { title: title(column.header), message: promptMessage(column.prompt) } }
    : {};
  const list = column.list ? listRange(column.list) : undefined;
  if (list !== undefined) {
    // A council may be typed by its name too, which the list of IDs cannot show.
    const style: AlertStyle = column.list === 'councils' ? 'warning' : 'stop';
    const alert = {
      style,
      title: title(column.header),
      message: alertMessage(`Choose ${column.header} from the list.`),
    };
    return { list, alert, ...prompt };
  }
  const excel = COLUMN_TYPES[column.type].excel;
  if (excel !== undefined && column.min !== undefined) {
    const { min, max } = column;
    const bounds = excel.bounds
      ? excel.bounds(min, max)
      : max === undefined
        ? `of ${boundsInWords(min, max)}`
        : boundsInWords(min, max);
    return {
      number: { whole: excel.whole, min, ...(max === undefined ? {} : { max }) },
      alert: {
        style: 'stop',
        title: title(column.header),
        message: alertMessage(`${column.header} must be ${excel.kind} ${bounds}.`),
      },
      ...prompt,
    };
  }
  return column.prompt ? prompt : undefined;
}
