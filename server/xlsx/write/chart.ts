// Native Excel charts as DrawingML chart parts (ECMA-376 Part 1, §21.2): bar, stacked column and line
// charts whose categories and series are formulas over the workbook's own cells, so a chart follows a
// user's edits. Each reference carries a cache of the values written, which Excel and LibreOffice show
// until they recalculate. Elements are written in the order the schema's sequences require.
import { REL_NS, XML_HEAD } from './xml-text.js';

export interface ChartSeries {
  /** The series name and the cell holding it (a table header), e.g. `'Trend'!$B$1`. */
  name: { ref: string; text: string };
  /** The cells of its values and the values written there; null for a blank cell, drawn as a gap. */
  values: { ref: string; numbers: readonly (number | null)[] };
  /** Fill or line colour, `RRGGBB`. */
  colour: string;
}

export interface Chart {
  title: string;
  /** Alternative text for screen readers. */
  description: string;
  /** Horizontal bars, stacked columns, or lines with markers. */
  kind: 'bar' | 'stacked-column' | 'line';
  /** The category labels' cells and text (numbers for month cells, shown with `categoryFormat`). */
  categories: { ref: string; labels: readonly (string | number)[]; format?: string };
  series: readonly ChartSeries[];
  /** The value axis' number format, e.g. `£#,##0`. */
  valueFormat: string;
  /** 0-based cells at the top-left and bottom-right corners of the chart. */
  from: { row: number; column: number };
  to: { row: number; column: number };
}

export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const CATEGORY_AXIS = 1001;
const VALUE_AXIS = 1002;

export const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const val = (name: string, value: string | number): string => `<c:${name} val="${value}"/>`;

function stringCache(labels: readonly (string | number)[]): string {
  return (
    `<c:strCache>${val('ptCount', labels.length)}` +
    labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(l))}</c:v></c:pt>`).join('') +
    '</c:strCache>'
  );
}

/** A blank cell has no point in the cache (so the chart shows a gap there, as `dispBlanksAs` says). */
function numberCache(numbers: readonly (string | number | null)[], format: string): string {
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>${val('ptCount', numbers.length)}` +
    numbers.map((n, i) => (n === null ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join('') +
    '</c:numCache>'
  );
}

function categoriesXml(chart: Chart): string {
  const { ref, labels, format } = chart.categories;
  const f = `<c:f>${escapeXml(ref)}</c:f>`;
  return format === undefined
    ? `<c:cat><c:strRef>${f}${stringCache(labels)}</c:strRef></c:cat>`
    : `<c:cat><c:numRef>${f}${numberCache(labels, format)}</c:numRef></c:cat>`;
}

const solidFill = (colour: string) => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;

function seriesXml(chart: Chart, series: ChartSeries, index: number): string {
  const line = chart.kind === 'line';
  const shape = line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(series.colour)}<a:round/></a:ln></c:spPr>` +
      `<c:marker>${val('symbol', 'circle')}${val('size', 6)}<c:spPr>${solidFill(series.colour)}</c:spPr></c:marker>`
    : `<c:spPr>${solidFill(series.colour)}</c:spPr>${val('invertIfNegative', 0)}`;
  return (
    `<c:ser>${val('idx', index)}${val('order', index)}` +
    `<c:tx><c:strRef><c:f>${escapeXml(series.name.ref)}</c:f>${stringCache([series.name.text])}</c:strRef></c:tx>` +
    shape +
    categoriesXml(chart) +
    `<c:val><c:numRef><c:f>${escapeXml(series.values.ref)}</c:f>${numberCache(series.values.numbers, 'General')}</c:numRef></c:val>` +
    (line ? val('smooth', 0) : '') +
    '</c:ser>'
  );
}

function plotXml(chart: Chart): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join('');
  const axes = `${val('axId', CATEGORY_AXIS)}${val('axId', VALUE_AXIS)}`;
  if (chart.kind === 'line') {
    return `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${series}${val('marker', 1)}${axes}</c:lineChart>`;
  }
  const stacked = chart.kind === 'stacked-column';
  return (
    `<c:barChart>${val('barDir', stacked ? 'col' : 'bar')}${val('grouping', stacked ? 'stacked' : 'clustered')}` +
    `${val('varyColors', 0)}${series}${val('gapWidth', 60)}${stacked ? val('overlap', 100) : ''}${axes}</c:barChart>`
  );
}

const TEXT_PROPERTIES =
  '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>';

function axesXml(chart: Chart): string {
  // Horizontal bars list categories up the left from the value axis, the first at the bottom, as Excel
  // does by default: the one arrangement in which Excel and LibreOffice both list the legend in the
  // order of the bars (LibreOffice always lists a bar chart's legend bottom series first, even over a
  // reversed axis). Columns and lines list categories along the bottom.
  const bars = chart.kind === 'bar';
  const ticks = `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}`;
  const categoryFormat = chart.categories.format ?? 'General';
  return (
    `<c:catAx>${val('axId', CATEGORY_AXIS)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', bars ? 'l' : 'b')}` +
    `<c:numFmt formatCode="${escapeXml(categoryFormat)}" sourceLinked="1"/>${ticks}${TEXT_PROPERTIES}` +
    `${val('crossAx', VALUE_AXIS)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}` +
    `${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>` +
    `<c:valAx>${val('axId', VALUE_AXIS)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', bars ? 'b' : 'l')}<c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>${ticks}${TEXT_PROPERTIES}` +
    `${val('crossAx', CATEGORY_AXIS)}${val('crosses', 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`
  );
}

/** The chart part (`xl/charts/chartN.xml`). */
export function chartXml(chart: Chart): string {
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="en-GB" sz="1400" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val('overlay', 0)}</c:title>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `${val('roundedCorners', 0)}<c:chart>${title}${val('autoTitleDeleted', 0)}` +
    `<c:plotArea><c:layout/>${plotXml(chart)}${axesXml(chart)}</c:plotArea>` +
    `<c:legend>${val('legendPos', 't')}${val('overlay', 0)}</c:legend>` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart></c:chartSpace>`
  );
}
