// The in-memory Excel behind the browser tests keeps Office.js's rules, so that a pane that works
// against it batches and loads as real Excel needs.
import { describe, expect, it } from 'vitest';
import { RequestContext, REQUEST_LIMIT_BYTES } from './fake-office/api.js';
import { Workbook } from './fake-office/workbook.js';

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
