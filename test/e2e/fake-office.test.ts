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
});
