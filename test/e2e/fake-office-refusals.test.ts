// The in-memory Excel refuses what Excel refuses, each with Excel's own error code, so that the pane's
// tests meet the days a finance officer really has: a filtered table, a cell still being typed in, a
// protected sheet, merged cells, Excel's data validation limits. Each test names its source: Microsoft's
// documentation or the office-js issue tracker.
import { describe, expect, it } from 'vitest';
import { VALIDATION_LIMITS } from './fake-office/excel/range.js';
import { RequestContext } from './fake-office/excel/request-context.js';
import { Workbook } from './fake-office/model/workbook.js';

/** A workbook with a table People (A1:B3) on Data, and a context to work on it. */
async function withTable(excelApi = '1.12') {
  const wb = new Workbook();
  wb.excelApi = excelApi;
  wb.addSheet('Data');
  const setup = new RequestContext(wb);
  const data = setup.workbook.worksheets.getItem('Data');
  data.getRange('A1:B3').values = [
    ['Name', 'Days'],
    ['Ann', 2],
    ['Bob', 3],
  ];
  data.tables.add('Data!A1:B3', true).name = 'People';
  await setup.sync();
  const ctx = new RequestContext(wb);
  const sheet = wb.requireSheet('Data');
  const cells = (address: string) => {
    const range = ctx.workbook.worksheets.getItem('Data').getRange(address);
    return range;
  };
  const read = (r0: number, c0: number, r1: number, c1: number) => wb.values(sheet, { r0, c0, r1, c1 });
  return { wb, ctx, sheet, data: ctx.workbook.worksheets.getItem('Data'), cells, read };
}

describe('the fake office.js refuses what Excel refuses', () => {
  // "Error handling with the application-specific JavaScript APIs" (FilteredRangeConflict);
  // office-js #224, #994, #468.
  it('refuses writing, deleting and adding rows in a filtered table until clearFilters()', async () => {
    const { wb, ctx, data, read } = await withTable();
    wb.table('People')!.filtered = true;
    const table = ctx.workbook.tables.getItem('People');
    const attempts: [string, () => void][] = [
      ['write', () => (data.getRange('A2:B2').values = [['Cat', 4]])],
      ['delete', () => data.getRange('A3:B3').delete('Up')],
      ['rows.add', () => table.rows.add(undefined, [['Dan', 1]])],
      ['clear', () => data.getRange('A2:B2').clear('Contents')],
    ];
    for (const [what, attempt] of attempts) {
      attempt();
      await expect(ctx.sync(), what).rejects.toMatchObject({ code: 'FilteredRangeConflict' });
    }
    expect(read(0, 0, 3, 1)).toEqual([
      ['Name', 'Days'],
      ['Ann', 2],
      ['Bob', 3],
      ['', ''],
    ]);
    table.clearFilters();
    table.rows.add(undefined, [['Dan', 1]]);
    data.getRange('A2:B2').values = [['Cat', 4]];
    await ctx.sync();
    expect(read(1, 0, 3, 1)).toEqual([
      ['Cat', 4],
      ['Bob', 3],
      ['Dan', 1],
    ]);
  });

  it('lets a filtered table be written around: cells outside it are not refused', async () => {
    const { wb, ctx, data, read } = await withTable();
    wb.table('People')!.filtered = true;
    data.getRange('D1').values = [['note']];
    await ctx.sync();
    expect(read(0, 3, 0, 3)).toEqual([['note']]);
  });

  // Same error list (InvalidOperationInCellEditMode); office-js #625, #856, #3020.
  it('refuses every request while the user is typing in a cell, reads included, and applies none', async () => {
    const { wb, ctx, data, read } = await withTable();
    wb.cellEditMode = true;
    data.getRange('A2').values = [['Changed']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const range = data.getRange('A2');
    range.load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    wb.cellEditMode = false;
    // A refused batch is gone, loads too: the pane asks again.
    range.load('values');
    await ctx.sync();
    expect(range.values).toEqual([['Ann']]);
    expect(read(1, 0, 1, 0)).toEqual([['Ann']]);
  });

  // office-js #6784; Microsoft Graph's range update answers AccessDenied for a locked cell
  // (microsoftgraph/microsoft-graph-docs #4546).
  it('refuses changes to a protected sheet, and new sheets in a workbook whose structure is protected', async () => {
    const { wb, ctx, data, sheet } = await withTable();
    sheet.protected = true;
    const attempts: [string, () => void][] = [
      ['values', () => (data.getRange('A2').values = [['x']])],
      ['format', () => (data.getRange('A2').numberFormat = [['@']])],
      ['table', () => data.tables.add('Data!D1:E2', true)],
      [
        'validation',
        () =>
          (data.getRange('B2:B3').dataValidation.rule = {
            decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
          }),
      ],
      ['column', () => ctx.workbook.tables.getItem('People').columns.add(undefined, undefined, 'Notes')],
    ];
    for (const [what, attempt] of attempts) {
      attempt();
      await expect(ctx.sync(), what).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    const protection = data.protection;
    protection.load('protected');
    await ctx.sync();
    expect(protection.protected).toBe(true);

    wb.structureProtected = true;
    ctx.workbook.worksheets.add('Another');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    data.visibility = 'Hidden';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Sheet1', 'Visible'],
      ['Data', 'Visible'],
    ]);
  });

  // TableCollection.add reference (MergedRangeConflict); tables and defined names share one namespace.
  it('makes no table over merged cells, nor one named as a defined name is', async () => {
    const { wb, ctx, data, sheet } = await withTable();
    sheet.merged.push({ r0: 0, c0: 4, r1: 0, c1: 5 });
    data.tables.add('Data!E1:F3', true);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    wb.names.add('budget');
    ctx.workbook.tables.getItem('People').name = 'Budget';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.tables.map((t) => t.name)).toEqual(['People']);
  });

  // MS-XLS DValStrings and "Add data validation to Excel ranges": title 32, prompt 255, error message
  // 225, a list typed in the rule 255; one rule type per rule.
  it('refuses data validation texts over Excel’s limits, and a rule of two types', async () => {
    const { ctx, data } = await withTable();
    const days = () => data.getRange('B2:B3').dataValidation;
    const attempts: [string, () => void][] = [
      [
        'title',
        () => (days().errorAlert = { showAlert: true, style: 'Stop', title: 'x'.repeat(33), message: 'm' }),
      ],
      [
        'message',
        () => (days().errorAlert = { showAlert: true, style: 'Stop', title: 't', message: 'x'.repeat(226) }),
      ],
      [
        'prompt',
        () =>
          ((days() as { prompt: unknown }).prompt = {
            showPrompt: true,
            title: 't',
            message: 'x'.repeat(256),
          }),
      ],
      [
        'prompt title',
        () =>
          ((days() as { prompt: unknown }).prompt = {
            showPrompt: true,
            title: 'x'.repeat(33),
            message: 'm',
          }),
      ],
      ['inline list', () => (days().rule = { list: { inCellDropDown: true, source: 'a,'.repeat(128) } })],
      [
        'two types',
        () =>
          (days().rule = {
            wholeNumber: { formula1: 0, operator: 'GreaterThan' },
            decimal: { formula1: 0, operator: 'GreaterThan' },
          }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      attempt();
      await expect(ctx.sync(), what).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    days().errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: 'x'.repeat(VALIDATION_LIMITS.title),
      message: 'x'.repeat(VALIDATION_LIMITS.errorMessage),
    };
    (days() as { prompt: unknown }).prompt = {
      showPrompt: true,
      title: 'Days',
      message: 'x'.repeat(VALIDATION_LIMITS.prompt),
    };
    days().rule = { list: { inCellDropDown: true, source: 'a'.repeat(VALIDATION_LIMITS.inlineList) } };
    await ctx.sync();
  });

  // office-js #2594: clear() clears the cells of its range, including part of a wider rule; a rule over
  // mixed validation is refused.
  it('clears validation from overlapping cells only, and refuses a rule over mixed validation', async () => {
    const { ctx, data, sheet } = await withTable();
    data.getRange('B2:B10').dataValidation.rule = {
      wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
    };
    await ctx.sync();
    data.getRange('B2:B3').dataValidation.rule = {
      decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
    };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    data.getRange('B2:B3').dataValidation.clear();
    await ctx.sync();
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ r0: 3, c0: 1, r1: 9, c1: 1 }]);
  });

  // Range.values reference: text starting =, + or - is a formula.
  it('makes text starting with +, - or = a formula, unless it is a number or has the apostrophe', async () => {
    const { wb, ctx, data, sheet } = await withTable();
    data.getRange('D1:H1').values = [['- see notes', '+44 1295', '-5', "'- kept", '=A1']];
    await ctx.sync();
    expect(wb.values(sheet, { r0: 0, c0: 3, r1: 0, c1: 7 })).toEqual([
      ['#NAME?', '#NAME?', -5, '- kept', '#NAME?'],
    ]);
    expect(wb.cell(sheet, 0, 3)?.formula).toBe('=- see notes');
  });

  // TableColumnCollection.add reference; office-js #2093, #5909: a column added shifts what is to
  // the right of the table, and fails where it cannot.
  it('shifts cells right of a table when a column is added, and refuses to push a value off the sheet', async () => {
    const { wb, ctx, sheet, read } = await withTable();
    wb.write(sheet, 1, 2, 'beside');
    wb.write(sheet, 5, 2, 'below');
    ctx.workbook.tables.getItem('People').columns.add(undefined, undefined, 'Notes');
    await ctx.sync();
    expect(read(0, 0, 1, 3)).toEqual([
      ['Name', 'Days', 'Notes', ''],
      ['Ann', 2, '', 'beside'],
    ]);
    expect(read(5, 2, 5, 2)).toEqual([['below']]);
    wb.write(sheet, 2, 16_383, 'last column');
    ctx.workbook.tables.getItem('People').columns.add(undefined, undefined, 'More');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'NonBlankCellOffSheet' });
  });

  // Error list (InsertDeleteConflict): deleting cells would move part of a table.
  it('refuses a delete that would move part of a table', async () => {
    const { wb, ctx, data, sheet } = await withTable();
    wb.write(sheet, 5, 0, 'x');
    // Column A only of the table's rows: its cells in column B would stay while A's moved up.
    data.getRange('A2:A3').delete('Up');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InsertDeleteConflict' });
    data.getRange('A5:B5').delete('Up');
    await ctx.sync();
    expect(wb.values(sheet, { r0: 4, c0: 0, r1: 4, c1: 0 })).toEqual([['x']]);
  });

  // office-js #3148, #2196: a hidden sheet cannot be activated, nor a cell on it selected.
  it('refuses to activate a hidden sheet or select a cell on it', async () => {
    const { wb, ctx, sheet } = await withTable();
    sheet.visibility = 'Hidden';
    ctx.workbook.worksheets.getItem('Data').activate();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    ctx.workbook.worksheets.getItem('Data').getRange('A1').select();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(wb.activeSheet).toBe('Sheet1');
  });

  // "Blank and null values in Excel add-ins": every payload travels as JSON; null leaves a cell alone.
  it('sends every payload as JSON: NaN and undefined arrive as null and leave their cells alone', async () => {
    const { ctx, data, read } = await withTable();
    data.getRange('A2:B3').values = [
      ['Ann B', Number.NaN],
      [undefined, Number.POSITIVE_INFINITY],
    ] as unknown[][];
    await ctx.sync();
    expect(read(1, 0, 2, 1)).toEqual([
      ['Ann B', 2],
      ['Bob', 3],
    ]);
  });

  // Requirement sets: a member newer than the host's ExcelApi fails with ApiNotFound.
  it('fails a member newer than the host’s requirement set with ApiNotFound', async () => {
    const { ctx, data } = await withTable('1.8');
    data.getRange('A1:B3').dataValidation.clear(); // 1.8: there
    await ctx.sync();
    const chart = data.charts.add('ColumnClustered', data.getRange('A1:B3'), 'Auto');
    chart.series.getItemAt(0).getDimensionValues('Values'); // 1.12
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    const old = await withTable('1.7');
    old.data.getRange('B2:B3').dataValidation.clear();
    await expect(old.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    // Where a chart's value axis crosses its categories: 1.8.
    const older = await withTable('1.7');
    older.data.charts.add('BarClustered', older.data.getRange('A1:B3'), 'Auto').axes.categoryAxis.position =
      'Maximum';
    await expect(older.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
