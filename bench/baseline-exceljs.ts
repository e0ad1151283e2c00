// The baseline for writing the consolidated workbook: exceljs's ordinary in-memory Workbook, given the
// same sheets, cells, formats, frozen headers and tables as ours.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { layoutRows } from '../server/workbook/layout-sheet.js';
import { CONSOLIDATED_SHEETS } from '../shared/report/index.js';
import type { ConsolidatedView } from '../shared/schemas.js';

export async function writeWithExceljs(view: ConsolidatedView, out: Writable): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(CONSOLIDATED_SHEETS.summary).addRows([
    ['Partnership', view.partnership],
    ['Net cost (£)', view.contributions.netCostPence / 100],
  ]);
  const items: Record<string, readonly object[]> = {
    Contributions: view.contributions.councils,
    'Skills coverage': view.skills.coverage,
    People: view.skills.people.map((p) => ({
      ...p,
      skills: p.skills.map((s) => `${s.skill} (${s.level})`).join('; '),
    })),
    Projects: view.projects.items,
    'Data quality': view.dataQuality.warnings,
    Submissions: view.submissions,
  };
  for (const layout of Object.values(CONSOLIDATED_SHEETS)) {
    if (typeof layout === 'string') continue;
    const sheet = book.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    layout.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width;
      if (c.numberFormat) column.numFmt = c.numberFormat;
    });
    const rows = [...layoutRows(layout, items[layout.sheet] ?? [])] as ExcelJS.CellValue[][];
    sheet.addTable({
      name: layout.table,
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: layout.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: rows.length ? rows : [layout.columns.map(() => null)],
    });
  }
  await book.xlsx.write(out);
}
