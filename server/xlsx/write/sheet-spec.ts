// What a caller hands the writer for each sheet: its columns, its rows of cells, and what the sheet
// carries besides (a table, validations, highlights, charts).
import type { Chart } from './chart.js';

/** A cell: blank, text, number, boolean, or a value with its own format / emphasis. */
export type Cell = string | number | boolean | null | undefined | StyledCell;
export interface StyledCell {
  /** With a formula, the value it gives as written (shown until the workbook is recalculated). */
  value: string | number | boolean | null | undefined;
  numberFormat?: string;
  bold?: boolean;
  /** A formula without the leading `=`, e.g. `COUNTIFS(Projects!$G$2:$G$9,A2)`. */
  formula?: string;
}

export interface SheetColumn {
  header: string;
  /** Excel character units. */
  width: number;
  /** Applied to the column's data cells, and to the whole column so that typed values take it too. */
  numberFormat?: string;
  /** Long text: wrapped within the column's width (the row grows) instead of running over or being cut. */
  wrap?: boolean;
}

/** Colour a cell of a 0-based column when it equals a value: white bold text on `colour` (`RRGGBB`). */
export interface HighlightRule {
  column: number;
  equals: string;
  colour: string;
}

/** A column's rule, its input prompt, or both. */
export interface Validation {
  /** 0-based column of the table. */
  column: number;
  /** `any`: no check, only the prompt. */
  type: 'list' | 'decimal' | 'whole' | 'any';
  /** A list: a range such as `Lists!$A$2:$A$9`. A number: the lower bound. */
  formula1?: string;
  /** A number: the upper bound; without it the rule is "at least formula1". */
  formula2?: string;
  /**
   * How Excel answers a value the rule refuses: `stop` refuses it, `warning` asks first; the title and
   * the plain-English message say what the column expects.
   */
  alert?: { style: 'stop' | 'warning'; title: string; message: string };
  /** The sentence Excel shows beside a selected cell, saying what the column wants. */
  prompt?: { title: string; text: string };
  /** Excel rows covered; by default the data rows and many blank rows under them. */
  rows?: { first: number; last: number };
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  /** Data rows written under the header row (or from row 1 when `header` is false). */
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
  /** How many rows `rows` yields; tables, validations and formats need the extent before streaming. */
  rowCount: number;
  /** Write the column headers as row 1 (default true). */
  header?: boolean;
  /** Make the header and rows an Excel table with this name (needs `header`). */
  table?: string;
  freezeHeader?: boolean;
  hidden?: boolean;
  /** Print the whole sheet on one page (a summary), rather than one page wide and as long as it needs. */
  printOnOnePage?: boolean;
  /** 0-based rows that start a new printed page (so that a chart under them is never cut in two). */
  pageBreaks?: readonly number[];
  validations?: readonly Validation[];
  highlights?: readonly HighlightRule[];
  charts?: readonly Chart[];
}
