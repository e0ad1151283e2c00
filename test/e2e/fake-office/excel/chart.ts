// Chart, its collection, title and axes.
import { CHART_AXIS_POSITIONS, CHART_LEGEND_POSITIONS, CHART_TYPES } from '../enums.js';
import { formatAddress, parseAddress } from '../model/addresses.js';
import type { Chart, Rect, Sheet } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import { defaultTitle, seriesOf, sheetOfChart } from './chart-rules.js';
import { ChartSeriesCollection } from './chart-series.js';
import type { Batch } from './proxy.js';
import { INVALID_ARGUMENT, Proxy, ProxyCollection } from './proxy.js';
import { rangeArgument } from './range.js';

export class ChartCollection extends ProxyCollection<Chart, ChartProxy> {
  constructor(
    ctx: Batch,
    private readonly sheet: () => Sheet,
  ) {
    super(ctx, 'charts');
  }
  protected targets(): Chart[] {
    return this.sheet().charts;
  }
  protected make(chart: Chart): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      sheetOfChart(this.ctx.wb, chart);
      return chart;
    });
  }

  add(type: string, source: unknown, seriesBy = 'Auto'): ChartProxy {
    const holder: { chart?: Chart } = {};
    this.ctx.enqueue(
      () => {
        if (!CHART_TYPES.has(type)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
        const target = rangeArgument(source);
        const sheet = this.sheet();
        const made = seriesOf(this.ctx.wb, target, seriesBy);
        sheet.chartsAdded += 1;
        holder.chart = {
          name: `Chart ${sheet.chartsAdded}`,
          type,
          source: formatAddress(target.sheet.name, target.rect),
          seriesBy: made.seriesBy,
          title: defaultTitle(this.ctx.wb, made.series),
          series: made.series,
          axisFormats: {},
          displayBlanksAs: 'NotPlotted',
          categoryAxis: {},
        };
        sheet.charts.push(holder.chart);
      },
      { type, seriesBy },
    );
    return new ChartProxy(this.ctx, () => {
      if (!holder.chart) throw new ExcelError('ItemNotFound', 'The chart was not created.');
      sheetOfChart(this.ctx.wb, holder.chart);
      return holder.chart;
    });
  }

  /** The first chart of that name (names need not be unique in Excel). */
  private find(name: string): Chart {
    const chart = this.sheet().charts.find((c) => c.name === name);
    if (!chart) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: chart ${name}.`);
    return chart;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.find(name));
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.find(name), true);
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      const chart = this.sheet().charts[index];
      if (!chart) throw new ExcelError('ItemNotFound', `There is no chart at position ${index}.`);
      return chart;
    });
  }
}

class ChartProxy extends Proxy<Chart> {
  readonly title: ChartTitleProxy;
  readonly legend: ChartLegendProxy;
  readonly series: ChartSeriesCollection;
  readonly axes: { valueAxis: ChartAxisProxy; categoryAxis: ChartAxisProxy };

  constructor(ctx: Batch, resolve: () => Chart, nullable = false) {
    super(ctx, resolve, nullable);
    this.title = new ChartTitleProxy(ctx, () => this.resolve());
    this.legend = new ChartLegendProxy(ctx, () => this.resolve());
    this.series = new ChartSeriesCollection(ctx, () => this.resolve());
    this.axes = {
      valueAxis: new ChartAxisProxy(ctx, () => this.resolve(), 'value'),
      categoryAxis: new ChartAxisProxy(ctx, () => this.resolve(), 'category'),
    };
  }

  protected read(prop: string, chart: Chart): unknown {
    switch (prop) {
      case 'name':
        return chart.name;
      case 'chartType':
        return chart.type;
      case 'plotBy':
        return chart.seriesBy;
      case 'displayBlanksAs':
        return chart.displayBlanksAs;
      default:
        throw new ExcelError('InvalidArgument', `The fake does not load Chart.${prop}.`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change((c) => {
      if (typeof value !== 'string' || value.length === 0)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.name = value;
    }, value);
  }
  get chartType(): string {
    return this.loaded('chartType');
  }
  /** ExcelApi 1.8. */
  get displayBlanksAs(): string {
    return this.loaded('displayBlanksAs');
  }
  set displayBlanksAs(value: string) {
    this.change((c) => {
      if (!['NotPlotted', 'Zero', 'Interplotted'].includes(value))
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.displayBlanksAs = value;
    }, value);
  }
  set chartType(value: string) {
    this.change((c) => {
      if (!CHART_TYPES.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.type = value;
    }, value);
  }

  /** Moves the chart over cells of its own sheet: `start`'s top-left corner to `end`'s bottom-right. */
  setPosition(start: unknown, end?: unknown): void {
    this.change((c) => {
      const sheet = sheetOfChart(this.ctx.wb, c);
      const cell = (value: unknown): Rect => {
        if (typeof value === 'string') {
          let parsed: ReturnType<typeof parseAddress>;
          try {
            parsed = parseAddress(value);
          } catch {
            throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
          }
          if (parsed.sheet && this.ctx.wb.sheet(parsed.sheet) !== sheet)
            throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
          return parsed.rect;
        }
        const target = rangeArgument(value);
        if (target.sheet !== sheet) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
        return target.rect;
      };
      const from = cell(start);
      const topLeft = formatAddress(undefined, { ...from, r1: from.r0, c1: from.c0 });
      if (end === undefined || end === null) {
        c.position = { from: topLeft };
        return;
      }
      const to = cell(end);
      if (to.r1 < from.r0 || to.c1 < from.c0) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.position = { from: topLeft, to: formatAddress(undefined, { ...to, r0: to.r1, c0: to.c1 }) };
    });
  }

  /** Reads the series afresh from `source`, as charts.add does. */
  setData(source: unknown, seriesBy = 'Auto'): void {
    this.change((c) => {
      const target = rangeArgument(source);
      const made = seriesOf(this.ctx.wb, target, seriesBy);
      c.source = formatAddress(target.sheet.name, target.rect);
      c.seriesBy = made.seriesBy;
      c.series = made.series;
    });
  }

  delete(): void {
    this.change((chart) => {
      const sheet = sheetOfChart(this.ctx.wb, chart);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartTitleProxy extends Proxy<Chart> {
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'text') return chart.title;
    throw new ExcelError('InvalidArgument', `The fake does not load ChartTitle.${prop}.`);
  }
  get text(): string {
    return this.loaded('text');
  }
  set text(value: string) {
    this.change((c) => {
      if (typeof value !== 'string') throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.title = value;
    }, value);
  }
}

class ChartLegendProxy extends Proxy<Chart> {
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'position') return chart.legendPosition ?? 'Right';
    throw new ExcelError('InvalidArgument', `The fake does not load ChartLegend.${prop}.`);
  }
  get position(): string {
    return this.loaded('position');
  }
  /** ExcelApi 1.1; `Invalid` (and anything not a position) is refused. */
  set position(value: string) {
    this.change((c) => {
      if (!CHART_LEGEND_POSITIONS.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.legendPosition = value;
    }, value);
  }
}

class ChartAxisProxy extends Proxy<Chart> {
  constructor(
    ctx: Batch,
    resolve: () => Chart,
    private readonly which: 'value' | 'category',
  ) {
    super(ctx, resolve);
  }
  protected read(prop: string, chart: Chart): unknown {
    if (prop === 'numberFormat') return chart.axisFormats[this.which] ?? 'General';
    if (this.which === 'category' && prop === 'reversePlotOrder')
      return chart.categoryAxis.reversePlotOrder ?? false;
    if (this.which === 'category' && prop === 'position') return chart.categoryAxis.position ?? 'Automatic';
    throw new ExcelError('InvalidArgument', `The fake does not load ChartAxis.${prop}.`);
  }
  /** The fake keeps these for the category axis only, the one a pane sets them on. */
  private category(member: string): void {
    if (this.which !== 'category')
      throw new ExcelError('InvalidArgument', `The fake sets ChartAxis.${member} on the category axis only.`);
  }
  get reversePlotOrder(): boolean {
    return this.loaded('reversePlotOrder');
  }
  set reversePlotOrder(value: boolean) {
    this.ctx.requires('1.7', 'ChartAxis.reversePlotOrder');
    this.category('reversePlotOrder');
    this.change((c) => {
      if (typeof value !== 'boolean') throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.categoryAxis.reversePlotOrder = value;
    }, value);
  }
  get position(): string {
    return this.loaded('position');
  }
  /** Where the other axis crosses this one. `Custom` comes only from setPositionAt, which the fake has not. */
  set position(value: string) {
    this.ctx.requires('1.8', 'ChartAxis.position');
    this.category('position');
    this.change((c) => {
      if (!CHART_AXIS_POSITIONS.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      c.categoryAxis.position = value;
    }, value);
  }
  get numberFormat(): string {
    return this.loaded('numberFormat');
  }
  set numberFormat(value: string) {
    this.ctx.requires('1.8', 'ChartAxis.numberFormat');
    this.change((c) => (c.axisFormats[this.which] = value), value);
  }
}
