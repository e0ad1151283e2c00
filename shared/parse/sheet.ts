// The one generic reader: a grid of cells to typed rows, driven by a sheet's definition. Columns are
// found by header text (case- and space-insensitive), never by position (DESIGN §3).
import type { ColumnLayout, SheetLayout } from '../sheets/index.js';
import { normaliseHeader } from '../sheets/index.js';
import { ExcelErrorValue, plainCell } from './cells.js';
import { CellFault, type CellReader, type ReadContext } from './cell-reader.js';
import { blankValue, columnReader } from './columns.js';
import type { Severity } from './problems.js';
import { problem, ProblemList } from './problems.js';
import { say, type Say } from '../i18n/say.js';

/** A sheet's cells as Office.js range.values or exceljs give them; values[0] is Excel row `firstRow` (default 1). */
export interface SheetGrid {
  values: unknown[][];
  firstRow?: number;
}

/** Sheets by name as they appear in the workbook (matched to layouts case-insensitively). */
export type WorkbookGrids = Record<string, SheetGrid>;

/** A typed row and the row number Excel shows for it. */
export interface Located<T> {
  readonly row: number;
  readonly value: T;
  /**
   * Keys of the columns whose cell could not be read (each already reported). Such a row is kept only
   * so that the rules over the fields that were read can report their problems in the same check; its
   * value lacks these keys, and it is never accepted.
   */
  readonly unread?: ReadonlySet<string>;
}

export interface SheetRead<T> {
  rows: Located<T>[];
  /** The first problems found, and how many there were in all. */
  problems: ProblemList;
  /** False when the header row is missing or lacks a required column, so no row could be read. */
  readable: boolean;
}

/** Finds a sheet by name, ignoring case and surrounding space. */
export function findGrid(grids: WorkbookGrids, sheet: string): SheetGrid | undefined {
  const wanted = sheet.trim().toLowerCase();
  for (const [name, grid] of Object.entries(grids)) if (name.trim().toLowerCase() === wanted) return grid;
  return undefined;
}

const headerText = (cell: unknown): string | undefined => {
  const plain = plainCell(cell);
  if (plain === undefined || plain instanceof ExcelErrorValue) return undefined;
  return plain instanceof Date ? plain.toISOString() : String(plain);
};

const isBlankRow = (row: readonly unknown[] | undefined): boolean =>
  !row || row.every((cell) => plainCell(cell) === undefined);

interface BoundColumn {
  readonly column: ColumnLayout;
  readonly index: number;
  readonly read: CellReader;
}

/**
 * Reads the data rows of one sheet. A faulty cell is reported, and its row is kept with the cells that
 * were read and the faulty columns marked `unread`, so Check lists every problem of a row at once.
 */
export function readSheet<T>(
  layout: SheetLayout,
  grid: SheetGrid,
  ctx: ReadContext,
  problems = new ProblemList(),
): SheetRead<T> {
  const { sheet } = layout;
  const values = grid.values;
  const firstRow = grid.firstRow ?? 1;
  const headerIndex = values.findIndex((row) => !isBlankRow(row));
  if (headerIndex === -1) {
    const headers = layout.columns.map((c) => c.header).join(', ');
    problems.push(
      problem(sheet, null, null, 'missing-header', 'error', say('problem.emptySheet', { sheet, headers })),
    );
    return { rows: [], problems, readable: false };
  }
  const headerRow = firstRow + headerIndex;
  const byHeader = new Map(layout.columns.map((c) => [normaliseHeader(c.header), c]));
  const bound = new Map<ColumnLayout, BoundColumn>();
  const extra: string[] = [];
  const reportedDuplicates = new Set<ColumnLayout>();
  (values[headerIndex] ?? []).forEach((cell, index) => {
    const text = headerText(cell);
    if (text === undefined) return;
    const column = byHeader.get(normaliseHeader(text));
    if (!column) {
      extra.push(`"${text}"`);
    } else if (!bound.has(column)) {
      bound.set(column, { column, index, read: columnReader(column, ctx) });
    } else if (!reportedDuplicates.has(column)) {
      reportedDuplicates.add(column);
      problems.push(
        problem(
          sheet,
          headerRow,
          column.header,
          'duplicate-column',
          'error',
          say('problem.duplicateColumn', { column: column.header }),
        ),
      );
    }
  });
  const missingRequired = layout.columns.filter((c) => c.required && !bound.has(c));
  for (const column of missingRequired) {
    problems.push(
      problem(
        sheet,
        headerRow,
        column.header,
        'missing-column',
        'error',
        say('problem.missingColumn', { column: column.header }),
      ),
    );
  }
  const missingOptional = layout.columns.filter((c) => !c.required && !bound.has(c));
  if (missingOptional.length > 0) {
    const columns = { and: missingOptional.map((c) => `"${c.header}"`) };
    problems.push(
      problem(
        sheet,
        headerRow,
        null,
        'missing-optional-columns',
        'note',
        say(
          missingOptional.length === 1 ? 'problem.missingOptionalColumn' : 'problem.missingOptionalColumns',
          {
            columns,
          },
        ),
      ),
    );
  }
  if (extra.length > 0) {
    problems.push(
      problem(
        sheet,
        headerRow,
        null,
        'extra-columns',
        'note',
        say(extra.length === 1 ? 'problem.extraColumn' : 'problem.extraColumns', { columns: { and: extra } }),
      ),
    );
  }
  if (missingRequired.length > 0) return { rows: [], problems, readable: false };

  const columns = [...bound.values()];
  const absent = layout.columns.filter((c) => !bound.has(c));
  const cells: unknown[] = new Array<unknown>(columns.length);
  const rows: Located<T>[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const raw = values[r];
    if (!raw) continue;
    let blank = true;
    for (let i = 0; i < columns.length; i++) {
      const cell = plainCell(raw[columns[i]!.index]);
      cells[i] = cell;
      if (cell !== undefined) blank = false;
    }
    if (blank) continue;
    const rowNumber = firstRow + r;
    const value: Record<string, unknown> = {};
    const unread = new Set<string>();
    for (let i = 0; i < columns.length; i++) {
      const { column, read } = columns[i]!;
      const cell = cells[i] as ReturnType<typeof plainCell>;
      let result: unknown;
      if (cell === undefined) {
        result = column.required
          ? new CellFault('required', say('problem.required', { column: column.header }))
          : blankValue(column);
      } else if (cell instanceof ExcelErrorValue) {
        result = new CellFault(
          'cell-error',
          say('problem.cellError', { column: column.header, error: cell.text }),
        );
      } else {
        result = read(cell);
      }
      if (result instanceof CellFault) {
        unread.add(column.key);
        const { code, say: said } = result;
        problems.pushMade('error', () => problem(sheet, rowNumber, column.header, code, 'error', said));
      } else if (result !== undefined) {
        value[column.key] = result;
      }
    }
    for (const column of absent) {
      const blankCell = blankValue(column);
      if (blankCell !== undefined) value[column.key] = blankCell;
    }
    rows.push(
      unread.size === 0
        ? { row: rowNumber, value: value as T }
        : { row: rowNumber, value: value as T, unread },
    );
  }
  return { rows, problems, readable: true };
}

/**
 * Finds a layout's sheet by name and reads it. A missing sheet is reported with the given severity and
 * words. Undefined when the sheet is missing or its header row unusable.
 */
export function readWorkbookSheet<T>(
  grids: WorkbookGrids,
  layout: SheetLayout,
  ctx: ReadContext,
  problems: ProblemList,
  missing: { severity: Severity; say: Say },
): Located<T>[] | undefined {
  const grid = findGrid(grids, layout.sheet);
  if (!grid) {
    problems.push(problem(layout.sheet, null, null, 'missing-sheet', missing.severity, missing.say));
    return undefined;
  }
  const read = readSheet<T>(layout, grid, ctx, new ProblemList(problems.limit));
  problems.addAll(read.problems);
  return read.readable ? read.rows : undefined;
}
