// server/workbook/read.ts drives the internals of exceljs's streaming WorkbookReader (its public entry
// reads the raw zip by local headers, which our central-directory checks cannot vouch for). exceljs is
// pinned to one exact version for that; this contract fails on any upgrade that changes what read.ts uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../../../server/workbook/read.js';

const require = createRequire(import.meta.url);
const installed = (
  JSON.parse(readFileSync(require.resolve('exceljs/package.json'), 'utf8')) as { version: string }
).version;
const ours = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('the exceljs internals the workbook reader uses', () => {
  it('come from the one exact version package.json pins', () => {
    expect(ours.dependencies.exceljs).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(ours.dependencies.exceljs);
  });

  it('are still methods of the streaming WorkbookReader, of the same kind and arity', () => {
    const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, unknown>;
    const shape = (name: string) => {
      const method = reader[name] as ((...args: unknown[]) => unknown) | undefined;
      return method === undefined ? 'missing' : `${method.constructor.name}/${method.length}`;
    };
    expect(
      Object.fromEntries(
        ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'].map(
          (n) => [n, shape(n)],
        ),
      ),
    ).toEqual({
      _parseRels: 'AsyncFunction/1',
      _parseWorkbook: 'AsyncFunction/1',
      _parseSharedStrings: 'AsyncGeneratorFunction/1',
      _parseStyles: 'AsyncFunction/1',
      _parseWorksheet: 'GeneratorFunction/2',
    });
  });

  it('fill what read.ts reads back: relationships, sheet names, shared strings, styles and rows', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Données £');
    sheet.addRow(['Header', 'Amount (£)', 'When']);
    // Multi-byte text, a rich-text cell, a formula's cached result and a date read through its style.
    sheet.addRow(['Café “Ω” 😀', 1200.5, new Date(Date.UTC(2027, 1, 28))]);
    sheet.addRow([
      { richText: [{ text: 'Bold ' }, { text: 'and plain' }] },
      { formula: 'B2*2', result: 2401 },
    ]);
    book.addWorksheet('Second').addRow(['x']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const grids = await readWorkbookGrids(bytes);
    expect(Object.keys(grids)).toEqual(['Données £', 'Second']);
    expect(grids['Données £']!.values).toEqual([
      ['Header', 'Amount (£)', 'When'],
      ['Café “Ω” 😀', 1200.5, new Date(Date.UTC(2027, 1, 28))],
      ['Bold and plain', 2401],
    ]);
  });
});
