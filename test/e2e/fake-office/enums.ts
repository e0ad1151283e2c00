// The Office.js enums the fake's `Excel` global carries, as the strings Office.js itself uses (a pane
// may pass either). The chart types are Excel.ChartType's, so the fake refuses a type Excel refuses.

/** Excel.ChartType: every type Excel can add (its `Invalid` member is not one). */
const CHART_TYPE_NAMES = [
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  '3DColumnClustered',
  '3DColumnStacked',
  '3DColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  '3DBarClustered',
  '3DBarStacked',
  '3DBarStacked100',
  'LineStacked',
  'LineStacked100',
  'LineMarkers',
  'LineMarkersStacked',
  'LineMarkersStacked100',
  'PieOfPie',
  'PieExploded',
  '3DPieExploded',
  'BarOfPie',
  'XYScatterSmooth',
  'XYScatterSmoothNoMarkers',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'AreaStacked',
  'AreaStacked100',
  '3DAreaStacked',
  '3DAreaStacked100',
  'DoughnutExploded',
  'RadarMarkers',
  'RadarFilled',
  'Surface',
  'SurfaceWireframe',
  'SurfaceTopView',
  'SurfaceTopViewWireframe',
  'Bubble',
  'Bubble3DEffect',
  'StockHLC',
  'StockOHLC',
  'StockVHLC',
  'StockVOHLC',
  'CylinderColClustered',
  'CylinderColStacked',
  'CylinderColStacked100',
  'CylinderBarClustered',
  'CylinderBarStacked',
  'CylinderBarStacked100',
  'CylinderCol',
  'ConeColClustered',
  'ConeColStacked',
  'ConeColStacked100',
  'ConeBarClustered',
  'ConeBarStacked',
  'ConeBarStacked100',
  'ConeCol',
  'PyramidColClustered',
  'PyramidColStacked',
  'PyramidColStacked100',
  'PyramidBarClustered',
  'PyramidBarStacked',
  'PyramidBarStacked100',
  'PyramidCol',
  '3DColumn',
  'Line',
  '3DLine',
  '3DPie',
  'Pie',
  'XYScatter',
  '3DArea',
  'Area',
  'Doughnut',
  'Radar',
  'Histogram',
  'Boxwhisker',
  'Pareto',
  'RegionMap',
  'Treemap',
  'Waterfall',
  'Sunburst',
  'Funnel',
] as const;

export const CHART_TYPES: ReadonlySet<string> = new Set(CHART_TYPE_NAMES);

/** Office.js spells an enum member in camelCase (`xyscatterLines`), `_` before a digit (`_3DColumn`). */
const member = (value: string): string =>
  /^\d/.test(value)
    ? `_${value}`
    : value.startsWith('XYScatter')
      ? `xyscatter${value.slice(9)}`
      : value.charAt(0).toLowerCase() + value.slice(1);

export const CHART_LINE_STYLES: ReadonlySet<string> = new Set([
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Grey25',
  'Grey50',
  'Grey75',
  'Automatic',
  'RoundDot',
]);

export const CHART_SERIES_BY: ReadonlySet<string> = new Set(['Auto', 'Columns', 'Rows']);

/** Excel.ChartLegendPosition less `Invalid`, and `Custom`, which only a legend's own left/top set. */
export const CHART_LEGEND_POSITIONS: ReadonlySet<string> = new Set([
  'Top',
  'Bottom',
  'Left',
  'Right',
  'Corner',
]);

/** Excel.ChartAxisPosition less `Custom`, which only setPositionAt sets. */
export const CHART_AXIS_POSITIONS: ReadonlySet<string> = new Set(['Automatic', 'Maximum', 'Minimum']);

export const EXCEL_ENUMS = {
  DeleteShiftDirection: { up: 'Up', left: 'Left' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  DataValidationOperator: {
    between: 'Between',
    greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
    lessThanOrEqualTo: 'LessThanOrEqualTo',
  },
  DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
  ConditionalFormatType: { containsText: 'ContainsText' },
  ConditionalTextOperator: { contains: 'Contains' },
  ChartType: {
    invalid: 'Invalid',
    ...Object.fromEntries(CHART_TYPE_NAMES.map((t) => [member(t), t])),
  } as Record<string, string>,
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
  ChartDisplayBlanksAs: { notPlotted: 'NotPlotted', zero: 'Zero', interplotted: 'Interplotted' },
  ChartLegendPosition: {
    invalid: 'Invalid',
    top: 'Top',
    bottom: 'Bottom',
    left: 'Left',
    right: 'Right',
    corner: 'Corner',
    custom: 'Custom',
  },
  ChartAxisPosition: { automatic: 'Automatic', maximum: 'Maximum', minimum: 'Minimum', custom: 'Custom' },
  ChartLineStyle: Object.fromEntries([...CHART_LINE_STYLES].map((s) => [member(s), s])),
  ChartSeriesDimension: {
    categories: 'Categories',
    values: 'Values',
    xvalues: 'XValues',
    yvalues: 'YValues',
    bubbleSizes: 'BubbleSizes',
  },
};
