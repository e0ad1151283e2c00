// The in-memory workbook's shapes: cells, tables, validation, conditional formats, charts and sheets,
// and the error Excel answers with.

export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  numberFormat: string;
  fill?: string;
  /** Set when a string starting with = was written without the text prefix: Excel made it a formula. */
  formula?: string;
}

export interface Rect {
  r0: number; // 0-based, inclusive
  c0: number;
  r1: number;
  c1: number;
}

export interface Table {
  name: string;
  sheet: Sheet;
  rect: Rect; // header row included
  /** A filter is applied (the user picked values in a header's drop-down): some rows are hidden. */
  filtered?: boolean;
}

export interface RangeRule {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface ConditionalFormat {
  rect: Rect;
  type: string;
  rule?: unknown;
  fill?: string;
  font?: { color?: string; bold?: boolean };
}

/** Cells on a sheet, as a chart's series refers to them; `broken` once Excel would show #REF!. */
export interface SheetRange {
  sheet: Sheet;
  rect: Rect;
  broken?: boolean;
}

export interface ChartSeries {
  /** The series' own name, used when `nameRef` is absent. */
  name: string;
  /** The header cell the name is read from, when Excel took it from the source data. */
  nameRef?: SheetRange;
  values?: SheetRange;
  xValues?: SheetRange;
  fill?: string;
  lineColor?: string;
  lineStyle?: string;
}

export interface Chart {
  name: string;
  type: string;
  /** The range given to charts.add (or setData), as an address. */
  source: string;
  /** How the series were read from it: Columns or Rows (Auto resolved). */
  seriesBy: string;
  title: string;
  /** The cells the chart covers after setPosition: its top-left cell and, if given, its bottom-right. */
  position?: { from: string; to?: string };
  series: ChartSeries[];
  /** Number formats set on the axes (Excel otherwise follows the source cells' formats). */
  axisFormats: { value?: string; category?: string };
  /** How blank cells are drawn: NotPlotted (a gap, Excel's default for a new chart), Zero or Interplotted. */
  displayBlanksAs: string;
  /** Where the legend is (Top, Bottom, Left, Right, Corner); unset, Excel's default for the chart. */
  legendPosition?: string;
  /**
   * The category axis: categories in reverse order (the first at the top of a bar chart), and where the
   * value axis crosses it (Automatic, Maximum or Minimum category); unset, Excel's defaults.
   */
  categoryAxis: { reversePlotOrder?: boolean; position?: string };
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  visibility: string;
  frozenRows: number;
  columnWidths: Map<number, number>;
  validations: RangeRule[];
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  /** Charts ever added to the sheet: Excel names a new one "Chart N" and never reuses an N. */
  chartsAdded: number;
  /** Review › Protect Sheet: Excel refuses changes to its cells (AccessDenied). */
  protected: boolean;
  /** Merged areas (Merge & Center). */
  merged: Rect[];
}

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}
