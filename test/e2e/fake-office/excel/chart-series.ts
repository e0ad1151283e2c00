// ChartSeries and its collection.
import { CHART_LINE_STYLES } from '../enums.js';
import type { Chart, ChartSeries } from '../model/types.js';
import { ExcelError } from '../model/types.js';
import { isColour, MAX_CHART_SERIES, MAX_SERIES_NAME, seriesName, sheetOfChart } from './chart-rules.js';
import type { Batch } from './proxy.js';
import { ClientResult, INVALID_ARGUMENT, notLoaded, Proxy, ProxyCollection } from './proxy.js';
import { rangeArgument } from './range.js';

export class ChartSeriesCollection extends ProxyCollection<SeriesTarget, ChartSeriesProxy> {
  constructor(
    ctx: Batch,
    private readonly chart: () => Chart,
  ) {
    super(ctx, 'series');
  }
  protected targets(): SeriesTarget[] {
    const chart = this.chart();
    return chart.series.map((series) => ({ chart, series }));
  }
  protected make(target: SeriesTarget): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, () => target);
  }

  /** A new, empty series (Excel shows it once it has values), at `index` or last. */
  add(name?: string, index?: number): ChartSeriesProxy {
    this.ctx.requires('1.7', 'ChartSeriesCollection.add');
    const holder: { series?: ChartSeries; chart?: Chart } = {};
    this.ctx.enqueue(() => {
      const chart = this.chart();
      if (name !== undefined && (typeof name !== 'string' || name.length > MAX_SERIES_NAME))
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      if (chart.series.length >= MAX_CHART_SERIES)
        throw new ExcelError(
          'InvalidArgument',
          `The maximum number of data series per chart is ${MAX_CHART_SERIES}.`,
        );
      const at = index ?? chart.series.length;
      if (!Number.isInteger(at) || at < 0 || at > chart.series.length)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      holder.series = { name: name ?? `Series${chart.series.length + 1}` };
      holder.chart = chart;
      chart.series.splice(at, 0, holder.series);
    }, name);
    return new ChartSeriesProxy(this.ctx, () => {
      if (!holder.series || !holder.chart)
        throw new ExcelError('ItemNotFound', 'The series was not created.');
      return { chart: holder.chart, series: holder.series };
    });
  }

  /** The series at `index` when the batch first uses it; Office.js keeps that object afterwards. */
  getItemAt(index: number): ChartSeriesProxy {
    let bound: { chart: Chart; series: ChartSeries } | undefined;
    return new ChartSeriesProxy(this.ctx, () => {
      if (!bound) {
        const chart = this.chart();
        const series = chart.series[index];
        if (!series) throw new ExcelError('ItemNotFound', `The chart has no series at position ${index}.`);
        bound = { chart, series };
      }
      return bound;
    });
  }
}

interface SeriesTarget {
  chart: Chart;
  series: ChartSeries;
}

class ChartSeriesProxy extends Proxy<SeriesTarget> {
  readonly format: {
    fill: { setSolidColor: (colour: string) => void; clear: () => void };
    line: { color: string; lineStyle: string };
  };

  constructor(ctx: Batch, resolve: () => SeriesTarget) {
    // A series of a deleted chart, or deleted itself, is gone.
    super(ctx, () => {
      const target = resolve();
      sheetOfChart(ctx.wb, target.chart);
      if (!target.chart.series.includes(target.series))
        throw new ExcelError('ItemNotFound', 'The requested resource doesn’t exist: the series was deleted.');
      return target;
    });
    const change = (op: (s: ChartSeries) => void, payload?: unknown) =>
      this.change((t) => op(t.series), payload);
    this.format = {
      fill: {
        setSolidColor: (colour) =>
          change((s) => {
            if (!isColour(colour)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.fill = colour;
          }, colour),
        clear: () => change((s) => delete s.fill),
      },
      line: {
        set color(value: string) {
          change((s) => {
            if (!isColour(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.lineColor = value;
          }, value);
        },
        get color(): string {
          throw notLoaded('color');
        },
        set lineStyle(value: string) {
          ctx.requires('1.7', 'ChartLineFormat.lineStyle');
          change((s) => {
            if (!CHART_LINE_STYLES.has(value)) throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
            s.lineStyle = value;
          }, value);
        },
        get lineStyle(): string {
          throw notLoaded('lineStyle');
        },
      },
    };
  }

  protected read(prop: string, target: SeriesTarget): unknown {
    if (prop === 'name') return seriesName(this.ctx.wb, target.series);
    throw new ExcelError('InvalidArgument', `The fake does not load ChartSeries.${prop}.`);
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change((t) => {
      if (typeof value !== 'string' || value.length > MAX_SERIES_NAME)
        throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      t.series.name = value;
      delete t.series.nameRef;
    }, value);
  }

  /** A series' values are one row or one column of cells; Excel refuses a block. */
  setValues(source: unknown): void {
    this.ctx.requires('1.7', 'ChartSeries.setValues');
    this.change((t) => {
      const target = rangeArgument(source);
      const { rect } = target;
      if (rect.r0 !== rect.r1 && rect.c0 !== rect.c1)
        throw new ExcelError(
          'InvalidArgument',
          'The reference is not valid. References for titles, values, sizes, or data labels must be a single cell, row, or column.',
        );
      t.series.values = { sheet: target.sheet, rect: { ...rect } };
    });
  }

  setXAxisValues(source: unknown): void {
    this.ctx.requires('1.7', 'ChartSeries.setXAxisValues');
    this.change((t) => {
      const target = rangeArgument(source);
      t.series.xValues = { sheet: target.sheet, rect: { ...target.rect } };
    });
  }

  /** ExcelApi 1.12: what the series shows now, as text. */
  getDimensionValues(dimension: string): ClientResult<string[]> {
    this.ctx.requires('1.12', 'ChartSeries.getDimensionValues');
    return new ClientResult(this.ctx, () => {
      const { series } = this.resolve();
      const values = this.ctx.wb.readRange(series.values);
      switch (dimension) {
        case 'Values':
        case 'YValues':
          return values.map(String);
        case 'Categories':
        case 'XValues':
          return series.xValues
            ? this.ctx.wb.readRange(series.xValues).map(String)
            : values.map((_, i) => String(i + 1));
        default:
          throw new ExcelError('InvalidArgument', INVALID_ARGUMENT);
      }
    });
  }

  delete(): void {
    this.ctx.requires('1.7', 'ChartSeries.delete');
    this.change((t) => (t.chart.series = t.chart.series.filter((s) => s !== t.series)));
  }
}
