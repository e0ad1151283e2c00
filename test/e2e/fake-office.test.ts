// The in-memory Excel behind the browser tests keeps Office.js's rules, so that a pane that works
// against it batches and loads as real Excel needs.
import { describe, expect, it } from 'vitest';
import { RequestContext, REQUEST_LIMIT_BYTES } from './fake-office/excel/request-context.js';
import type { Sheet } from './fake-office/model/types.js';
import { Workbook } from './fake-office/model/workbook.js';

function context(): { wb: Workbook; ctx: RequestContext } {
  const wb = new Workbook();
  wb.addSheet('Data');
  return { wb, ctx: new RequestContext(wb) };
}

describe('the fake office.js', () => {
  it('refuses to read a property before it is loaded and synced', async () => {
    const { ctx } = context();
    const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
    range.values = [['a', 1]];
    expect(() => range.values).toThrow(/not available/);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([['a', 1]]);
  });

  it('applies queued writes only on sync, and counts the round trips', async () => {
    const { wb, ctx } = context();
    ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
    expect(wb.values(wb.requireSheet('Data'), { r0: 0, c0: 0, r1: 0, c1: 0 })).toEqual([['']]);
    await ctx.sync();
    expect(wb.values(wb.requireSheet('Data'), { r0: 0, c0: 0, r1: 0, c1: 0 })).toEqual([['x']]);
    expect(wb.syncCount).toBe(1);
  });

  it('tells a missing item from a present one only after sync', async () => {
    const { ctx } = context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
    const present = ctx.workbook.worksheets.getItemOrNullObject('Data');
    expect(() => missing.isNullObject).toThrow(/not available/);
    await ctx.sync();
    expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
  });

  it('refuses a request over 5 MB, as Excel on the web does, and applies none of it', async () => {
    const { wb, ctx } = context();
    const rows = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    ctx.workbook.worksheets.getItem('Data').getRange('A1:A6000').values = rows;
    await expect(ctx.sync()).rejects.toThrow(/payload size has exceeded/);
    expect(wb.largestRequestBytes).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(wb.usedRect(wb.requireSheet('Data'))).toBeUndefined();
  });

  it('refuses values whose shape does not match the range', async () => {
    const { ctx } = context();
    ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [['only one']];
    await expect(ctx.sync()).rejects.toThrow(/doesn't match the size/);
  });

  it('turns written text into what Excel would store', async () => {
    const { wb, ctx } = context();
    const sheet = ctx.workbook.worksheets.getItem('Data');
    sheet.getRange('B1').numberFormat = [['@']];
    sheet.getRange('A1:D1').values = [['2026-10', '2026-10', "'=1+1", '=1+1']];
    await ctx.sync();
    const data = wb.requireSheet('Data');
    expect(wb.values(data, { r0: 0, c0: 0, r1: 0, c1: 2 })).toEqual([[46296, '2026-10', '=1+1']]);
    expect(wb.cell(data, 0, 3)?.formula).toBe('=1+1');
  });

  it('converts typed text as Excel does: thousands, pounds, percentages, TRUE, scientific', async () => {
    const { wb, ctx } = context();
    const sheet = ctx.workbook.worksheets.getItem('Data');
    sheet.getRange('A1:F1').values = [['1,000', '£5', '50%', 'TRUE', '1e3', '£1,234.50']];
    sheet.getRange('G1').numberFormat = [['@']];
    sheet.getRange('G1').values = [['1,000']];
    await ctx.sync();
    const data = wb.requireSheet('Data');
    expect(wb.values(data, { r0: 0, c0: 0, r1: 0, c1: 6 })).toEqual([
      [1000, 5, 0.5, true, 1000, 1234.5, '1,000'],
    ]);
    expect(wb.formats(data, { r0: 0, c0: 0, r1: 0, c1: 5 })).toEqual([
      ['#,##0', '£#,##0', '0%', 'General', '0.00E+00', '£#,##0.00'],
    ]);
  });

  it('makes table headers unique text, as Excel does (Notes, Notes2, Column3)', async () => {
    const { wb, ctx } = context();
    const sheet = ctx.workbook.worksheets.getItem('Data');
    sheet.getRange('A1:D1').values = [['Notes', 'notes', '', 2026]];
    const table = sheet.tables.add('Data!A1:D2', true);
    table.columns.add(undefined, undefined, 'Notes');
    await ctx.sync();
    expect(wb.headers(wb.tables[0]!)).toEqual(['Notes', 'notes2', 'Column3', '2026', 'Notes3']);
  });

  it('refuses table names Excel refuses: spaces, cell-like names, duplicates', async () => {
    for (const name of ['My table', 'FY2024', 'A1', 'R1C1', '1st', 'Taken']) {
      const { ctx } = context();
      const sheet = ctx.workbook.worksheets.getItem('Data');
      sheet.getRange('A1:B1').values = [['a', 'b']];
      sheet.getRange('D1').values = [['c']];
      sheet.tables.add('Data!D1:D2', true).name = 'Taken';
      sheet.tables.add('Data!A1:B2', true).name = name;
      await expect(ctx.sync(), name).rejects.toThrow(/isn't valid|already exists/);
    }
    const { ctx } = context();
    ctx.workbook.worksheets.getItem('Data').tables.add('Data!A1:B2', true).name = 'Contributions_2026';
    await ctx.sync();
  });

  it('reads an address without a sheet name on the active sheet, as Office.js documents', async () => {
    const { wb, ctx } = context();
    ctx.workbook.worksheets.getItem('Data').tables.add('A1:B2', true);
    await ctx.sync();
    expect(wb.tables[0]!.sheet.name).toBe('Sheet1');
  });

  it('refuses an answer over 5 MB, as Excel on the web does', async () => {
    const { wb, ctx } = context();
    const data = wb.requireSheet('Data');
    for (let r = 0; r < 1500; r++) wb.write(data, r, 0, 'y'.repeat(4000));
    const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:A1500');
    range.load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(wb.refusedAnswers).toBe(1);
  });

  it('answers every change to a read-only workbook with AccessDenied, and still reads it', async () => {
    const { wb, ctx } = context();
    wb.write(wb.requireSheet('Data'), 0, 0, 'kept');
    wb.readOnly = true;
    const sheet = ctx.workbook.worksheets.getItem('Data');
    sheet.getRange('A1').values = [['changed']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    const range = sheet.getRange('A1');
    range.load('values');
    await ctx.sync();
    expect(range.values).toEqual([['kept']]);
  });
});

describe('the fake office.js charts', () => {
  /** A sheet Data with `rows` at A1, and a context to work on it. */
  async function withData(rows: unknown[][]) {
    const { wb, ctx } = context();
    const data = ctx.workbook.worksheets.getItem('Data');
    const width = Math.max(...rows.map((r) => r.length));
    data.getRange(`A1:${String.fromCharCode(64 + width)}${rows.length}`).values = rows;
    await ctx.sync();
    return { wb, ctx, data, sheet: wb.requireSheet('Data') };
  }
  const refs = (sheet: Sheet, index = 0) =>
    sheet.charts[index]!.series.map((s) => ({
      name: s.nameRef ? `@${s.nameRef.rect.r0},${s.nameRef.rect.c0}` : s.name,
      values: s.values && !s.values.broken ? s.values.rect : s.values?.broken ? '#REF!' : undefined,
      x: s.xValues?.rect,
    }));

  it('reads a block as Insert Chart does: headers name the series, a text column gives the categories', async () => {
    const { ctx, data, sheet } = await withData([
      ['Phase', 'Red', 'Amber', 'Green'],
      ['Alpha', 1, 2, 3],
      ['Beta', 0, 1, 4],
    ]);
    const chart = data.charts.add('ColumnStacked', data.getRange('A1:D3'), 'Columns');
    expect(() => chart.name).toThrow(/not available/);
    chart.load('name');
    chart.title.load('text');
    const red = chart.series.getItemAt(0).getDimensionValues('Values');
    const phases = chart.series.getItemAt(0).getDimensionValues('Categories');
    expect(() => red.value).toThrow(/not available/);
    await ctx.sync();
    // Excel's own name for a new chart, and its placeholder title for more than one series.
    expect([chart.name, chart.title.text]).toEqual(['Chart 1', 'Chart Title']);
    expect([red.value, phases.value]).toEqual([
      ['1', '0'],
      ['Alpha', 'Beta'],
    ]);
    expect(refs(sheet)).toEqual(
      [1, 2, 3].map((c) => ({
        name: `@0,${c}`,
        values: { r0: 1, c0: c, r1: 2, c1: c },
        x: { r0: 1, c0: 0, r1: 2, c1: 0 },
      })),
    );
  });

  it('makes a series of a first column of numbers (years, dates) unless the top-left cell is blank', async () => {
    const { ctx, data, sheet } = await withData([
      ['Year', 'Paid'],
      [2025, 10],
      [2026, 12],
    ]);
    data.charts.add('Line', data.getRange('A1:B3'), 'Auto');
    await ctx.sync();
    expect(refs(sheet).map((s) => s.name)).toEqual(['@0,0', '@0,1']);
    data.getRange('A1').values = [['']];
    data.charts.add('Line', data.getRange('A1:B3'), 'Auto');
    await ctx.sync();
    expect(refs(sheet, 1)).toEqual([
      { name: '@0,1', values: { r0: 1, c0: 1, r1: 2, c1: 1 }, x: { r0: 1, c0: 0, r1: 2, c1: 0 } },
    ]);
    // Auto reads series by rows when the block is wider than it is tall.
    data.charts.add('Line', data.getRange('A2:B2'), 'Auto');
    await ctx.sync();
    expect(sheet.charts[2]!.seriesBy).toBe('Rows');
    // Charts are named Chart N, N never reused on the sheet.
    expect(sheet.charts.map((c) => c.name)).toEqual(['Chart 1', 'Chart 2', 'Chart 3']);
  });

  it('follows its cells: an edit, rows added to the table, rows deleted, all rows deleted (#REF!)', async () => {
    const { ctx, data, sheet } = await withData([
      ['Month', 'Contributed'],
      ['Apr', 10],
      ['May', 20],
    ]);
    const table = data.tables.add('Data!A1:B3', true);
    table.name = 'Trend';
    const chart = data.charts.add('Line', table.columns.getItem('Contributed').getRange(), 'Columns');
    chart.series.getItemAt(0).setXAxisValues(table.columns.getItem('Month').getDataBodyRange());
    await ctx.sync();
    const shows = () => {
      const values = chart.series.getItemAt(0).getDimensionValues('Values');
      const months = chart.series.getItemAt(0).getDimensionValues('Categories');
      return ctx.sync().then(() => [values.value, months.value]);
    };
    data.getRange('B2').values = [[15]];
    table.rows.add(undefined, [['Jun', 30]]);
    expect(await shows()).toEqual([
      ['15', '20', '30'],
      ['Apr', 'May', 'Jun'],
    ]);
    data.getRange('A2:B2').delete('Up');
    expect(await shows()).toEqual([
      ['20', '30'],
      ['May', 'Jun'],
    ]);
    expect(refs(sheet)[0]!.values).toEqual({ r0: 1, c0: 1, r1: 2, c1: 1 });
    data.getRange('A2:B3').delete('Up');
    await ctx.sync();
    expect(refs(sheet)[0]!.values).toBe('#REF!');
  });

  it('adds series from single columns, positions the chart over cells, colours and dashes lines', async () => {
    const { ctx, data, sheet } = await withData([
      ['Council', 'Due', 'Paid'],
      ['Cherwell', 10, 8],
      ['Vale', 12, 12],
    ]);
    const chart = data.charts.add('BarClustered', data.getRange('C1:C3'), 'Columns');
    const paid = chart.series.getItemAt(0);
    paid.setXAxisValues(data.getRange('A2:A3'));
    const due = chart.series.add('Due');
    due.setValues(data.getRange('B2:B3'));
    due.setXAxisValues(data.getRange('A2:A3'));
    due.format.line.lineStyle = 'Dash';
    paid.format.fill.setSolidColor('#1D70B8');
    chart.axes.valueAxis.numberFormat = '£#,##0';
    // The first council at the top, the value axis along the bottom, the legend above.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = 'Maximum';
    chart.legend.position = 'Top';
    chart.setPosition('E2', data.getRange('L18:M20'));
    chart.title.text = 'Paid against due';
    chart.name = 'Money';
    chart.series.load('items/name');
    await ctx.sync();
    expect(chart.series.items.map((s) => s.name)).toEqual(['Paid', 'Due']);
    const [made] = sheet.charts;
    expect(made).toMatchObject({
      name: 'Money',
      title: 'Paid against due',
      position: { from: 'E2', to: 'M20' },
      axisFormats: { value: '£#,##0' },
      categoryAxis: { reversePlotOrder: true, position: 'Maximum' },
      legendPosition: 'Top',
    });
    expect(made!.series.map((s) => [s.fill, s.lineStyle])).toEqual([
      ['#1D70B8', undefined],
      [undefined, 'Dash'],
    ]);
    data.charts.load('items/name, count');
    await ctx.sync();
    expect([data.charts.count, data.charts.items.map((c) => c.name)]).toEqual([1, ['Money']]);
  });

  it('answers what Excel refuses as Excel does', async () => {
    const refused = async (queue: (c: ReturnType<typeof context>['ctx']) => void) => {
      const { ctx } = await withData([
        ['Council', 'Due', 'Paid'],
        ['Cherwell', 10, 8],
      ]);
      queue(ctx);
      return ctx.sync().then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
    };
    const data = (c: RequestContext) => c.workbook.worksheets.getItem('Data');
    const chart = (c: RequestContext) => data(c).charts.add('Line', data(c).getRange('B1:C2'), 'Columns');
    // Not a chart type; not a Range; a block as one series' values; a position on another sheet or
    // not an address; a series name over 255 characters; a colour or line style Excel does not know.
    expect(await refused((c) => data(c).charts.add('Invalid', data(c).getRange('A1:B2'), 'Auto'))).toBe(
      'InvalidArgument',
    );
    expect(
      await refused((c) =>
        // An address where Office.js takes a Range only.
        data(c).charts.add('Line', 'A1:B2' as never, 'Auto'),
      ),
    ).toBe('InvalidArgument');
    expect(await refused((c) => chart(c).series.getItemAt(0).setValues(data(c).getRange('B2:C2')))).toBe(
      'accepted',
    );
    expect(await refused((c) => chart(c).series.getItemAt(0).setValues(data(c).getRange('A1:C2')))).toBe(
      'InvalidArgument',
    );
    expect(await refused((c) => chart(c).setPosition('Sheet1!A1'))).toBe('InvalidArgument');
    expect(await refused((c) => chart(c).setPosition('not a cell'))).toBe('InvalidArgument');
    expect(await refused((c) => chart(c).series.add('x'.repeat(256)))).toBe('InvalidArgument');
    expect(await refused((c) => chart(c).series.getItemAt(0).format.fill.setSolidColor('#12'))).toBe(
      'InvalidArgument',
    );
    expect(
      await refused((c) => {
        chart(c).series.getItemAt(0).format.line.lineStyle = 'Wiggly';
      }),
    ).toBe('InvalidArgument');
    // A legend or axis position Excel does not take (Custom only through their own setters).
    for (const position of ['Invalid', 'Custom', 'Above']) {
      expect(
        await refused((c) => {
          chart(c).legend.position = position;
        }),
        position,
      ).toBe('InvalidArgument');
      expect(
        await refused((c) => {
          chart(c).axes.categoryAxis.position = position;
        }),
        position,
      ).toBe('InvalidArgument');
    }
    expect(
      await refused((c) => {
        chart(c).axes.categoryAxis.reversePlotOrder = 'yes' as unknown as boolean;
      }),
    ).toBe('InvalidArgument');
    expect(
      await refused((c) => {
        data(c).getRange('A:C').format.wrapText = 'yes' as unknown as boolean;
      }),
    ).toBe('InvalidArgument');
    expect(
      await refused((c) => {
        data(c).getRange('A:C').format.wrapText = true;
      }),
    ).toBe('accepted');
    // Asking for what is not there.
    expect(await refused((c) => data(c).charts.getItem('Nope').load('name'))).toBe('ItemNotFound');
    expect(await refused((c) => chart(c).series.getItemAt(5).setValues(data(c).getRange('B2')))).toBe(
      'ItemNotFound',
    );
    // A chart deleted earlier in the batch cannot be changed.
    expect(
      await refused((c) => {
        const made = chart(c);
        made.delete();
        made.title.text = 'Gone';
      }),
    ).toBe('ItemNotFound');
    // More than 255 series.
    const { ctx } = context();
    const wide = ctx.workbook.worksheets.getItem('Data');
    wide.getRange('A1:IW2').values = [
      Array.from({ length: 257 }, (_, i) => `S${i}`),
      Array.from({ length: 257 }, (_, i) => i),
    ];
    wide.charts.add('ColumnClustered', wide.getRange('A1:IW2'), 'Columns');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('tells a missing chart from a present one only after sync', async () => {
    const { ctx, data } = await withData([['Paid'], [1]]);
    data.charts.add('Line', data.getRange('A1:A2'), 'Columns').name = 'Here';
    const present = data.charts.getItemOrNullObject('Here');
    const missing = data.charts.getItemOrNullObject('Nope');
    const count = data.charts.getCount();
    expect(() => present.isNullObject).toThrow(/not available/);
    await ctx.sync();
    expect([present.isNullObject, missing.isNullObject, count.value]).toEqual([false, true, 1]);
  });
});
