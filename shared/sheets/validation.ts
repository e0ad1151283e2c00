// Excel's data validation of a column, from its definition: the drop-down list or the bounds on a
// number, how Excel answers a value outside them, and the input prompt. The template the service writes
// and the sheets the add-in sets up both take their rules from here, so the two never differ.
import type { ColumnLayout } from './column.js';
import type { ListSource } from './lists.js';

/** A number as a person writes it: 12.5, 100, 0.01 (no float noise). */
export const plainNumber = (n: number): string => String(Number(n.toFixed(6)));

/** "between 0 and 31", "0 or more", "31 or less": a number's bounds, as the messages say them. */
export function boundsInWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${plainNumber(min)} and ${plainNumber(max)}`;
  return min !== undefined ? `${plainNumber(min)} or more` : `${plainNumber(max ?? 0)} or less`;
}

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

const NUMBER_KINDS: Partial<Record<ColumnLayout['type'], string>> = {
  money: 'an amount in pounds',
  number: 'a number',
  percent: 'a number of per cent',
  integer: 'a whole number',
};

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
  const kind = NUMBER_KINDS[column.type];
  if (kind !== undefined && column.min !== undefined) {
    const { min, max } = column;
    const bounds =
      column.type === 'money'
        ? `of £${min.toFixed(2)} or more`
        : max === undefined
          ? `of ${boundsInWords(min, max)}`
          : boundsInWords(min, max);
    return {
      number: { whole: column.type === 'integer', min, ...(max === undefined ? {} : { max }) },
      alert: {
        style: 'stop',
        title: title(column.header),
        message: alertMessage(`${column.header} must be ${kind} ${bounds}.`),
      },
      ...prompt,
    };
  }
  return column.prompt ? prompt : undefined;
}
