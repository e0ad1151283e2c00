// What the pane writes into cells and how it splits big writes.
import { describe, expect, it } from 'vitest';
import { blockAddress, columnLetters, sheetOf, topLeftOf } from '../../addin/src/excel/addresses.js';
import { cellValue } from '../../addin/src/excel/cell-values.js';
import { chunkRowsByJsonSize, jsonBytes } from '../../addin/src/excel/chunks.js';
import { alignToTable } from '../../addin/src/excel/write-table.js';

describe('cell values', () => {
  it('keeps council text as text: formula-like strings get the text prefix', () => {
    expect(cellValue('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(cellValue('-5 days')).toBe("'-5 days");
    expect(cellValue('+44 1295 227001')).toBe("'+44 1295 227001");
    expect(cellValue('@team')).toBe("'@team");
    // Text Excel would turn into a number, a boolean or a date stays the text the council sent.
    for (const text of ['1,000', '£5', '50%', '1e3', 'TRUE', 'false', '2026-10', '12/3/2026', '007'])
      expect(cellValue(text)).toBe(`'${text}`);
    expect(cellValue('Shared team')).toBe('Shared team');
    expect(cellValue('INV-101')).toBe('INV-101');
    expect(cellValue(12.5)).toBe(12.5);
    expect(cellValue(undefined)).toBe('');
  });
});

describe('addresses', () => {
  it('reads and writes A1 addresses, quoted sheet names included', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
    expect(topLeftOf("'CDO time'!AB12:AD20")).toEqual({ column: 27, row: 12 });
    expect(sheetOf("'Mary''s sheet'!A1")).toBe("Mary's sheet");
    expect(blockAddress({ column: 2, row: 5 }, 3, 2)).toBe('C5:D7');
  });
});

describe('aligning rows to a table', () => {
  it('follows the table’s own column order and leaves the user’s extra columns alone', () => {
    const rows = alignToTable(
      ['Amount (£)', 'My notes', 'Month'],
      { headers: ['Month', 'Amount (£)'], rows: [['2026-10', 5]] },
      null,
    );
    expect(rows).toEqual([[5, null, "'2026-10"]]);
  });
});

describe('chunking', () => {
  it('keeps every block under the budget and every row exactly once', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, 'x'.repeat(i % 97)]);
    const chunks = chunkRowsByJsonSize(rows, 5_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(jsonBytes(chunk.rows)).toBeLessThanOrEqual(5_000);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
    expect(chunks.map((c) => c.start)).toEqual(
      chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.rows.length, 0)),
    );
  });

  it('sends a row bigger than the budget on its own rather than dropping it', () => {
    const chunks = chunkRowsByJsonSize([['a'], ['x'.repeat(200)], ['b']], 50);
    expect(chunks.map((c) => c.rows.length)).toEqual([1, 1, 1]);
  });
});
